package io.imagegate.transform.pipeline;

import io.imagegate.transform.model.Step;
import io.imagegate.transform.ops.Corners;
import java.awt.image.BufferedImage;

/**
 * {@code r-N} / {@code r-max}: rounded corners, applied before the border so that the border frames
 * the rectangle (as ImageKit draws {@code b} around a rounded image). Outside the corners is {@code
 * bg}, else transparent ({@link Fill#uncovered}).
 */
final class RadiusStage implements Stage {

  @Override
  public String keys() {
    return "r";
  }

  @Override
  public BufferedImage apply(BufferedImage image, Step step) {
    if (step.radius().isEmpty()) {
      return image;
    }
    io.imagegate.transform.model.Radius radius = step.radius().get();
    int pixels = radius.max() ? Corners.MAX : radius.pixels();
    return Corners.round(image, pixels, Fill.uncovered(step));
  }
}
