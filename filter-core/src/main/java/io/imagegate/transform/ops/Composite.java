package io.imagegate.transform.ops;

import java.awt.image.BufferedImage;

/** Draws one image over another, as for a watermark. */
public final class Composite {
  private Composite() {}

  /**
   * Returns a copy of {@code base} with {@code overlay} drawn over it (Porter-Duff source-over,
   * honouring the overlay's alpha) with the overlay's top-left corner at {@code (x, y)}.
   * Coordinates may be negative; what falls outside the base is cut off, and base pixels outside
   * the overlay are copied unchanged. Neither input is modified.
   *
   * @return {@code TYPE_INT_ARGB} if {@code base} has an alpha channel, else {@code TYPE_INT_RGB}
   *     (drawing over an opaque base leaves it opaque)
   */
  public static BufferedImage overlay(BufferedImage base, BufferedImage overlay, int x, int y) {
    return overlay(base, overlay, x, y, 1);
  }

  /**
   * As {@link #overlay(BufferedImage, BufferedImage, int, int)}, with the overlay's alpha
   * multiplied by {@code opacity} (0 draws nothing, 1 is the overlay as it is): a layer's {@code
   * o}/{@code al}.
   *
   * @throws IllegalArgumentException if opacity is outside 0-1
   */
  public static BufferedImage overlay(
      BufferedImage base, BufferedImage overlay, int x, int y, double opacity) {
    if (!(opacity >= 0 && opacity <= 1)) {
      throw new IllegalArgumentException("opacity must be 0-1: " + opacity);
    }
    int w = base.getWidth();
    int h = base.getHeight();
    int[] out = Pixels.argb(base);
    int ox0 = Math.max(0, -x);
    int oy0 = Math.max(0, -y);
    int ox1 = (int) Math.min(overlay.getWidth(), (long) w - x);
    int oy1 = (int) Math.min(overlay.getHeight(), (long) h - y);
    if (ox1 > ox0 && oy1 > oy0) {
      RowReader reader = new RowReader(overlay);
      int[] row = new int[overlay.getWidth()];
      for (int oy = oy0; oy < oy1; oy++) {
        reader.read(oy, row);
        int o = (oy + y) * w + x;
        for (int ox = ox0; ox < ox1; ox++) {
          int src = row[ox];
          if (opacity < 1) {
            int alpha = (int) Math.round((src >>> 24) * opacity);
            src = alpha << 24 | (src & 0xFFFFFF);
          }
          out[o + ox] = Blend.srcOver(out[o + ox], src);
        }
      }
    }
    return Pixels.image(out, w, h, Pixels.hasAlpha(base));
  }
}
