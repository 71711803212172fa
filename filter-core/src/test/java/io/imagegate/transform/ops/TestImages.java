package io.imagegate.transform.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.util.Random;

/** Generated fixtures and shared checks for the operation tests. */
final class TestImages {
  private TestImages() {}

  /** A solid image of the given type and colour. */
  static BufferedImage solid(int w, int h, int type, int argb) {
    BufferedImage img = new BufferedImage(w, h, type);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        img.setRGB(x, y, argb);
      }
    }
    return img;
  }

  /**
   * A detailed test card: a zone plate (concentric rings whose frequency rises to the pixel limit)
   * top left, 1-px vertical stripes top right, a fine diagonal pattern bottom left and seeded noise
   * bottom right, each channel a different function of it.
   */
  static BufferedImage card(int w, int h) {
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Random rnd = new Random(7);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int v;
        if (x < w / 2 && y < h / 2) {
          double dx = x - w / 4.0;
          double dy = y - h / 4.0;
          v = (int) (127.5 + 127.5 * Math.cos(Math.PI * (dx * dx + dy * dy) / (w / 2.0)));
        } else if (y < h / 2) {
          v = x % 2 == 0 ? 255 : 0;
        } else if (x < w / 2) {
          v = (x + y) / 3 % 2 == 0 ? 230 : 20;
        } else {
          v = rnd.nextInt(256);
        }
        int g = v * 3 / 4 + x * 255 / w / 4;
        img.setRGB(x, y, 0xFF000000 | v << 16 | g << 8 | (255 - v));
      }
    }
    return img;
  }

  /** A smooth diagonal colour gradient with an alpha channel, all pixels opaque. */
  static BufferedImage gradient(int w, int h, int type) {
    BufferedImage img = new BufferedImage(w, h, type);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int r = x * 255 / Math.max(1, w - 1);
        int g = y * 255 / Math.max(1, h - 1);
        img.setRGB(x, y, 0xFF000000 | r << 16 | g << 8 | 128);
      }
    }
    return img;
  }

  /** An independent pixel-for-pixel copy of the image, same type. */
  static BufferedImage copy(BufferedImage img) {
    BufferedImage out =
        new BufferedImage(
            img.getColorModel(),
            img.copyData(img.getRaster().createCompatibleWritableRaster()),
            img.isAlphaPremultiplied(),
            null);
    return out;
  }

  /** Asserts every pixel of two images is equal as ARGB. */
  static void assertSamePixels(BufferedImage actual, BufferedImage expected) {
    assertThat(actual.getWidth()).isEqualTo(expected.getWidth());
    assertThat(actual.getHeight()).isEqualTo(expected.getHeight());
    int w = actual.getWidth();
    int h = actual.getHeight();
    int[] a = actual.getRGB(0, 0, w, h, null, 0, w);
    int[] e = expected.getRGB(0, 0, w, h, null, 0, w);
    for (int i = 0; i < a.length; i++) {
      if (a[i] != e[i]) {
        throw new AssertionError(
            String.format("pixel (%d,%d) is %08X, expected %08X", i % w, i / w, a[i], e[i]));
      }
    }
  }

  /** Asserts that the image is one of the two output types every operation promises. */
  static void assertIntType(BufferedImage img, boolean alpha) {
    assertThat(img.getType())
        .isEqualTo(alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
  }

  /** Channel {@code shift} (16 red, 8 green, 0 blue, 24 alpha) of a pixel. */
  static int channel(int argb, int shift) {
    return (argb >>> shift) & 0xFF;
  }
}
