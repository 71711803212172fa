package io.imagegate.transform.ops;

import static io.imagegate.testing.ImageMetrics.assertIntType;
import static io.imagegate.testing.ImageMetrics.assertSamePixels;
import static io.imagegate.testing.ImageMetrics.channel;
import static org.assertj.core.api.Assertions.assertThat;

import io.imagegate.testing.TestImages;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class RotateTest {
  private static final int BG = 0xFF102030;

  /** A 5x3 image whose every pixel is different. */
  private static BufferedImage numbered() {
    BufferedImage img = new BufferedImage(5, 3, BufferedImage.TYPE_INT_ARGB);
    for (int y = 0; y < 3; y++) {
      for (int x = 0; x < 5; x++) {
        img.setRGB(x, y, 0xFF000000 | (x * 40) << 16 | (y * 90) << 8 | 7 + x + 5 * y);
      }
    }
    return img;
  }

  @Test
  void rotate90_movesEveryPixelClockwise() {
    BufferedImage src = numbered();

    BufferedImage out = Rotate.rotate(src, 90, BG);

    assertIntType(out, true);
    assertThat(out.getWidth()).isEqualTo(3);
    assertThat(out.getHeight()).isEqualTo(5);
    for (int y = 0; y < 3; y++) {
      for (int x = 0; x < 5; x++) {
        assertThat(out.getRGB(2 - y, x)).isEqualTo(src.getRGB(x, y));
      }
    }
  }

  @Test
  void rotate180_and270_areExact() {
    BufferedImage src = numbered();

    BufferedImage half = Rotate.rotate(src, 180, BG);
    BufferedImage threeQuarters = Rotate.rotate(src, 270, BG);

    for (int y = 0; y < 3; y++) {
      for (int x = 0; x < 5; x++) {
        assertThat(half.getRGB(4 - x, 2 - y)).isEqualTo(src.getRGB(x, y));
        assertThat(threeQuarters.getRGB(y, 4 - x)).isEqualTo(src.getRGB(x, y));
      }
    }
    assertThat(threeQuarters.getWidth()).isEqualTo(3);
  }

  @Test
  void rotate_equivalentAnglesGiveTheSameImage() {
    BufferedImage src = numbered();

    assertSamePixels(Rotate.rotate(src, -90, BG), Rotate.rotate(src, 270, BG));
    assertSamePixels(Rotate.rotate(src, 450, BG), Rotate.rotate(src, 90, BG));
    assertSamePixels(Rotate.rotate(src, 360, BG), src);
  }

  @Test
  void rotateFree_canvasIsTheBoundingBoxWithBackgroundCorners() {
    BufferedImage src = TestImages.solid(200, 100, 0xFFFFFFFF, BufferedImage.TYPE_INT_RGB);

    BufferedImage out = Rotate.rotate(src, 30, BG);

    assertIntType(out, false);
    // 200 cos 30 + 100 sin 30 = 223.2; 200 sin 30 + 100 cos 30 = 186.6
    assertThat(out.getWidth()).isEqualTo(224);
    assertThat(out.getHeight()).isEqualTo(187);
    assertThat(out.getRGB(0, 0)).isEqualTo(BG);
    assertThat(out.getRGB(223, 0)).isEqualTo(BG);
    assertThat(out.getRGB(0, 186)).isEqualTo(BG);
    assertThat(out.getRGB(223, 186)).isEqualTo(BG);
    assertThat(out.getRGB(112, 93)).isEqualTo(0xFFFFFFFF);
  }

  @Test
  void rotateFree_edgesAreAntialiased() {
    BufferedImage src = TestImages.solid(200, 100, 0xFFFFFFFF, BufferedImage.TYPE_INT_RGB);

    BufferedImage out = Rotate.rotate(src, 30, 0xFF000000);

    int intermediate = 0;
    for (int y = 0; y < out.getHeight(); y++) {
      for (int x = 0; x < out.getWidth(); x++) {
        int g = channel(out.getRGB(x, y), 8);
        if (g > 20 && g < 235) {
          intermediate++;
        }
      }
    }
    // The perimeter is about 600 px long; a jagged edge would have no grey at all.
    assertThat(intermediate).isGreaterThan(300);
  }

  @Test
  void rotateFree_turnsClockwise() {
    BufferedImage src = TestImages.solid(200, 100, 0xFFFFFFFF, BufferedImage.TYPE_INT_RGB);
    for (int y = 45; y < 55; y++) {
      for (int x = 185; x < 195; x++) {
        src.setRGB(x, y, 0xFFFF0000);
      }
    }

    BufferedImage out = Rotate.rotate(src, 45, BG);

    // The marker right of centre must swing down (clockwise on screen, y pointing down).
    long sx = 0;
    long sy = 0;
    int n = 0;
    for (int y = 0; y < out.getHeight(); y++) {
      for (int x = 0; x < out.getWidth(); x++) {
        int p = out.getRGB(x, y);
        if (channel(p, 16) > 200 && channel(p, 8) < 60) {
          sx += x;
          sy += y;
          n++;
        }
      }
    }
    assertThat(n).isGreaterThan(50);
    double cx = out.getWidth() / 2.0;
    double cy = out.getHeight() / 2.0;
    // 90 px right of centre rotated 45 degrees clockwise: (63.6, 63.6) from the centre.
    assertThat((double) sx / n - cx).isBetween(58.0, 69.0);
    assertThat((double) sy / n - cy).isBetween(58.0, 69.0);
  }

  @Test
  void rotateFree_transparentBackgroundGivesTransparentCorners() {
    BufferedImage src = TestImages.gradient(60, 40, BufferedImage.TYPE_3BYTE_BGR);
    BufferedImage before = TestImages.copy(src);

    BufferedImage out = Rotate.rotate(src, -17.5, 0x00000000);

    assertIntType(out, true);
    assertThat(out.getRGB(0, 0)).isZero();
    assertThat(channel(out.getRGB(out.getWidth() / 2, out.getHeight() / 2), 24)).isEqualTo(255);
    assertSamePixels(src, before);
  }
}
