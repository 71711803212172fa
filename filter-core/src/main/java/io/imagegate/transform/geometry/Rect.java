package io.imagegate.transform.geometry;

/**
 * An axis-aligned rectangle in pixels.
 *
 * @param x left edge
 * @param y top edge
 * @param width at least 1
 * @param height at least 1
 */
public record Rect(int x, int y, int width, int height) {

  /** Rejects an empty rectangle: every plan keeps at least one pixel. */
  public Rect {
    if (width < 1 || height < 1) {
      throw new IllegalArgumentException("a rectangle needs width and height >= 1");
    }
  }
}
