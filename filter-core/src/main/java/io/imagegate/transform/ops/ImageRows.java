package io.imagegate.transform.ops;

import java.awt.image.BufferedImage;

/** The rows of an image, premultiplied, one source pixel per output pixel. */
final class ImageRows implements PremultipliedRows {
  private final RowReader reader;
  private final int width;
  private final int height;
  private final int[] row;

  ImageRows(BufferedImage img) {
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
  public void read(int y, float[] out) {
    reader.read(y, row);
    for (int x = 0, i = 0; x < width; x++, i += 4) {
      int p = row[x];
      int a = p >>> 24;
      if (a == 0xFF) {
        out[i] = (p >> 16) & 0xFF;
        out[i + 1] = (p >> 8) & 0xFF;
        out[i + 2] = p & 0xFF;
        out[i + 3] = 255f;
      } else {
        float s = a / 255f;
        out[i] = ((p >> 16) & 0xFF) * s;
        out[i + 1] = ((p >> 8) & 0xFF) * s;
        out[i + 2] = (p & 0xFF) * s;
        out[i + 3] = a;
      }
    }
  }
}
