package io.imagegate.transform.ops;

import java.awt.image.BufferedImage;

/**
 * Clockwise rotation, ImageKit's {@code rt-<degrees>} ({@code rt-N40} being -40 here).
 *
 * <p>Multiples of 90 degrees move pixels exactly and lose nothing. Any other angle enlarges the
 * canvas to the rotated image's bounding box, fills the corners with the background and samples the
 * source bilinearly in premultiplied space, treating everything outside the source as background:
 * so the slanted edges come out antialiased against the background rather than jagged, and never
 * darkened by a transparent pixel's colour.
 */
public final class Rotate {
  private static final double EPSILON = 1e-9;

  private Rotate() {}

  /**
   * Returns {@code src} rotated clockwise by {@code degrees} (any real number; negative turns
   * counter-clockwise). The input is not modified.
   *
   * @param backgroundArgb fill for the corners a free angle uncovers, non-premultiplied ARGB;
   *     unused for multiples of 90
   * @return {@code TYPE_INT_ARGB} if {@code src} has alpha, or the angle is free and the background
   *     is not opaque; else {@code TYPE_INT_RGB}
   */
  public static BufferedImage rotate(BufferedImage src, double degrees, int backgroundArgb) {
    if (!Double.isFinite(degrees)) {
      throw new IllegalArgumentException("rotation must be a finite angle: " + degrees);
    }
    double d = degrees % 360.0;
    if (d < 0) {
      d += 360.0;
    }
    double quarters = d / 90.0;
    long turns = Math.round(quarters);
    if (Math.abs(quarters - turns) < EPSILON) {
      return quarterTurns(src, (int) (turns % 4));
    }
    return free(src, Math.toRadians(d), backgroundArgb);
  }

  private static BufferedImage quarterTurns(BufferedImage src, int turns) {
    int w = src.getWidth();
    int h = src.getHeight();
    int[] in = Pixels.argb(src);
    boolean alpha = Pixels.hasAlpha(src);
    if (turns == 0) {
      return Pixels.image(in, w, h, alpha);
    }
    int[] out = new int[in.length];
    int ow = turns == 2 ? w : h;
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int p = in[y * w + x];
        switch (turns) {
          case 1 -> out[x * ow + (h - 1 - y)] = p;
          case 2 -> out[(h - 1 - y) * ow + (w - 1 - x)] = p;
          default -> out[(w - 1 - x) * ow + y] = p;
        }
      }
    }
    return Pixels.image(out, ow, turns == 2 ? h : w, alpha);
  }

  private static BufferedImage free(BufferedImage src, double radians, int background) {
    int w = src.getWidth();
    int h = src.getHeight();
    double cos = Math.cos(radians);
    double sin = Math.sin(radians);
    int ow = (int) Math.ceil(w * Math.abs(cos) + h * Math.abs(sin) - 1e-6);
    int oh = (int) Math.ceil(w * Math.abs(sin) + h * Math.abs(cos) - 1e-6);
    int[] in = Pixels.argb(src);
    for (int i = 0; i < in.length; i++) {
      in[i] = Pixels.premultiply(in[i]);
    }
    int bg = Pixels.premultiply(background);
    int[] out = new int[Math.multiplyExact(ow, oh)];
    for (int y = 0; y < oh; y++) {
      double dy = y + 0.5 - oh / 2.0;
      for (int x = 0; x < ow; x++) {
        double dx = x + 0.5 - ow / 2.0;
        // Inverse of the clockwise rotation, in pixel-centre coordinates of the source.
        double u = cos * dx + sin * dy + w / 2.0 - 0.5;
        double v = -sin * dx + cos * dy + h / 2.0 - 0.5;
        boolean outside = u <= -1 || v <= -1 || u >= w || v >= h;
        // Far from the source the background is copied, not re-derived from premultiplied.
        out[y * ow + x] = outside ? background : bilinear(in, w, h, u, v, bg);
      }
    }
    boolean alpha = Pixels.hasAlpha(src) || Pixels.translucent(background);
    return Pixels.image(out, ow, oh, alpha);
  }

  private static int bilinear(int[] premul, int w, int h, double u, double v, int bg) {
    int x0 = (int) Math.floor(u);
    int y0 = (int) Math.floor(v);
    float fx = (float) (u - x0);
    float fy = (float) (v - y0);
    int p00 = at(premul, w, h, x0, y0, bg);
    int p10 = at(premul, w, h, x0 + 1, y0, bg);
    int p01 = at(premul, w, h, x0, y0 + 1, bg);
    int p11 = at(premul, w, h, x0 + 1, y0 + 1, bg);
    float w00 = (1 - fx) * (1 - fy);
    float w10 = fx * (1 - fy);
    float w01 = (1 - fx) * fy;
    float w11 = fx * fy;
    return Pixels.unpremultiply(
        mix(p00, p10, p01, p11, w00, w10, w01, w11, 16),
        mix(p00, p10, p01, p11, w00, w10, w01, w11, 8),
        mix(p00, p10, p01, p11, w00, w10, w01, w11, 0),
        mix(p00, p10, p01, p11, w00, w10, w01, w11, 24));
  }

  private static float mix(
      int p00, int p10, int p01, int p11, float w00, float w10, float w01, float w11, int shift) {
    return w00 * ((p00 >>> shift) & 0xFF)
        + w10 * ((p10 >>> shift) & 0xFF)
        + w01 * ((p01 >>> shift) & 0xFF)
        + w11 * ((p11 >>> shift) & 0xFF);
  }

  private static int at(int[] premul, int w, int h, int x, int y, int bg) {
    return x < 0 || y < 0 || x >= w || y >= h ? bg : premul[y * w + x];
  }
}
