package io.imagegate.transform.pipeline;

import io.imagegate.transform.model.Step;
import io.imagegate.transform.ops.Trim;
import java.awt.image.BufferedImage;

/**
 * {@code t-true} / {@code t-N}: cuts away a uniform border before anything else, so that the
 * geometry that follows frames the content rather than the margin. The threshold is passed on as it
 * is: ImageKit's 1-99 scale and {@link Trim}'s per-channel difference share the default of 10.
 */
final class TrimStage implements Stage {

  @Override
  public String keys() {
    return "t";
  }

  @Override
  public BufferedImage apply(BufferedImage image, Step step) {
    if (step.trim().isEmpty()) {
      return image;
    }
    return Trim.trim(image, step.trim().getAsInt());
  }
}
