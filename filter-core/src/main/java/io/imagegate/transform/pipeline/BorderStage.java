package io.imagegate.transform.pipeline;

import io.imagegate.transform.model.Step;
import io.imagegate.transform.ops.Frame;
import java.awt.image.BufferedImage;

/**
 * {@code b-W_COLOUR}: a frame added outside the picture, so each side grows by twice the width;
 * checked against the limit before the pixels are allocated.
 */
final class BorderStage implements Stage {
  private final SizeLimit limit;

  BorderStage(SizeLimit limit) {
    this.limit = limit;
  }

  @Override
  public String keys() {
    return "b";
  }

  @Override
  public BufferedImage apply(BufferedImage image, Step step) {
    if (step.border().isEmpty()) {
      return image;
    }
    io.imagegate.transform.model.Border border = step.border().get();
    long grow = 2L * border.width();
    limit.check(
        "b-" + border.token(),
        image.getWidth(),
        image.getHeight(),
        image.getWidth() + grow,
        image.getHeight() + grow);
    return Frame.border(image, border.width(), border.color().argb());
  }
}
