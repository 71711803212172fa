/**
 * Render admission: permits by memory and count before a render starts, so that a flood is a 503
 * and never an out-of-memory.
 *
 * <p><b>Internal to imagegate.</b> Not API: its public types are public only for the packages of
 * ours that use them (ArchitectureTest lists which), and may change in any release.
 */
package io.imagegate.admission;
