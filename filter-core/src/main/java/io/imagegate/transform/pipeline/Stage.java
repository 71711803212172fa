package io.imagegate.transform.pipeline;

import io.imagegate.transform.model.Step;
import java.awt.image.BufferedImage;

/**
 * One part of rendering a step (trim, geometry, rotation, ...), in the manner of imgproxy's
 * pipeline steps. A stage never modifies the image it is given: it returns a new image, or the same
 * one when the step asks nothing of it.
 */
interface Stage {

  /** The transformation keys this stage reads, for error messages, e.g. {@code rt}. */
  String keys();

  /**
   * Applies the stage's part of {@code step}.
   *
   * @throws io.imagegate.failure.ImageGateException (400) when the result would be too large
   * @throws IllegalArgumentException when an operation refuses a value; the caller turns it into a
   *     400
   */
  BufferedImage apply(BufferedImage image, Step step);
}
