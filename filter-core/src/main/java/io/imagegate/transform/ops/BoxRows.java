package io.imagegate.transform.ops;

import java.awt.image.BufferedImage;

/**
 * The rows of an image shrunk by whole factors {@code kx} and {@code ky}, each output pixel the
 * premultiplied mean of its {@code kx x ky} block (blocks at the right and bottom edges may be
 * partial and average what they cover).
 *
 * <p>Area averaging is a low-pass filter and cheap (one addition per source sample), so a large
 * shrink first goes through here and leaves the remaining factor of at least {@link
 * Resample#PRE_REDUCE_MARGIN} to the sharper Lanczos filter, which then also removes what the box
 * lets through near the new Nyquist frequency.
 */
final class BoxRows implements PremultipliedRows {
  private final ArgbRows reader;
  private final int srcWidth;
  private final int srcHeight;
  private final int kx;
  private final int ky;
  private final int width;
  private final int height;
  private final boolean alpha;
  private final int[] row;
  private final long[] sums;

  BoxRows(BufferedImage img, int kx, int ky, boolean alpha) {
    this(new RowReader(img), img.getWidth(), img.getHeight(), kx, ky, alpha);
  }

  BoxRows(ArgbRows reader, int srcWidth, int srcHeight, int kx, int ky, boolean alpha) {
    this.alpha = alpha;
    this.reader = reader;
    this.srcWidth = srcWidth;
    this.srcHeight = srcHeight;
    this.kx = kx;
    this.ky = ky;
    this.width = (srcWidth + kx - 1) / kx;
    this.height = (srcHeight + ky - 1) / ky;
    this.row = new int[srcWidth];
    this.sums = new long[width * 4];
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
    java.util.Arrays.fill(sums, 0L);
    int y0 = y * ky;
    int y1 = Math.min(srcHeight, y0 + ky);
    for (int sy = y0; sy < y1; sy++) {
      reader.read(sy, row);
      accumulate();
    }
    int rows = y1 - y0;
    for (int bx = 0, i = 0; bx < width; bx++, i += 4) {
      int cols = Math.min(srcWidth, (bx + 1) * kx) - bx * kx;
      // Colour sums carry an extra factor 255 from premultiplying with integer alpha.
      float n = (float) rows * cols;
      float nc = n * 255f;
      out[bx] = sums[i] / nc;
      out[width + bx] = sums[i + 1] / nc;
      out[2 * width + bx] = sums[i + 2] / nc;
      if (alpha) {
        out[3 * width + bx] = sums[i + 3] / n;
      }
    }
  }

  private void accumulate() {
    int x = 0;
    for (int bx = 0, i = 0; bx < width; bx++, i += 4) {
      int end = Math.min(srcWidth, x + kx);
      long r = 0;
      long g = 0;
      long b = 0;
      long a = 0;
      for (; x < end; x++) {
        int p = row[x];
        int pa = p >>> 24;
        r += ((p >> 16) & 0xFF) * pa;
        g += ((p >> 8) & 0xFF) * pa;
        b += (p & 0xFF) * pa;
        a += pa;
      }
      sums[i] += r;
      sums[i + 1] += g;
      sums[i + 2] += b;
      sums[i + 3] += a;
    }
  }
}
