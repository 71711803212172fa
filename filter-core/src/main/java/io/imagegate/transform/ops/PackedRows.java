package io.imagegate.transform.ops;

/**
 * An opaque image outside the heap (a decoder's buffer), read a span of a row at a time as packed
 * {@code 0x??RRGGBB} ints (the top byte is ignored). {@link RegionResample#resize(PackedRows, int,
 * int, int, int, int, int)} resamples a region of it without the whole image ever being copied into
 * an {@code int[]}.
 */
public interface PackedRows {
  /** Pixels per row. */
  int width();

  /** Number of rows. */
  int height();

  /** Fills {@code out[0 .. count)} with the pixels {@code x .. x + count - 1} of row {@code y}. */
  void read(int y, int x, int count, int[] out);
}
