/**
 * Geometry: {@link io.imagegate.transform.geometry.GeometryPlanner} turns a step and an image size
 * into a {@link io.imagegate.transform.geometry.ResizePlan} (source region, scaled size, canvas,
 * offsets), in integers, before any pixel is touched; the renderer plans a chain once and hands
 * each plan to the decoder and to the stages.
 *
 * <p><b>Internal to imagegate.</b> Not API: its public types are public only for the packages of
 * ours that use them (ArchitectureTest lists which), and may change in any release.
 */
package io.imagegate.transform.geometry;
