/**
 * One variant from one source: {@link io.imagegate.transform.render.VariantRenderer} decodes
 * (reduced when the plan allows; a plain JPEG resampled to the first step's size straight from the
 * decoder's buffer), runs the pipeline and encodes.
 *
 * <p><b>Internal to imagegate.</b> Not API: its public types are public only for the packages of
 * ours that use them (ArchitectureTest lists which), and may change in any release.
 */
package io.imagegate.transform.render;
