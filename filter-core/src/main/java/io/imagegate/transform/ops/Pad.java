package io.imagegate.transform.ops;

import java.awt.image.BufferedImage;

/** Places an image on a canvas of a given size and colour. */
public final class Pad {
  private Pad() {}

  /**
   * Returns a {@code canvasWidth x canvasHeight} image filled with {@code backgroundArgb}, with
   * {@code src} copied onto it with its top-left corner at {@code (offsetX, offsetY)}. Offsets may
   * be negative or push the image past the canvas; what falls outside is cut off. Source pixels
   * replace the background rather than being blended onto it, so a transparent PNG keeps its
   * transparency; use {@link Composite#overlay} to flatten. The input is not modified.
   *
   * @param backgroundArgb non-premultiplied ARGB, e.g. {@code 0xFFFFFFFF} white, {@code 0}
   *     transparent
   * @return {@code TYPE_INT_ARGB} if {@code src} has alpha or the background is not opaque, else
   *     {@code TYPE_INT_RGB}
   * @throws IllegalArgumentException if a canvas dimension is below 1
   */
  public static BufferedImage pad(
      BufferedImage src,
      int canvasWidth,
      int canvasHeight,
      int offsetX,
      int offsetY,
      int backgroundArgb) {
    if (canvasWidth < 1 || canvasHeight < 1) {
      throw new IllegalArgumentException(
          "canvas must be at least 1x1: " + canvasWidth + "x" + canvasHeight);
    }
    int[] out = Pixels.filled(canvasWidth, canvasHeight, backgroundArgb);
    int sx0 = Math.max(0, -offsetX);
    int sy0 = Math.max(0, -offsetY);
    int sx1 = (int) Math.min(src.getWidth(), (long) canvasWidth - offsetX);
    int sy1 = (int) Math.min(src.getHeight(), (long) canvasHeight - offsetY);
    if (sx1 > sx0 && sy1 > sy0) {
      RowReader reader = new RowReader(src);
      int[] row = new int[src.getWidth()];
      for (int sy = sy0; sy < sy1; sy++) {
        reader.read(sy, row);
        System.arraycopy(row, sx0, out, (sy + offsetY) * canvasWidth + sx0 + offsetX, sx1 - sx0);
      }
    }
    boolean alpha = Pixels.hasAlpha(src) || Pixels.translucent(backgroundArgb);
    return Pixels.image(out, canvasWidth, canvasHeight, alpha);
  }
}
