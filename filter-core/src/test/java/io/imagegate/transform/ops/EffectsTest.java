package io.imagegate.transform.ops;

import static io.imagegate.testing.ImageMetrics.assertIntType;
import static io.imagegate.testing.ImageMetrics.assertSamePixels;
import static io.imagegate.testing.ImageMetrics.channel;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imagegate.testing.ImageMetrics;
import io.imagegate.testing.TestImages;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class EffectsTest {
  @Test
  void blur_reducesVarianceAndLeavesInputUntouched() {
    BufferedImage src = TestImages.card(240, 160);
    BufferedImage before = TestImages.copy(src);

    BufferedImage light = Effects.blur(src, 1);
    BufferedImage heavy = Effects.blur(src, 20);

    assertIntType(heavy, false);
    double original = ImageMetrics.lumaStdDev(src, 0, 0, 240, 160);
    double lightSd = ImageMetrics.lumaStdDev(light, 0, 0, 240, 160);
    double heavySd = ImageMetrics.lumaStdDev(heavy, 0, 0, 240, 160);
    assertThat(lightSd).isLessThan(original * 0.9);
    assertThat(heavySd).isLessThan(lightSd * 0.8);
    assertSamePixels(src, before);
  }

  @Test
  void blur_doesNotDarkenTransparentEdges() {
    BufferedImage src = new BufferedImage(60, 60, BufferedImage.TYPE_INT_ARGB);
    for (int y = 20; y < 40; y++) {
      for (int x = 20; x < 40; x++) {
        src.setRGB(x, y, 0xFFFF8000);
      }
    }

    BufferedImage out = Effects.blur(src, 6);

    assertIntType(out, true);
    int soft = 0;
    for (int y = 0; y < 60; y++) {
      for (int x = 0; x < 60; x++) {
        int p = out.getRGB(x, y);
        if (channel(p, 24) >= 16) {
          assertThat(channel(p, 16)).isGreaterThanOrEqualTo(245);
          assertThat(channel(p, 8)).isBetween(120, 136);
        }
        if (channel(p, 24) > 16 && channel(p, 24) < 240) {
          soft++;
        }
      }
    }
    assertThat(soft).isGreaterThan(200);
  }

  @Test
  void blur_rejectsRadiusOutOfRange() {
    BufferedImage src = TestImages.card(10, 10);

    assertThatThrownBy(() -> Effects.blur(src, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Effects.blur(src, 101)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void grayscale_makesChannelsEqualAndKeepsAlpha() {
    BufferedImage src = TestImages.card(60, 40);
    src = Composite.overlay(new BufferedImage(60, 40, BufferedImage.TYPE_INT_ARGB), src, 0, 0);
    src.setRGB(0, 0, 0x80FF0000);
    BufferedImage before = TestImages.copy(src);

    BufferedImage out = Effects.grayscale(src);

    assertIntType(out, true);
    for (int y = 0; y < 40; y++) {
      for (int x = 0; x < 60; x++) {
        int p = out.getRGB(x, y);
        assertThat(channel(p, 16)).isEqualTo(channel(p, 8)).isEqualTo(channel(p, 0));
        assertThat(Math.abs(channel(p, 8) - ImageMetrics.luma(src.getRGB(x, y)))).isLessThan(1);
      }
    }
    assertThat(out.getRGB(0, 0)).isEqualTo(0x804C4C4C);
    assertSamePixels(src, before);
  }

  @Test
  void sharpen_increasesEdgeContrast() {
    BufferedImage src = new BufferedImage(40, 10, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < 10; y++) {
      for (int x = 0; x < 40; x++) {
        int v = x < 18 ? 100 : x > 21 ? 150 : 100 + (x - 17) * 10;
        src.setRGB(x, y, 0xFF000000 | v << 16 | v << 8 | v);
      }
    }
    BufferedImage before = TestImages.copy(src);

    BufferedImage out = Effects.sharpen(src, Effects.DEFAULT_SHARPEN_LEVEL);
    BufferedImage stronger = Effects.sharpen(src, 30);

    assertIntType(out, false);
    int dark = channel(out.getRGB(17, 5), 8);
    int bright = channel(out.getRGB(22, 5), 8);
    assertThat(dark).isLessThan(100);
    assertThat(bright).isGreaterThan(150);
    assertThat(channel(stronger.getRGB(22, 5), 8) - channel(stronger.getRGB(17, 5), 8))
        .isGreaterThan(bright - dark);
    // Flat areas away from the edge are left alone.
    assertThat(channel(out.getRGB(5, 5), 8)).isEqualTo(100);
    assertSamePixels(src, before);
    assertSamePixels(Effects.sharpen(src, 0), src);
  }

  @Test
  void contrast_stretchesTheHistogramToTheFullRange() {
    BufferedImage src = new BufferedImage(121, 20, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < 20; y++) {
      for (int x = 0; x < 121; x++) {
        int v = 60 + x;
        src.setRGB(x, y, 0xFF000000 | v << 16 | (v * 9 / 10) << 8 | v);
      }
    }
    BufferedImage before = TestImages.copy(src);

    BufferedImage out = Effects.contrast(src);

    int min = 255;
    int max = 0;
    for (int x = 0; x < 121; x++) {
      int p = out.getRGB(x, 10);
      for (int s = 0; s <= 16; s += 8) {
        min = Math.min(min, channel(p, s));
        max = Math.max(max, channel(p, s));
      }
    }
    assertThat(min).isLessThanOrEqualTo(3);
    assertThat(max).isGreaterThanOrEqualTo(252);
    // Order is kept: the map is monotonic.
    for (int x = 1; x < 121; x++) {
      assertThat(channel(out.getRGB(x, 10), 16))
          .isGreaterThanOrEqualTo(channel(out.getRGB(x - 1, 10), 16));
    }
    assertSamePixels(src, before);
  }

  @Test
  void contrast_leavesAFlatImageAlone() {
    BufferedImage flat = TestImages.solid(8, 8, 0xFF808080, BufferedImage.TYPE_INT_RGB);

    assertSamePixels(Effects.contrast(flat), flat);
  }
}
