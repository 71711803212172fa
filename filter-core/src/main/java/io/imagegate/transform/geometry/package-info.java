/**
 * Geometry: {@link io.imagegate.transform.geometry.GeometryPlanner} turns a step and an image size
 * into a {@link io.imagegate.transform.geometry.ResizePlan} (source region, scaled size, canvas,
 * offsets), in integers, before any pixel is touched; the renderer plans a chain once and hands
 * each plan to the decoder and to the stages.
 */
package io.imagegate.transform.geometry;
