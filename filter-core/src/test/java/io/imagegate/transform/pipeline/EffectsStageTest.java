package io.imagegate.transform.pipeline;

import static io.imagegate.testing.ImageMetrics.lumaStdDev;
import static io.imagegate.testing.ImageMetrics.meanAbsDiff;
import static io.imagegate.transform.pipeline.Pictures.blue;
import static io.imagegate.transform.pipeline.Pictures.green;
import static io.imagegate.transform.pipeline.Pictures.red;
import static io.imagegate.transform.pipeline.Pictures.step;
import static org.assertj.core.api.Assertions.assertThat;

import io.imagegate.testing.TestImages;
import io.imagegate.transform.ops.Effects;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class EffectsStageTest {
  private final EffectsStage stage = new EffectsStage();

  /** 8-px checkerboard of two given greys. */
  private static BufferedImage checker(int dark, int light) {
    BufferedImage img = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < 64; y++) {
      for (int x = 0; x < 64; x++) {
        int v = ((x / 8 + y / 8) % 2 == 0) ? dark : light;
        img.setRGB(x, y, 0xFF000000 | v << 16 | v << 8 | v);
      }
    }
    return img;
  }

  @Test
  void blur_softensTexture() {
    BufferedImage src = checker(0, 255);
    BufferedImage out = stage.apply(src, step("bl-5"));
    assertThat(out.getWidth()).isEqualTo(64);
    assertThat(lumaStdDev(out, 0, 0, 64, 64)).isLessThan(0.7 * lumaStdDev(src, 0, 0, 64, 64));
  }

  @Test
  void grayscale_equalisesChannels() {
    BufferedImage out = stage.apply(TestImages.quadrants(64, 64), step("e-grayscale"));
    int p = out.getRGB(10, 10);
    assertThat(red(p)).isEqualTo(green(p)).isEqualTo(blue(p)).isEqualTo(76);
  }

  @Test
  void sharpen_isTheOperationAtItsDefaultLevel() {
    BufferedImage soft = Effects.blur(checker(60, 190), 2);
    BufferedImage out = stage.apply(soft, step("e-sharpen"));
    assertThat(meanAbsDiff(out, Effects.sharpen(soft, Effects.DEFAULT_SHARPEN_LEVEL))).isZero();
    assertThat(lumaStdDev(out, 0, 0, 64, 64)).isGreaterThan(lumaStdDev(soft, 0, 0, 64, 64));
  }

  @Test
  void sharpenAmount_mapsOntoOperationLevels() {
    assertThat(EffectsStage.sharpenLevel(50)).isEqualTo(Effects.DEFAULT_SHARPEN_LEVEL);
    assertThat(EffectsStage.sharpenLevel(10)).isEqualTo(2);
    assertThat(EffectsStage.sharpenLevel(100)).isEqualTo(20);
    assertThat(EffectsStage.sharpenLevel(1)).isEqualTo(1);
  }

  @Test
  void contrast_stretchesToTheFullRange() {
    BufferedImage out = stage.apply(checker(100, 150), step("e-contrast"));
    assertThat(red(out.getRGB(0, 0))).isLessThan(10);
    assertThat(red(out.getRGB(8, 0))).isGreaterThan(245);
  }

  @Test
  void blurThenGrayscale_bothApply() {
    BufferedImage out = stage.apply(TestImages.quadrants(64, 64), step("bl-3,e-grayscale"));
    int p = out.getRGB(32, 10); // on the red/green edge: blurred, then grey
    assertThat(red(p)).isEqualTo(green(p)).isEqualTo(blue(p));
    assertThat(red(p)).isBetween(77, 149);
  }

  @Test
  void noEffect_returnsTheInput() {
    BufferedImage src = checker(0, 255);
    assertThat(stage.apply(src, step("w-10"))).isSameAs(src);
  }
}
