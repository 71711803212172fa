package io.imagegate.transform.pipeline;

import io.imagegate.transform.model.Step;
import io.imagegate.transform.ops.Effects;
import java.awt.image.BufferedImage;

/**
 * {@code bl}, {@code e-grayscale}, {@code e-sharpen}, {@code e-contrast}, in that order. Blur comes
 * first so that a later sharpen or contrast stretch acts on what is actually shown.
 */
final class EffectsStage implements Stage {
  /**
   * {@code e-sharpen}'s 1-100 scale (default {@value Step#DEFAULT_SHARPEN}) over {@link
   * Effects#sharpen}'s levels (default {@value Effects#DEFAULT_SHARPEN_LEVEL}): the two defaults
   * meet, so a bare {@code e-sharpen} is the operation's own default strength, and {@code
   * e-sharpen-10} (ImageKit's example of a milder one) a fifth of it.
   */
  static final int SHARPEN_DIVISOR = Step.DEFAULT_SHARPEN / Effects.DEFAULT_SHARPEN_LEVEL;

  @Override
  public String keys() {
    return "bl/e";
  }

  @Override
  public BufferedImage apply(BufferedImage image, Step step) {
    BufferedImage out = image;
    if (step.blur().isPresent()) {
      out = Effects.blur(out, step.blur().getAsInt());
    }
    if (step.grayscale()) {
      out = Effects.grayscale(out);
    }
    if (step.sharpen().isPresent()) {
      out = Effects.sharpen(out, sharpenLevel(step.sharpen().getAsInt()));
    }
    if (step.contrast()) {
      out = Effects.contrast(out);
    }
    return out;
  }

  /** The operation's level for an {@code e-sharpen-N}; never 0, so any N sharpens a little. */
  static int sharpenLevel(int amount) {
    return Math.max(1, Math.round((float) amount / SHARPEN_DIVISOR));
  }
}
