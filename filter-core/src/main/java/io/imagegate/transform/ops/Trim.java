package io.imagegate.transform.ops;

import java.awt.image.BufferedImage;

/**
 * Removes a uniform border, ImageKit's {@code t-true} and {@code t-<threshold>}: the background is
 * the colour of the top-left pixel, and the result is the smallest rectangle holding every pixel
 * that differs from it by more than the threshold in some channel (alpha included; two fully
 * transparent pixels always match, whatever their hidden colour).
 */
public final class Trim {
  /** The threshold of a bare {@code t-true}. */
  public static final int DEFAULT_THRESHOLD = 10;

  private Trim() {}

  /**
   * Returns {@code src} with its background border removed, or an unchanged copy when the image is
   * all background (trimming to nothing would leave no image). The input is not modified.
   *
   * @param threshold 0-255: the largest per-channel difference still counted as background
   * @return {@code TYPE_INT_ARGB} if {@code src} has an alpha channel, else {@code TYPE_INT_RGB}
   * @throws IllegalArgumentException if the threshold is outside 0-255
   */
  public static BufferedImage trim(BufferedImage src, int threshold) {
    if (threshold < 0 || threshold > 255) {
      throw new IllegalArgumentException("trim threshold must be 0-255: " + threshold);
    }
    int w = src.getWidth();
    int h = src.getHeight();
    int[] argb = Pixels.argb(src);
    int bg = argb[0];
    int minX = w;
    int minY = h;
    int maxX = -1;
    int maxY = -1;
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        if (!matches(argb[y * w + x], bg, threshold)) {
          minX = Math.min(minX, x);
          maxX = Math.max(maxX, x);
          minY = Math.min(minY, y);
          maxY = Math.max(maxY, y);
        }
      }
    }
    if (maxX < 0) {
      return Pixels.image(argb, w, h, Pixels.hasAlpha(src));
    }
    return Cut.crop(src, minX, minY, maxX - minX + 1, maxY - minY + 1);
  }

  private static boolean matches(int p, int bg, int threshold) {
    if ((p >>> 24) == 0 && (bg >>> 24) == 0) {
      return true;
    }
    for (int s = 0; s <= 24; s += 8) {
      if (Math.abs(((p >>> s) & 0xFF) - ((bg >>> s) & 0xFF)) > threshold) {
        return false;
      }
    }
    return true;
  }
}
