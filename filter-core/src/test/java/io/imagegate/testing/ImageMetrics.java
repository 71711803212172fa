package io.imagegate.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;

/**
 * Measurements of test images and the checks built on them: perceptual distances between two images
 * of the same size, for tests that must tolerate rounding but catch real differences (PSNR and mean
 * absolute difference over RGB, a simple SSIM on Rec.601 luma with 8x8 windows, stride 4, uniform
 * weights), region statistics, and exact pixel comparisons.
 */
public final class ImageMetrics {
  private ImageMetrics() {}

  /** Peak signal-to-noise ratio in dB over the R, G and B channels; infinite when equal. */
  public static double psnr(BufferedImage a, BufferedImage b) {
    double mse = meanSquaredError(a, b);
    return mse == 0 ? Double.POSITIVE_INFINITY : 10 * Math.log10(255.0 * 255.0 / mse);
  }

  /** Mean absolute difference per R, G, B sample, 0..255. */
  public static double meanAbsDiff(BufferedImage a, BufferedImage b) {
    requireSameSize(a, b);
    return meanAbsDiff(a, b, 0, 0, a.getWidth(), a.getHeight());
  }

  /** Mean absolute difference per R, G, B sample over a region of two images, 0..255. */
  public static double meanAbsDiff(BufferedImage a, BufferedImage b, int x0, int y0, int w, int h) {
    double sum = 0;
    for (int y = y0; y < y0 + h; y++) {
      for (int x = x0; x < x0 + w; x++) {
        int p = a.getRGB(x, y);
        int q = b.getRGB(x, y);
        for (int s = 0; s <= 16; s += 8) {
          sum += Math.abs(((p >> s) & 0xFF) - ((q >> s) & 0xFF));
        }
      }
    }
    return sum / (3.0 * w * h);
  }

  /**
   * Mean absolute difference per A, R, G, B sample of two same-size images, 0..255; invisible
   * (alpha 0) pixels all count as equal.
   */
  public static double meanAbsDiffArgb(BufferedImage a, BufferedImage b) {
    requireSameSize(a, b);
    long sum = 0;
    for (int y = 0; y < a.getHeight(); y++) {
      for (int x = 0; x < a.getWidth(); x++) {
        int p = a.getRGB(x, y);
        int q = b.getRGB(x, y);
        if ((p >>> 24) == 0 && (q >>> 24) == 0) {
          continue;
        }
        for (int shift = 0; shift <= 24; shift += 8) {
          sum += Math.abs(((p >>> shift) & 0xFF) - ((q >>> shift) & 0xFF));
        }
      }
    }
    return sum / (4.0 * a.getWidth() * a.getHeight());
  }

  /** Structural similarity of the luma planes, 1 for identical images. */
  public static double ssim(BufferedImage a, BufferedImage b) {
    requireSameSize(a, b);
    double[] la = luma(a);
    double[] lb = luma(b);
    int w = a.getWidth();
    int h = a.getHeight();
    int win = Math.min(8, Math.min(w, h));
    double c1 = Math.pow(0.01 * 255, 2);
    double c2 = Math.pow(0.03 * 255, 2);
    double total = 0;
    int windows = 0;
    for (int y0 = 0; y0 + win <= h; y0 += 4) {
      for (int x0 = 0; x0 + win <= w; x0 += 4) {
        double ma = 0;
        double mb = 0;
        for (int y = y0; y < y0 + win; y++) {
          for (int x = x0; x < x0 + win; x++) {
            ma += la[y * w + x];
            mb += lb[y * w + x];
          }
        }
        int n = win * win;
        ma /= n;
        mb /= n;
        double va = 0;
        double vb = 0;
        double cov = 0;
        for (int y = y0; y < y0 + win; y++) {
          for (int x = x0; x < x0 + win; x++) {
            double da = la[y * w + x] - ma;
            double db = lb[y * w + x] - mb;
            va += da * da;
            vb += db * db;
            cov += da * db;
          }
        }
        va /= n - 1;
        vb /= n - 1;
        cov /= n - 1;
        total +=
            ((2 * ma * mb + c1) * (2 * cov + c2)) / ((ma * ma + mb * mb + c1) * (va + vb + c2));
        windows++;
      }
    }
    return total / windows;
  }

  /** Standard deviation of the luma of a region, for "is it uniform" checks. */
  public static double lumaStdDev(BufferedImage img, int x0, int y0, int w, int h) {
    double sum = 0;
    double sq = 0;
    for (int y = y0; y < y0 + h; y++) {
      for (int x = x0; x < x0 + w; x++) {
        double l = luma(img.getRGB(x, y));
        sum += l;
        sq += l * l;
      }
    }
    int n = w * h;
    double mean = sum / n;
    return Math.sqrt(Math.max(0, sq / n - mean * mean));
  }

  /** Rec.601 luma of an ARGB pixel, alpha ignored. */
  public static double luma(int argb) {
    return 0.299 * ((argb >> 16) & 0xFF) + 0.587 * ((argb >> 8) & 0xFF) + 0.114 * (argb & 0xFF);
  }

  /** Channel {@code shift} (16 red, 8 green, 0 blue, 24 alpha) of an ARGB pixel. */
  public static int channel(int argb, int shift) {
    return (argb >>> shift) & 0xFF;
  }

  /** Asserts every pixel of two images is equal as ARGB. */
  public static void assertSamePixels(BufferedImage actual, BufferedImage expected) {
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
  public static void assertIntType(BufferedImage img, boolean alpha) {
    assertThat(img.getType())
        .isEqualTo(alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
  }

  private static double[] luma(BufferedImage img) {
    int w = img.getWidth();
    double[] out = new double[w * img.getHeight()];
    for (int y = 0; y < img.getHeight(); y++) {
      for (int x = 0; x < w; x++) {
        out[y * w + x] = luma(img.getRGB(x, y));
      }
    }
    return out;
  }

  private static double meanSquaredError(BufferedImage a, BufferedImage b) {
    requireSameSize(a, b);
    double sum = 0;
    for (int y = 0; y < a.getHeight(); y++) {
      for (int x = 0; x < a.getWidth(); x++) {
        int p = a.getRGB(x, y);
        int q = b.getRGB(x, y);
        for (int s = 0; s <= 16; s += 8) {
          double d = ((p >> s) & 0xFF) - ((q >> s) & 0xFF);
          sum += d * d;
        }
      }
    }
    return sum / (3.0 * a.getWidth() * a.getHeight());
  }

  private static void requireSameSize(BufferedImage a, BufferedImage b) {
    if (a.getWidth() != b.getWidth() || a.getHeight() != b.getHeight()) {
      throw new IllegalArgumentException(
          "sizes differ: "
              + a.getWidth()
              + "x"
              + a.getHeight()
              + " vs "
              + b.getWidth()
              + "x"
              + b.getHeight());
    }
  }
}
