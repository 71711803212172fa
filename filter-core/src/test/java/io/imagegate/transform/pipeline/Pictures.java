package io.imagegate.transform.pipeline;

import io.imagegate.failure.Failure;
import io.imagegate.failure.ImageGateException;
import io.imagegate.limits.Limits;
import io.imagegate.transform.Transformation;
import io.imagegate.transform.TransformationParser;
import io.imagegate.transform.model.Step;
import java.awt.image.BufferedImage;
import java.util.Map;

/** Generated fixtures, parsing shortcuts and pixel measurements for the pipeline tests. */
final class Pictures {
  static final TransformationParser PARSER = new TransformationParser(Map.of(), Limits.defaults());

  private Pictures() {}

  /** The parsed transformation. */
  static Transformation parse(String text) {
    return PARSER.parse(text);
  }

  /** The only step of a one-step transformation. */
  static Step step(String text) {
    return parse(text).steps().get(0);
  }

  /**
   * The source column of a {@link io.imagegate.testing.TestImages#gradient} of width {@code
   * sourceWidth} a pixel came from.
   */
  static double sourceX(BufferedImage img, int x, int y, int sourceWidth) {
    return red(img.getRGB(x, y)) * (sourceWidth - 1) / 255.0;
  }

  /**
   * The source row of a {@link io.imagegate.testing.TestImages#gradient} of height {@code
   * sourceHeight} a pixel came from.
   */
  static double sourceY(BufferedImage img, int x, int y, int sourceHeight) {
    return green(img.getRGB(x, y)) * (sourceHeight - 1) / 255.0;
  }

  /** A loader serving the given images and answering 404 for anything else. */
  static OverlayImages loader(Map<String, BufferedImage> images) {
    return path -> {
      BufferedImage img = images.get(path);
      if (img == null) {
        throw new ImageGateException(Failure.NOT_FOUND, "no such overlay");
      }
      return img;
    };
  }

  /** A loader for transformations without overlays: any call is a test failure. */
  static OverlayImages noOverlays() {
    return path -> {
      throw new AssertionError("no overlay expected, asked for " + path);
    };
  }

  static int alpha(int argb) {
    return argb >>> 24;
  }

  static int red(int argb) {
    return (argb >> 16) & 0xFF;
  }

  static int green(int argb) {
    return (argb >> 8) & 0xFF;
  }

  static int blue(int argb) {
    return argb & 0xFF;
  }

  /** Largest per-channel difference between two ARGB pixels, alpha included. */
  static int distance(int p, int q) {
    int max = 0;
    for (int s = 0; s <= 24; s += 8) {
      max = Math.max(max, Math.abs(((p >>> s) & 0xFF) - ((q >>> s) & 0xFF)));
    }
    return max;
  }

  /** Mean colour of a region as {r, g, b}. */
  static double[] mean(BufferedImage img, int x0, int y0, int w, int h) {
    double[] sum = new double[3];
    for (int y = y0; y < y0 + h; y++) {
      for (int x = x0; x < x0 + w; x++) {
        int p = img.getRGB(x, y);
        sum[0] += red(p);
        sum[1] += green(p);
        sum[2] += blue(p);
      }
    }
    for (int i = 0; i < 3; i++) {
      sum[i] /= (double) w * h;
    }
    return sum;
  }

  /**
   * The bounding box {x, y, width, height} of the pixels that differ between two same-size images
   * by more than {@code tolerance} in some channel, or null when none does.
   */
  static int[] changedBox(BufferedImage a, BufferedImage b, int tolerance) {
    int minX = Integer.MAX_VALUE;
    int minY = Integer.MAX_VALUE;
    int maxX = -1;
    int maxY = -1;
    for (int y = 0; y < a.getHeight(); y++) {
      for (int x = 0; x < a.getWidth(); x++) {
        if (distance(a.getRGB(x, y), b.getRGB(x, y)) > tolerance) {
          minX = Math.min(minX, x);
          minY = Math.min(minY, y);
          maxX = Math.max(maxX, x);
          maxY = Math.max(maxY, y);
        }
      }
    }
    return maxX < 0 ? null : new int[] {minX, minY, maxX - minX + 1, maxY - minY + 1};
  }
}
