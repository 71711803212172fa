package io.imagegate.transform.ops;

/**
 * A top-to-bottom stream of image rows as premultiplied RGBA floats on a 0..255 scale, four floats
 * per pixel. Rows must be read in increasing order, each at most once; this lets a resampler pull a
 * 16-megapixel photo through a few rows of memory.
 */
interface PremultipliedRows {
  /** Pixels per row. */
  int width();

  /** Number of rows. */
  int height();

  /** Fills {@code out[0 .. 4 * width)} with row {@code y}. */
  void read(int y, float[] out);
}
