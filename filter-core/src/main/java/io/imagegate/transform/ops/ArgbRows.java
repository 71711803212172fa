package io.imagegate.transform.ops;

/** A source of non-premultiplied ARGB rows: a {@link RowReader} or a decoder's native buffer. */
interface ArgbRows {
  /** Fills {@code out[0 .. width)} with row {@code y}. */
  void read(int y, int[] out);
}
