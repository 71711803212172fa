package io.imagegate.transform.ops;

/**
 * Separable Gaussian blur of a premultiplied ARGB array (all four channels), edges extended.
 *
 * <p>Small sigmas use the exact sampled kernel. From {@link #BOX_SIGMA} up, three successive box
 * filters whose odd widths give the nearest variance stand in for it: the shape is close to a
 * Gaussian, its spread within 6% of sigma (box widths are whole pixels; the error shrinks as sigma
 * grows), and each pass costs two additions per sample whatever the radius, so {@code bl-100} on a
 * large photo stays fast.
 */
final class Gaussian {
  static final double BOX_SIGMA = 3.0;

  private Gaussian() {}

  /** Returns a blurred copy of {@code premul}; the input array is not modified. */
  static int[] blur(int[] premul, int w, int h, double sigma) {
    int[] tmp = new int[premul.length];
    float[][] line = new float[4][Math.max(w, h)];
    float[][] scratch = new float[4][Math.max(w, h)];
    for (int y = 0; y < h; y++) {
      unpack(premul, y * w, 1, w, line);
      filter(line, scratch, w, sigma);
      pack(line, w, tmp, y * w, 1);
    }
    int[] out = new int[premul.length];
    for (int x = 0; x < w; x++) {
      unpack(tmp, x, w, h, line);
      filter(line, scratch, h, sigma);
      pack(line, h, out, x, w);
    }
    return out;
  }

  private static void filter(float[][] line, float[][] scratch, int n, double sigma) {
    if (sigma < BOX_SIGMA) {
      float[] kernel = kernel(sigma);
      for (int c = 0; c < 4; c++) {
        convolve(line[c], scratch[c], n, kernel);
        System.arraycopy(scratch[c], 0, line[c], 0, n);
      }
      return;
    }
    for (int size : boxSizes(sigma)) {
      for (int c = 0; c < 4; c++) {
        box(line[c], scratch[c], n, size / 2);
        System.arraycopy(scratch[c], 0, line[c], 0, n);
      }
    }
  }

  /** The sampled, normalised kernel for {@code sigma}, radius {@code ceil(3 sigma)}. */
  static float[] kernel(double sigma) {
    int r = Math.max(1, (int) Math.ceil(3 * sigma));
    float[] k = new float[2 * r + 1];
    double sum = 0;
    for (int i = -r; i <= r; i++) {
      double v = Math.exp(-(i * i) / (2 * sigma * sigma));
      k[i + r] = (float) v;
      sum += v;
    }
    for (int i = 0; i < k.length; i++) {
      k[i] /= (float) sum;
    }
    return k;
  }

  /**
   * Odd widths of three boxes whose combined variance matches {@code sigma^2}: two widths {@code
   * wl} and {@code wl + 2} mixed so that {@code sum (w_i^2 - 1) / 12 = sigma^2}.
   */
  static int[] boxSizes(double sigma) {
    double ideal = Math.sqrt(12 * sigma * sigma / 3 + 1);
    int wl = (int) Math.floor(ideal);
    if (wl % 2 == 0) {
      wl--;
    }
    int wu = wl + 2;
    long m = Math.round((12 * sigma * sigma - 3.0 * wl * wl - 12.0 * wl - 9) / (-4.0 * wl - 4));
    int[] sizes = new int[3];
    for (int i = 0; i < 3; i++) {
      sizes[i] = i < m ? wl : wu;
    }
    return sizes;
  }

  private static void convolve(float[] in, float[] out, int n, float[] k) {
    int r = k.length / 2;
    for (int i = 0; i < n; i++) {
      float s = 0;
      for (int j = -r; j <= r; j++) {
        int idx = i + j < 0 ? 0 : (i + j >= n ? n - 1 : i + j);
        s += k[j + r] * in[idx];
      }
      out[i] = s;
    }
  }

  /** Running-sum box filter of radius {@code r}, edge samples repeated. */
  private static void box(float[] in, float[] out, int n, int r) {
    float inv = 1f / (2 * r + 1);
    double sum = 0;
    for (int j = -r; j <= r; j++) {
      sum += in[clamp(j, n)];
    }
    for (int i = 0; i < n; i++) {
      out[i] = (float) (sum * inv);
      sum += in[clamp(i + r + 1, n)] - in[clamp(i - r, n)];
    }
  }

  private static int clamp(int i, int n) {
    return i < 0 ? 0 : (i >= n ? n - 1 : i);
  }

  private static void unpack(int[] src, int offset, int step, int n, float[][] line) {
    for (int i = 0, p = offset; i < n; i++, p += step) {
      int v = src[p];
      line[0][i] = (v >> 16) & 0xFF;
      line[1][i] = (v >> 8) & 0xFF;
      line[2][i] = v & 0xFF;
      line[3][i] = v >>> 24;
    }
  }

  private static void pack(float[][] line, int n, int[] dst, int offset, int step) {
    for (int i = 0, p = offset; i < n; i++, p += step) {
      int a = Pixels.clamp255(line[3][i]);
      // Premultiplied colour can never exceed its alpha; rounding could otherwise push it over.
      int r = Math.min(a, Pixels.clamp255(line[0][i]));
      int g = Math.min(a, Pixels.clamp255(line[1][i]));
      int b = Math.min(a, Pixels.clamp255(line[2][i]));
      dst[p] = a << 24 | r << 16 | g << 8 | b;
    }
  }
}
