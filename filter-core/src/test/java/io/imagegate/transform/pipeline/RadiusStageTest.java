package io.imagegate.transform.pipeline;

import static io.imagegate.testing.TestImages.solid;
import static io.imagegate.transform.pipeline.Pictures.alpha;
import static io.imagegate.transform.pipeline.Pictures.step;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class RadiusStageTest {
  private final RadiusStage stage = new RadiusStage();
  private final BufferedImage src = solid(100, 60, 0xFF336699);

  @Test
  void radius_makesCornersTransparentWhite() {
    BufferedImage out = stage.apply(src, step("r-20"));
    assertThat(out.getWidth()).isEqualTo(100);
    // Transparent, hiding white: an encoder that drops alpha shows white corners.
    assertThat(out.getRGB(0, 0)).isEqualTo(Fill.TRANSPARENT_WHITE);
    assertThat(out.getRGB(99, 59)).isEqualTo(Fill.TRANSPARENT_WHITE);
    assertThat(out.getRGB(20, 0)).isEqualTo(0xFF336699);
    assertThat(out.getRGB(50, 30)).isEqualTo(0xFF336699);
  }

  @Test
  void radius_withBg_fillsCorners() {
    BufferedImage out = stage.apply(src, step("r-20,bg-FF0000"));
    assertThat(out.getRGB(0, 0)).isEqualTo(0xFFFF0000);
  }

  @Test
  void max_isAnEllipse() {
    BufferedImage out = stage.apply(src, step("r-max"));
    assertThat(alpha(out.getRGB(10, 5))).isZero();
    assertThat(alpha(out.getRGB(50, 1))).isEqualTo(255);
    assertThat(alpha(out.getRGB(1, 30))).isEqualTo(255);
  }
}
