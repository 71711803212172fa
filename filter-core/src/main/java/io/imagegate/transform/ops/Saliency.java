package io.imagegate.transform.ops;

import java.awt.image.BufferedImage;
import java.util.Arrays;

/**
 * Content-aware cropping, ImageKit's {@code fo-auto}: where to cut a crop of a given aspect ratio
 * so that it keeps the subject.
 *
 * <p>Method. The crop is the largest rectangle of the requested aspect ratio, so it spans the image
 * fully in one direction and only its position along the other has to be chosen. An {@link
 * EnergyMap} (texture plus edges per cell) is summed into a profile along that direction; its
 * median is taken as the background's level and only energy above it counts as subject, weighted
 * down towards the image's edges (by up to half at the very edge, a mild prior: photographers tend
 * to centre what matters, and an even score should fall back to the centre crop that ImageKit uses
 * by default). The crop goes where it holds the most subject energy; among positions within 2% of
 * that best, the one that centres the subject (the energy centroid inside the best window) wins, so
 * a small subject is framed in the middle rather than pushed against an edge. An image with no
 * subject energy is cropped in the centre.
 *
 * <p>Limits. This finds detail, not meaning: a smooth subject on a smooth background is found by
 * its outline only, and a busy background (a patterned tablecloth) can outweigh a smooth subject (a
 * bread roll) on it. No face, skin or saturation cues.
 */
public final class Saliency {
  private static final double NEAR_BEST = 0.02;

  /** How much less subject energy at the image's edge counts than at its centre. */
  private static final double CENTRE_BIAS = 0.5;

  private Saliency() {}

  /**
   * Chooses the crop of {@code src} with the aspect ratio {@code targetWidth : targetHeight}, as
   * large as fits, that best keeps the image's subject. The input is not modified.
   *
   * @return the rectangle to cut out, in {@code src}'s pixels (the caller resizes it)
   * @throws IllegalArgumentException if a target dimension is below 1
   */
  public static Region auto(BufferedImage src, int targetWidth, int targetHeight) {
    if (targetWidth < 1 || targetHeight < 1) {
      throw new IllegalArgumentException(
          "target size must be at least 1x1: " + targetWidth + "x" + targetHeight);
    }
    int w = src.getWidth();
    int h = src.getHeight();
    double aspect = (double) targetWidth / targetHeight;
    boolean slideAcross = (double) w / h > aspect;
    int cropW = slideAcross ? clamp((int) Math.round(h * aspect), 1, w) : w;
    int cropH = slideAcross ? h : clamp((int) Math.round(w / aspect), 1, h);
    if (cropW == w && cropH == h) {
      return new Region(0, 0, w, h);
    }
    EnergyMap map = EnergyMap.of(src);
    int length = slideAcross ? w : h;
    double[] profile = slideAcross ? map.columnProfile() : map.rowProfile();
    int offset = bestOffset(aboveMedian(profile), map.cell, length, slideAcross ? cropW : cropH);
    return slideAcross ? new Region(offset, 0, cropW, cropH) : new Region(0, offset, cropW, cropH);
  }

  private static int bestOffset(double[] excess, int cell, int length, int window) {
    // cumulative[i] = energy of cells before i; energy spreads evenly over a cell's pixels.
    double[] cumulative = new double[excess.length + 1];
    for (int i = 0; i < excess.length; i++) {
      cumulative[i + 1] = cumulative[i] + excess[i];
    }
    int last = length - window;
    double[] inside = new double[last + 1];
    double best = 0;
    int bestAt = last / 2;
    for (int x = 0; x <= last; x++) {
      inside[x] =
          upTo(cumulative, excess, cell, length, x + window)
              - upTo(cumulative, excess, cell, length, x);
      if (inside[x] > best) {
        best = inside[x];
        bestAt = x;
      }
    }
    if (best <= 0) {
      return last / 2;
    }
    double centroid = centroid(excess, cell, length, bestAt, bestAt + window);
    int chosen = bestAt;
    double chosenDistance = Double.MAX_VALUE;
    for (int x = 0; x <= last; x++) {
      double distance = Math.abs(x + window / 2.0 - centroid);
      if (inside[x] >= best * (1 - NEAR_BEST) && distance < chosenDistance) {
        chosen = x;
        chosenDistance = distance;
      }
    }
    return chosen;
  }

  /** Energy of pixels {@code [0, x)}, interpolating inside the cell that {@code x} cuts. */
  private static double upTo(double[] cumulative, double[] excess, int cell, int length, int x) {
    int i = x / cell;
    if (i >= excess.length) {
      return cumulative[excess.length];
    }
    int cellWidth = Math.min(cell, length - i * cell);
    return cumulative[i] + excess[i] * (x - i * cell) / cellWidth;
  }

  /** Energy-weighted mean position, in pixels, of the cells whose centres lie in [from, to). */
  private static double centroid(double[] excess, int cell, int length, int from, int to) {
    double weight = 0;
    double moment = 0;
    for (int i = 0; i < excess.length; i++) {
      double centre = (i * cell + Math.min(length, (i + 1) * cell)) / 2.0;
      if (centre >= from && centre < to) {
        weight += excess[i];
        moment += excess[i] * centre;
      }
    }
    return weight > 0 ? moment / weight : (from + to) / 2.0;
  }

  private static double[] aboveMedian(double[] profile) {
    double[] sorted = profile.clone();
    Arrays.sort(sorted);
    double median = sorted[sorted.length / 2];
    double[] out = new double[profile.length];
    for (int i = 0; i < profile.length; i++) {
      double t = (i + 0.5) / profile.length * 2 - 1;
      out[i] = Math.max(0, profile[i] - median) * (1 - CENTRE_BIAS * t * t);
    }
    return out;
  }

  private static int clamp(int v, int lo, int hi) {
    return Math.max(lo, Math.min(hi, v));
  }
}
