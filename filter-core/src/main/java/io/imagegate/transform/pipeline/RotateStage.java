package io.imagegate.transform.pipeline;

import io.imagegate.transform.Rotation;
import io.imagegate.transform.Step;
import io.imagegate.transform.ops.Rotate;
import java.awt.image.BufferedImage;

/**
 * {@code rt}: clockwise rotation. {@code rt-auto} is a no-op here because the decoder has already
 * applied the EXIF orientation. A free angle enlarges the canvas to the rotated bounding box,
 * filled with {@code bg} or transparent ({@link Fill#uncovered}); that size is checked against
 * the limit before any pixel is allocated.
 */
final class RotateStage implements Stage {
  private final SizeLimit limit;

  RotateStage(SizeLimit limit) {
    this.limit = limit;
  }

  @Override
  public String keys() {
    return "rt";
  }

  @Override
  public BufferedImage apply(BufferedImage image, Step step) {
    Rotation rotation = step.rotation().orElse(null);
    if (rotation == null || rotation.auto() || rotation.degrees() == 0) {
      return image;
    }
    int w = image.getWidth();
    int h = image.getHeight();
    double radians = Math.toRadians(rotation.degrees());
    // The bounding box of the rotated image, as Rotate computes it (plus one pixel of slack).
    long rotatedWidth = (long) Math.ceil(w * Math.abs(Math.cos(radians))
        + h * Math.abs(Math.sin(radians)));
    long rotatedHeight = (long) Math.ceil(w * Math.abs(Math.sin(radians))
        + h * Math.abs(Math.cos(radians)));
    limit.check("rt-" + rotation.token(), w, h, rotatedWidth, rotatedHeight);
    return Rotate.rotate(image, rotation.degrees(), Fill.uncovered(step));
  }
}
