package io.imagegate.transform.ops;

import java.awt.image.BufferedImage;

/**
 * Rounded corners, ImageKit's {@code r-<radius>} and {@code r-max}.
 *
 * <p>Pixels outside the rounded shape take the background colour; pass a transparent one ({@code
 * 0}) for corners that show whatever is behind the image, or the page colour when the output format
 * has no alpha (JPEG). The edge is antialiased: each pixel's share of the shape, estimated from its
 * centre's distance to the curve, mixes image and background in premultiplied space.
 */
public final class Corners {
  /** Corners meaning {@code r-max}: the largest rounding, an ellipse touching all four sides. */
  public static final int MAX = Integer.MAX_VALUE;

  private Corners() {}

  /**
   * Returns {@code src} with its corners rounded. A radius over half the shorter side is reduced to
   * it (a pill shape); {@link #MAX} gives the inscribed ellipse (a circle for a square image). The
   * input is not modified.
   *
   * @param radius corner radius in pixels, 0 (a copy) or more, or {@link #MAX}
   * @param backgroundArgb colour outside the shape, non-premultiplied ARGB
   * @return {@code TYPE_INT_ARGB} if {@code src} has alpha or the background is not opaque, else
   *     {@code TYPE_INT_RGB}
   * @throws IllegalArgumentException if the radius is negative
   */
  public static BufferedImage round(BufferedImage src, int radius, int backgroundArgb) {
    if (radius < 0) {
      throw new IllegalArgumentException("corner radius must not be negative: " + radius);
    }
    int w = src.getWidth();
    int h = src.getHeight();
    int[] argb = Pixels.argb(src);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        double d =
            radius == MAX
                ? ellipseDistance(x + 0.5 - w / 2.0, y + 0.5 - h / 2.0, w / 2.0, h / 2.0)
                : cornerDistance(x + 0.5, y + 0.5, w, h, Math.min(radius, Math.min(w, h) / 2.0));
        if (d > -0.5) {
          float coverage = (float) Math.max(0, Math.min(1, 0.5 - d));
          argb[y * w + x] = Blend.mix(backgroundArgb, argb[y * w + x], coverage);
        }
      }
    }
    boolean alpha = Pixels.hasAlpha(src) || Pixels.translucent(backgroundArgb);
    return Pixels.image(argb, w, h, alpha);
  }

  /** Signed distance from a point to a rounded rectangle's corner arcs (negative inside). */
  private static double cornerDistance(double px, double py, int w, int h, double r) {
    double cx = px < r ? r : (px > w - r ? w - r : px);
    double cy = py < r ? r : (py > h - r ? h - r : py);
    if (cx == px || cy == py) {
      return Double.NEGATIVE_INFINITY; // beside a straight edge, not in a corner square
    }
    return Math.hypot(px - cx, py - cy) - r;
  }

  /**
   * Approximate signed distance to an ellipse with semi-axes {@code a, b}: the implicit function
   * divided by its gradient's length, exact on the curve to first order, which is all a one-pixel
   * antialiasing ramp needs.
   */
  private static double ellipseDistance(double dx, double dy, double a, double b) {
    double f = dx * dx / (a * a) + dy * dy / (b * b) - 1;
    double g = 2 * Math.sqrt(dx * dx / (a * a * a * a) + dy * dy / (b * b * b * b));
    return g == 0 ? Double.NEGATIVE_INFINITY : f / g;
  }
}
