package io.imagegate.transform.ops;

/**
 * The Lanczos-3 weights along one axis: for every output position, the first input index it reads,
 * how many inputs it reads and their weights (normalised to sum to one).
 *
 * <p>When shrinking, the kernel is stretched by the shrink factor so that it averages every input
 * pixel under the output pixel's footprint; that stretch is what removes frequencies the output
 * cannot represent (the source of moiré). Taps that would fall outside the image are dropped and
 * the rest renormalised, so edges are neither darkened nor mirrored.
 */
final class Taps {
  private static final double LOBES = 3.0;

  final int[] start;
  final int[] count;
  final float[] weights;
  final int stride;

  private Taps(int[] start, int[] count, float[] weights, int stride) {
    this.start = start;
    this.count = count;
    this.weights = weights;
    this.stride = stride;
  }

  /**
   * @param inputs number of input samples on this axis
   * @param outputs number of output samples
   * @param inputsPerOutput the spacing of output samples measured in input samples (equal to {@code
   *     inputs / outputs} unless the input was already pre-reduced)
   */
  static Taps lanczos3(int inputs, int outputs, double inputsPerOutput) {
    double filterScale = Math.max(1.0, inputsPerOutput);
    double support = LOBES * filterScale;
    int stride = Math.min(inputs, (int) Math.ceil(2 * support) + 1);
    int[] start = new int[outputs];
    int[] count = new int[outputs];
    float[] weights = new float[outputs * stride];
    double[] tmp = new double[stride];
    for (int j = 0; j < outputs; j++) {
      double centre = (j + 0.5) * inputsPerOutput - 0.5;
      int first = Math.max(0, (int) Math.floor(centre - support) + 1);
      int last = Math.min(inputs - 1, (int) Math.ceil(centre + support) - 1);
      if (last - first + 1 > stride) {
        last = first + stride - 1;
      }
      if (last < first) {
        // Only possible far outside the image; take the nearest edge sample.
        first = last = Math.min(inputs - 1, Math.max(0, (int) Math.round(centre)));
      }
      double sum = 0;
      int n = last - first + 1;
      for (int i = 0; i < n; i++) {
        double w = kernel((first + i - centre) / filterScale);
        tmp[i] = w;
        sum += w;
      }
      if (Math.abs(sum) < 1e-12) {
        tmp[0] = 1;
        sum = 1;
        n = 1;
      }
      for (int i = 0; i < n; i++) {
        weights[j * stride + i] = (float) (tmp[i] / sum);
      }
      start[j] = first;
      count[j] = n;
    }
    return new Taps(start, count, weights, stride);
  }

  /** The largest number of taps any output uses. */
  int maxCount() {
    int max = 1;
    for (int c : count) {
      max = Math.max(max, c);
    }
    return max;
  }

  static double kernel(double x) {
    double ax = Math.abs(x);
    if (ax < 1e-9) {
      return 1.0;
    }
    if (ax >= LOBES) {
      return 0.0;
    }
    double px = Math.PI * x;
    return LOBES * Math.sin(px) * Math.sin(px / LOBES) / (px * px);
  }
}
