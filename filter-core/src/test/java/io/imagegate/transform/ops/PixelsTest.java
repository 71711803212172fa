package io.imagegate.transform.ops;

import static io.imagegate.testing.ImageMetrics.assertIntType;
import static org.assertj.core.api.Assertions.assertThat;

import io.imagegate.testing.TestImages;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PixelsTest {
  @ParameterizedTest
  @ValueSource(
      ints = {
        BufferedImage.TYPE_INT_ARGB,
        BufferedImage.TYPE_INT_RGB,
        BufferedImage.TYPE_INT_BGR,
        BufferedImage.TYPE_INT_ARGB_PRE,
        BufferedImage.TYPE_3BYTE_BGR,
        BufferedImage.TYPE_4BYTE_ABGR,
        BufferedImage.TYPE_USHORT_565_RGB
      })
  void argb_readsEveryLayoutLikeGetRgb(int type) {
    BufferedImage img = new BufferedImage(9, 5, type);
    for (int y = 0; y < 5; y++) {
      for (int x = 0; x < 9; x++) {
        img.setRGB(x, y, (x * 28 + 3) << 24 | (x * 25) << 16 | (y * 50) << 8 | (x + y) * 17);
      }
    }

    int[] argb = Pixels.argb(img);

    for (int y = 0; y < 5; y++) {
      for (int x = 0; x < 9; x++) {
        assertThat(argb[y * 9 + x]).as("%d,%d", x, y).isEqualTo(img.getRGB(x, y));
      }
    }
  }

  @Test
  void argb_readsSubimagesAtTheirOffset() {
    BufferedImage img = TestImages.gradient(20, 20, BufferedImage.TYPE_3BYTE_BGR);
    BufferedImage sub = img.getSubimage(5, 6, 3, 2);

    int[] argb = Pixels.argb(sub);

    assertThat(argb[0]).isEqualTo(img.getRGB(5, 6));
    assertThat(argb[5]).isEqualTo(img.getRGB(7, 7));
  }

  @Test
  void argb_copiesGreyAsGammaEncodedValues() {
    BufferedImage grey = new BufferedImage(1, 1, BufferedImage.TYPE_BYTE_GRAY);
    grey.getRaster().setSample(0, 0, 0, 100);

    assertThat(Pixels.argb(grey)[0]).isEqualTo(0xFF646464);
  }

  @Test
  void image_wrapsAsTheTwoPromisedTypes() {
    assertIntType(Pixels.image(new int[6], 3, 2, true), true);
    assertIntType(Pixels.image(new int[6], 3, 2, false), false);
  }

  @Test
  void unpremultiply_clampsColourToAlpha() {
    int p = Pixels.unpremultiply(200f, 10f, -5f, 100f);

    assertThat(p >>> 24).isEqualTo(100);
    assertThat((p >> 16) & 0xFF).isEqualTo(255);
    assertThat(p & 0xFF).isZero();
  }
}
