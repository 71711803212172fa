/**
 * Rendering: {@link io.imagegate.transform.pipeline.ImagePipeline} applies a parsed {@link
 * io.imagegate.transform.Transformation} to a decoded image as a list of small stages (trim,
 * geometry, rotation, effects, radius, border, overlays), each one file built on the pure
 * operations of {@link io.imagegate.transform.ops}, none modifying the image it is given. Overlay
 * images come from the caller through {@link io.imagegate.transform.pipeline.OverlayImages}, so
 * that resolution and access checks stay where the request is understood.
 *
 * <p><b>Internal to imagegate.</b> Not API: its public types are public only for the packages of
 * ours that use them (ArchitectureTest lists which), and may change in any release.
 */
package io.imagegate.transform.pipeline;
