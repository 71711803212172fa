package io.imagegate.transform.ops;

/**
 * Per-pixel mixing of non-premultiplied ARGB colours, done in premultiplied space so that a
 * transparent pixel's (meaningless) colour never tints the result.
 */
final class Blend {
  private Blend() {}

  /** Porter-Duff source-over: {@code src} drawn on top of {@code dst}. */
  static int srcOver(int dst, int src) {
    int sa = src >>> 24;
    if (sa == 0xFF) {
      return src;
    }
    if (sa == 0) {
      return dst;
    }
    float s = sa / 255f;
    float d = (dst >>> 24) / 255f * (1f - s);
    float a = s + d;
    float r = (((src >> 16) & 0xFF) * s + ((dst >> 16) & 0xFF) * d);
    float g = (((src >> 8) & 0xFF) * s + ((dst >> 8) & 0xFF) * d);
    float b = ((src & 0xFF) * s + (dst & 0xFF) * d);
    return Pixels.unpremultiply(r, g, b, a * 255f);
  }

  /**
   * Linear mix {@code from * (1 - t) + to * t} of premultiplied colours: {@code t = 0} gives {@code
   * from}, {@code t = 1} gives {@code to}, exactly.
   */
  static int mix(int from, int to, float t) {
    if (t <= 0f) {
      return from;
    }
    if (t >= 1f) {
      return to;
    }
    float fa = (from >>> 24) * (1f - t) / 255f;
    float ta = (to >>> 24) * t / 255f;
    float r = ((from >> 16) & 0xFF) * fa + ((to >> 16) & 0xFF) * ta;
    float g = ((from >> 8) & 0xFF) * fa + ((to >> 8) & 0xFF) * ta;
    float b = (from & 0xFF) * fa + (to & 0xFF) * ta;
    return Pixels.unpremultiply(r, g, b, (fa + ta) * 255f);
  }
}
