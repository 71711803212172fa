package io.imagegate.transform.ops;

import java.awt.image.BufferedImage;

/** Mirroring, ImageKit's {@code fl-h}, {@code fl-v} and {@code fl-h_v}: pixels move exactly. */
public final class Flip {
  private Flip() {}

  /**
   * Returns {@code src} mirrored left to right ({@code horizontal}), top to bottom ({@code
   * vertical}), or both. The input is not modified.
   *
   * @return {@code TYPE_INT_ARGB} if {@code src} has alpha, else {@code TYPE_INT_RGB}
   */
  public static BufferedImage flip(BufferedImage src, boolean horizontal, boolean vertical) {
    int w = src.getWidth();
    int h = src.getHeight();
    int[] in = Pixels.argb(src);
    int[] out = new int[in.length];
    for (int y = 0; y < h; y++) {
      int from = (vertical ? h - 1 - y : y) * w;
      for (int x = 0; x < w; x++) {
        out[y * w + x] = in[from + (horizontal ? w - 1 - x : x)];
      }
    }
    return Pixels.image(out, w, h, Pixels.hasAlpha(src));
  }
}
