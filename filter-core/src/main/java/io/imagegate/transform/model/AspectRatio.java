package io.imagegate.transform.model;

/**
 * The {@code ar-W-H} parameter, reduced to lowest terms so that {@code ar-8-6} and {@code ar-4-3}
 * are the same model and share a cache entry.
 *
 * @param width the width part, at least 1
 * @param height the height part, at least 1
 */
public record AspectRatio(int width, int height) {

  /** Reduces the ratio by its greatest common divisor. */
  public AspectRatio {
    if (width < 1 || height < 1) {
      throw new IllegalArgumentException("aspect ratio parts must be 1 or more");
    }
    int gcd = gcd(width, height);
    width /= gcd;
    height /= gcd;
  }

  /** The canonical text, e.g. {@code 4-3}. */
  public String token() {
    return width + "-" + height;
  }

  private static int gcd(int a, int b) {
    while (b != 0) {
      int t = a % b;
      a = b;
      b = t;
    }
    return a;
  }
}
