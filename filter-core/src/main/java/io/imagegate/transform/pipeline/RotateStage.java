package io.imagegate.transform.pipeline;

import io.imagegate.transform.model.Rotation;
import io.imagegate.transform.model.Step;
import io.imagegate.transform.ops.Rotate;
import java.awt.image.BufferedImage;

/**
 * {@code rt}: clockwise rotation. {@code rt-auto} is a no-op here because the decoder has already
 * applied the EXIF orientation. A free angle enlarges the canvas to the rotated bounding box,
 * filled with {@code bg} or transparent ({@link Fill#uncovered}); that size is checked against the
 * limit before any pixel is allocated.
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
    long rotatedWidth = w;
    long rotatedHeight = h;
    if (rotation.rightAngle()) {
      if (rotation.degrees() % 180 != 0) {
        rotatedWidth = h;
        rotatedHeight = w;
      }
    } else {
      // The bounding box of the rotated image, computed as Rotate computes it.
      double cos = Math.abs(Math.cos(Math.toRadians(rotation.degrees())));
      double sin = Math.abs(Math.sin(Math.toRadians(rotation.degrees())));
      rotatedWidth = (long) Math.ceil(w * cos + h * sin - 1e-6);
      rotatedHeight = (long) Math.ceil(w * sin + h * cos - 1e-6);
    }
    limit.check("rt-" + rotation.token(), w, h, rotatedWidth, rotatedHeight);
    return Rotate.rotate(image, rotation.degrees(), Fill.uncovered(step));
  }
}
