package io.imagegate.transform.pipeline;

import io.imagegate.transform.EffectKeys;
import io.imagegate.transform.model.Step;
import io.imagegate.transform.ops.Flip;
import java.awt.image.BufferedImage;

/**
 * {@code fl-h}, {@code fl-v}, {@code fl-h_v}: mirroring, after the rotation (as imgproxy rotates,
 * then flips). The README's worked example of a key that is one table row plus its stage: it reads
 * its row with {@code step.get(EffectKeys.FLIP)}, with no accessor of its own on {@link Step}.
 */
final class FlipStage implements Stage {

  @Override
  public String keys() {
    return "fl";
  }

  @Override
  public BufferedImage apply(BufferedImage image, Step step) {
    return step.get(EffectKeys.FLIP)
        .map(fl -> Flip.flip(image, fl.contains("h"), fl.contains("v")))
        .orElse(image);
  }
}
