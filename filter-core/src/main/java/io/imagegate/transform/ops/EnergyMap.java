package io.imagegate.transform.ops;

import java.awt.image.BufferedImage;

/**
 * How much visual detail each part of an image holds, on a coarse grid of square cells (about
 * {@link #CELLS} on the long side), for {@link Saliency}.
 *
 * <p>A cell's energy is the standard deviation of luma inside it (fine texture, even texture far
 * finer than a cell, which downscaling first would average away) plus the Sobel gradient of the
 * cell means (edges and outlines at the cell scale). Luma is weighted by alpha, so an opaque object
 * on a transparent background has edges. One pass over the pixels.
 */
final class EnergyMap {
  static final int CELLS = 200;

  final int cell;
  final int columns;
  final int rows;
  final double[] energy;

  private EnergyMap(int cell, int columns, int rows, double[] energy) {
    this.cell = cell;
    this.columns = columns;
    this.rows = rows;
    this.energy = energy;
  }

  static EnergyMap of(BufferedImage src) {
    int w = src.getWidth();
    int h = src.getHeight();
    int k = Math.max(1, (int) Math.ceil(Math.max(w, h) / (double) CELLS));
    int gw = (w + k - 1) / k;
    int gh = (h + k - 1) / k;
    double[] sum = new double[gw * gh];
    double[] sumSq = new double[gw * gh];
    int[] count = new int[gw * gh];
    RowReader reader = new RowReader(src);
    int[] row = new int[w];
    for (int y = 0; y < h; y++) {
      reader.read(y, row);
      int base = (y / k) * gw;
      for (int x = 0; x < w; x++) {
        int p = row[x];
        double l =
            (0.299 * ((p >> 16) & 0xFF) + 0.587 * ((p >> 8) & 0xFF) + 0.114 * (p & 0xFF))
                * (p >>> 24)
                / 255.0;
        int c = base + x / k;
        sum[c] += l;
        sumSq[c] += l * l;
        count[c]++;
      }
    }
    double[] mean = new double[sum.length];
    double[] energy = new double[sum.length];
    for (int c = 0; c < sum.length; c++) {
      mean[c] = sum[c] / count[c];
      energy[c] = Math.sqrt(Math.max(0, sumSq[c] / count[c] - mean[c] * mean[c]));
    }
    for (int y = 0; y < gh; y++) {
      for (int x = 0; x < gw; x++) {
        double gx =
            at(mean, gw, gh, x + 1, y - 1)
                + 2 * at(mean, gw, gh, x + 1, y)
                + at(mean, gw, gh, x + 1, y + 1)
                - at(mean, gw, gh, x - 1, y - 1)
                - 2 * at(mean, gw, gh, x - 1, y)
                - at(mean, gw, gh, x - 1, y + 1);
        double gy =
            at(mean, gw, gh, x - 1, y + 1)
                + 2 * at(mean, gw, gh, x, y + 1)
                + at(mean, gw, gh, x + 1, y + 1)
                - at(mean, gw, gh, x - 1, y - 1)
                - 2 * at(mean, gw, gh, x, y - 1)
                - at(mean, gw, gh, x + 1, y - 1);
        // A step of height D between two cells gives |g| = 4D; / 8 shares it between both.
        energy[y * gw + x] += Math.hypot(gx, gy) / 8;
      }
    }
    return new EnergyMap(k, gw, gh, energy);
  }

  /** Total energy of each column of cells. */
  double[] columnProfile() {
    double[] out = new double[columns];
    for (int y = 0; y < rows; y++) {
      for (int x = 0; x < columns; x++) {
        out[x] += energy[y * columns + x];
      }
    }
    return out;
  }

  /** Total energy of each row of cells. */
  double[] rowProfile() {
    double[] out = new double[rows];
    for (int y = 0; y < rows; y++) {
      for (int x = 0; x < columns; x++) {
        out[y] += energy[y * columns + x];
      }
    }
    return out;
  }

  private static double at(double[] grid, int gw, int gh, int x, int y) {
    x = x < 0 ? 0 : (x >= gw ? gw - 1 : x);
    y = y < 0 ? 0 : (y >= gh ? gh - 1 : y);
    return grid[y * gw + x];
  }
}
