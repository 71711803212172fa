/**
 * Pure pixel operations on {@link java.awt.image.BufferedImage}s (resampling, cuts, padding,
 * rotation, effects, corners, composition): no I/O, nothing modified in place, no dependency on the
 * rest of imagegate.
 *
 * <p><b>Internal to imagegate.</b> Not API: its public types are public only for the packages of
 * ours that use them (ArchitectureTest lists which), and may change in any release.
 */
package io.imagegate.transform.ops;
