package io.imagegate.transform.geometry;

import java.util.Objects;

/**
 * What the renderer planned before decoding: the source's size (what {@code iw}, {@code ih} mean
 * for the whole chain) and the first step's geometry on the image as decoded, which may be a
 * reduction of the source. The pipeline follows this plan instead of planning the first step again.
 *
 * @param sourceWidth the source's width, EXIF orientation applied
 * @param sourceHeight the source's height
 * @param firstStep the first step's plan for the decoded image
 */
public record DecodePlan(int sourceWidth, int sourceHeight, ResizePlan firstStep) {
  /** Checks the plan. */
  public DecodePlan {
    Objects.requireNonNull(firstStep, "firstStep");
    if (sourceWidth < 1 || sourceHeight < 1) {
      throw new IllegalArgumentException("a source has at least one pixel");
    }
  }
}
