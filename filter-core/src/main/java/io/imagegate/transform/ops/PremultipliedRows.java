package io.imagegate.transform.ops;

/**
 * A top-to-bottom stream of image rows as premultiplied floats on a 0..255 scale, one plane per
 * channel: a row is {@code width} red values, then green, then blue, then (only for an image with
 * alpha) alpha. Planes rather than interleaved pixels let the resampler's vertical pass run over
 * contiguous arrays (SIMD), and an opaque image carries no alpha plane at all. Rows must be read in
 * increasing order, each at most once; this lets a resampler pull a 16-megapixel photo through a
 * few rows of memory.
 */
interface PremultipliedRows {
  /** Pixels per row. */
  int width();

  /** Number of rows. */
  int height();

  /** Planes per row: 4 with alpha, else 3. */
  int planes();

  /** Fills {@code out[0 .. planes * width)} with row {@code y}. */
  void read(int y, float[] out);
}
