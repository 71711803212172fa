package io.imagegate.transform.ops;

import java.awt.image.BufferedImage;

/** The linear histogram stretch behind {@link Effects#contrast}. */
final class ContrastStretch {
  /** Fraction of channel values ignored at each end of the histogram. */
  static final double CLIP = 0.005;

  private ContrastStretch() {}

  static BufferedImage apply(BufferedImage src) {
    int[] argb = Pixels.argb(src);
    long[] histogram = new long[256];
    long total = 0;
    for (int p : argb) {
      if ((p >>> 24) != 0) {
        histogram[(p >> 16) & 0xFF]++;
        histogram[(p >> 8) & 0xFF]++;
        histogram[p & 0xFF]++;
        total += 3;
      }
    }
    long clip = (long) Math.floor(total * CLIP);
    int low = 0;
    long seen = histogram[0];
    while (seen <= clip && low < 255) {
      seen += histogram[++low];
    }
    int high = 255;
    seen = histogram[255];
    while (seen <= clip && high > 0) {
      seen += histogram[--high];
    }
    if (high > low) {
      int[] map = new int[256];
      for (int v = 0; v < 256; v++) {
        map[v] = Math.max(0, Math.min(255, Math.round((v - low) * 255f / (high - low))));
      }
      for (int i = 0; i < argb.length; i++) {
        int p = argb[i];
        argb[i] =
            (p & 0xFF000000)
                | map[(p >> 16) & 0xFF] << 16
                | map[(p >> 8) & 0xFF] << 8
                | map[p & 0xFF];
      }
    }
    return Pixels.image(argb, src.getWidth(), src.getHeight(), Pixels.hasAlpha(src));
  }
}
