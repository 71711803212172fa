package io.imagegate.transform.ops;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GaussianTest {
  @ParameterizedTest
  @ValueSource(doubles = {0.8, 1.5, 2.9, 3.0, 5.5, 20.0, 51.0})
  void blur_impulseResponseHasTheRequestedSpread(double sigma) {
    int n = 601;
    int[] line = new int[n];
    java.util.Arrays.fill(line, 0xFF000000);
    // A 255 impulse spreads to values below 1 for large sigmas; a bright plateau keeps
    // precision, and its second moment still measures the kernel's variance.
    for (int i = 290; i <= 310; i++) {
      line[i] = 0xFFFFFFFF;
    }

    int[] out = Gaussian.blur(line, n, 1, sigma);

    double sum = 0;
    double moment = 0;
    for (int i = 0; i < n; i++) {
      double v = out[i] & 0xFF;
      sum += v;
      moment += v * (i - 300) * (i - 300);
    }
    double plateauVariance = (21 * 21 - 1) / 12.0;
    assertThat(sum).isCloseTo(21 * 255, org.assertj.core.data.Percentage.withPercentage(1));
    assertThat(Math.sqrt(moment / sum - plateauVariance))
        .isCloseTo(sigma, org.assertj.core.data.Percentage.withPercentage(7));
  }

  @Test
  void boxSizes_matchTheGaussianVariance() {
    for (double sigma = 2; sigma <= 60; sigma += 0.5) {
      double variance = 0;
      for (int w : Gaussian.boxSizes(sigma)) {
        assertThat(w % 2).isEqualTo(1);
        variance += (w * (double) w - 1) / 12;
      }
      assertThat(Math.sqrt(variance)).isCloseTo(sigma, org.assertj.core.data.Offset.offset(0.5));
    }
  }

  @Test
  void blur_keepsAUniformImageUniform() {
    int[] img = new int[40 * 30];
    java.util.Arrays.fill(img, 0xFF3366CC);

    int[] out = Gaussian.blur(img, 40, 30, 7.0);

    assertThat(out).containsOnly(0xFF3366CC);
  }
}
