package io.imagegate.transform.geometry;

import static io.imagegate.transform.model.Values.bad;

/**
 * An image size and the two ways of matching it to a box while keeping its aspect ratio. The choice
 * of side is made by exact integer cross-multiplication, so the side that matches the box comes out
 * exact and only the other one is rounded.
 *
 * @param width at least 1
 * @param height at least 1
 */
record Size(int width, int height) {

  /** The largest size with this ratio inside {@code w}×{@code h}; may enlarge. */
  public Size fit(int w, int h) {
    if ((long) w * height <= (long) h * width) {
      return new Size(w, (int) clamp(Math.round((double) height * w / width), h));
    }
    return new Size((int) clamp(Math.round((double) width * h / height), w), h);
  }

  /** The smallest size with this ratio covering {@code w}×{@code h}; may enlarge. */
  public Size cover(int w, int h) {
    long coverWidth = w;
    long coverHeight = h;
    if ((long) w * height >= (long) h * width) {
      coverHeight = Math.max(h, Math.round((double) height * w / width));
    } else {
      coverWidth = Math.max(w, Math.round((double) width * h / height));
    }
    if (coverWidth > Integer.MAX_VALUE || coverHeight > Integer.MAX_VALUE) {
      throw bad(
          "w-%d,h-%d would stretch this image's other side beyond %d pixels",
          w, h, Integer.MAX_VALUE);
    }
    return new Size((int) coverWidth, (int) coverHeight);
  }

  private static long clamp(long value, int max) {
    return Math.max(1, Math.min(max, value));
  }
}
