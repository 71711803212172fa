package io.imagegate.transform.ops;

import static io.imagegate.testing.ImageMetrics.assertIntType;
import static io.imagegate.testing.ImageMetrics.assertSamePixels;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imagegate.testing.TestImages;
import java.awt.image.BufferedImage;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TrimTest {
  /** White with per-channel noise of up to 8 levels, and a picture at (13,20) of 45x42. */
  private static BufferedImage framed() {
    BufferedImage img = new BufferedImage(100, 80, BufferedImage.TYPE_INT_RGB);
    Random rnd = new Random(3);
    for (int y = 0; y < 80; y++) {
      for (int x = 0; x < 100; x++) {
        int r = 255 - rnd.nextInt(9);
        int g = 255 - rnd.nextInt(9);
        int b = 255 - rnd.nextInt(9);
        img.setRGB(x, y, 0xFF000000 | r << 16 | g << 8 | b);
      }
    }
    img.setRGB(0, 0, 0xFFFBFBFB);
    for (int y = 20; y < 62; y++) {
      for (int x = 13; x < 58; x++) {
        img.setRGB(x, y, 0xFF000000 | (x * 4) << 16 | (y * 2) << 8 | 40);
      }
    }
    return img;
  }

  @Test
  void trim_removesANoisyUniformBorderExactly() {
    BufferedImage src = framed();
    BufferedImage before = TestImages.copy(src);

    BufferedImage out = Trim.trim(src, Trim.DEFAULT_THRESHOLD);

    assertIntType(out, false);
    assertThat(out.getWidth()).isEqualTo(45);
    assertThat(out.getHeight()).isEqualTo(42);
    assertSamePixels(out, src.getSubimage(13, 20, 45, 42));
    assertSamePixels(src, before);
  }

  @Test
  void trim_thresholdBelowTheNoiseKeepsTheBorder() {
    BufferedImage out = Trim.trim(framed(), 2);

    assertThat(out.getWidth()).isGreaterThan(90);
    assertThat(out.getHeight()).isGreaterThan(70);
  }

  @Test
  void trim_allBackgroundReturnsTheImageUnchanged() {
    BufferedImage flat = TestImages.solid(20, 10, 0xFF808080, BufferedImage.TYPE_INT_RGB);

    assertSamePixels(Trim.trim(flat, 10), flat);
  }

  @Test
  void trim_transparentBorderMatchesWhateverItsHiddenColour() {
    BufferedImage src = new BufferedImage(30, 30, BufferedImage.TYPE_INT_ARGB);
    for (int y = 0; y < 30; y++) {
      for (int x = 0; x < 30; x++) {
        src.setRGB(x, y, (x * 8) << 16 | y * 8); // alpha 0, colour varying
      }
    }
    for (int y = 10; y < 30; y++) {
      for (int x = 5; x < 12; x++) {
        src.setRGB(x, y, 0xFFFF0000);
      }
    }

    BufferedImage out = Trim.trim(src, 0);

    assertIntType(out, true);
    assertThat(out.getWidth()).isEqualTo(7);
    assertThat(out.getHeight()).isEqualTo(20);
  }

  @Test
  void trim_rejectsThresholdOutOfRange() {
    assertThatThrownBy(() -> Trim.trim(framed(), 256)).isInstanceOf(IllegalArgumentException.class);
  }
}
