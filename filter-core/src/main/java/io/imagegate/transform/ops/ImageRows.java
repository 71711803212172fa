package io.imagegate.transform.ops;

import java.awt.image.BufferedImage;

/** The rows of an image, premultiplied, one source pixel per output pixel. */
final class ImageRows implements PremultipliedRows {
  private final RowReader reader;
  private final int width;
  private final int height;
  private final boolean alpha;
  private final int[] row;

  ImageRows(BufferedImage img, boolean alpha) {
    this.alpha = alpha;
    this.reader = new RowReader(img);
    this.width = img.getWidth();
    this.height = img.getHeight();
    this.row = new int[width];
  }

  @Override
  public int width() {
    return width;
  }

  @Override
  public int height() {
    return height;
  }

  @Override
  public int planes() {
    return alpha ? 4 : 3;
  }

  @Override
  public void read(int y, float[] out) {
    reader.read(y, row);
    int g = width;
    int b = 2 * width;
    if (!alpha) {
      // One loop per plane: each is a plain int-to-float conversion the JIT vectorises.
      for (int x = 0; x < width; x++) {
        out[x] = (row[x] >> 16) & 0xFF;
      }
      for (int x = 0; x < width; x++) {
        out[g + x] = (row[x] >> 8) & 0xFF;
      }
      for (int x = 0; x < width; x++) {
        out[b + x] = row[x] & 0xFF;
      }
      return;
    }
    int a = 3 * width;
    for (int x = 0; x < width; x++) {
      int p = row[x];
      int pa = p >>> 24;
      float s = pa / 255f;
      out[x] = ((p >> 16) & 0xFF) * s;
      out[g + x] = ((p >> 8) & 0xFF) * s;
      out[b + x] = (p & 0xFF) * s;
      out[a + x] = pa;
    }
  }
}
