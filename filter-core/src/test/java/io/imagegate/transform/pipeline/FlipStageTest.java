package io.imagegate.transform.pipeline;

import static io.imagegate.testing.TestImages.quadrants;
import static io.imagegate.transform.pipeline.Pictures.noOverlays;
import static io.imagegate.transform.pipeline.Pictures.step;
import static org.assertj.core.api.Assertions.assertThat;

import io.imagegate.limits.Limits;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

/** {@code fl}: the README's worked example of a key that is one row plus its stage. */
class FlipStageTest {
  private static final int RED = 0xFFFF0000;
  private static final int GREEN = 0xFF00FF00;
  private static final int BLUE = 0xFF0000FF;
  private static final int YELLOW = 0xFFFFFF00;

  private final StepRenderer renderer = new StepRenderer(Limits.defaults());

  @Test
  void withoutFl_theImageIsReturnedAsIs() {
    BufferedImage src = quadrants(8, 4);
    assertThat(new FlipStage().apply(src, step("w-8"))).isSameAs(src);
  }

  @Test
  void flH_mirrorsLeftToRight() {
    BufferedImage out = renderer.render(quadrants(8, 4), step("fl-h"), noOverlays(), 1);
    assertThat(out.getRGB(0, 0)).isEqualTo(GREEN);
    assertThat(out.getRGB(7, 0)).isEqualTo(RED);
  }

  @Test
  void flipComesAfterRotation() {
    // rt-90 puts the blue bottom-left quadrant top-left and the yellow bottom-right bottom-left;
    // fl-v then swaps top and bottom, so the top-left is yellow (flipping first would give red).
    BufferedImage out = renderer.render(quadrants(8, 4), step("rt-90,fl-v"), noOverlays(), 1);
    assertThat(out.getWidth()).isEqualTo(4);
    assertThat(out.getHeight()).isEqualTo(8);
    BufferedImage rotated = renderer.render(quadrants(8, 4), step("rt-90"), noOverlays(), 1);
    assertThat(rotated.getRGB(0, 0)).isEqualTo(BLUE);
    assertThat(out.getRGB(0, 0)).isEqualTo(rotated.getRGB(0, 7));
    assertThat(out.getRGB(0, 0)).isEqualTo(YELLOW);
  }
}
