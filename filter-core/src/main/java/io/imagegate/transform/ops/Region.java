package io.imagegate.transform.ops;

/**
 * A rectangle of pixels inside an image: top-left corner and size.
 *
 * @param x left column, 0 or more
 * @param y top row, 0 or more
 * @param width columns, 1 or more
 * @param height rows, 1 or more
 */
public record Region(int x, int y, int width, int height) {
  /** Checks that the rectangle is non-empty and starts inside the first quadrant. */
  public Region {
    if (x < 0 || y < 0 || width < 1 || height < 1) {
      throw new IllegalArgumentException(
          "not a region: " + width + "x" + height + " at " + x + "," + y);
    }
  }
}
