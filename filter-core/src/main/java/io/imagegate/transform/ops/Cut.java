package io.imagegate.transform.ops;

import java.awt.image.BufferedImage;

/** Cuts a rectangle out of an image. */
public final class Cut {
  private Cut() {}

  /**
   * Returns a copy of the part of {@code src} inside the rectangle, clamped to the image: a
   * rectangle reaching past an edge yields only the part that exists. The input is not modified.
   *
   * @return {@code TYPE_INT_ARGB} if {@code src} has an alpha channel, else {@code TYPE_INT_RGB}
   * @throws IllegalArgumentException if the rectangle has no pixel in common with the image
   */
  public static BufferedImage crop(BufferedImage src, int x, int y, int width, int height) {
    int x0 = Math.max(0, x);
    int y0 = Math.max(0, y);
    long x1 = Math.min((long) src.getWidth(), (long) x + Math.max(0, width));
    long y1 = Math.min((long) src.getHeight(), (long) y + Math.max(0, height));
    if (x1 <= x0 || y1 <= y0) {
      throw new IllegalArgumentException(
          String.format(
              "crop %dx%d at %d,%d lies outside the %dx%d image",
              width, height, x, y, src.getWidth(), src.getHeight()));
    }
    int w = (int) (x1 - x0);
    int h = (int) (y1 - y0);
    // getSubimage shares the source's pixels; Pixels.argb copies them out.
    int[] argb = Pixels.argb(src.getSubimage(x0, y0, w, h));
    return Pixels.image(argb, w, h, Pixels.hasAlpha(src));
  }
}
