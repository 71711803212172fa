package io.imagegate.transform.ops;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.awt.image.DirectColorModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;

/**
 * Moves pixels between {@link BufferedImage}s of any type and plain {@code int[]} arrays of
 * non-premultiplied ARGB, which is what every operation here computes on. Reading always copies, so
 * an operation can never write into the image it was given.
 */
final class Pixels {
  private static final int[] ARGB_MASKS = {0xFF0000, 0xFF00, 0xFF, 0xFF000000};
  private static final int[] RGB_MASKS = {0xFF0000, 0xFF00, 0xFF};
  private static final DirectColorModel ARGB_MODEL =
      new DirectColorModel(32, 0xFF0000, 0xFF00, 0xFF, 0xFF000000);
  private static final DirectColorModel RGB_MODEL =
      new DirectColorModel(24, 0xFF0000, 0xFF00, 0xFF);

  private Pixels() {}

  /** Whether the image can hold transparency at all (not whether any pixel is transparent). */
  static boolean hasAlpha(BufferedImage img) {
    return img.getColorModel().hasAlpha();
  }

  /** Whether an ARGB colour is not fully opaque. */
  static boolean translucent(int argb) {
    return (argb >>> 24) != 0xFF;
  }

  /** A fresh row-major copy of the whole image as non-premultiplied ARGB. */
  static int[] argb(BufferedImage img) {
    int w = img.getWidth();
    int h = img.getHeight();
    int[] out = new int[Math.multiplyExact(w, h)];
    RowReader reader = new RowReader(img);
    int[] row = new int[w];
    for (int y = 0; y < h; y++) {
      reader.read(y, row);
      System.arraycopy(row, 0, out, y * w, w);
    }
    return out;
  }

  /**
   * Wraps an ARGB array (not copied) as a {@code TYPE_INT_ARGB} image, or {@code TYPE_INT_RGB} when
   * {@code alpha} is false (the alpha byte is then ignored).
   */
  static BufferedImage image(int[] argb, int w, int h, boolean alpha) {
    if (argb.length != w * h) {
      throw new IllegalArgumentException("pixel array does not match " + w + "x" + h);
    }
    WritableRaster raster =
        Raster.createPackedRaster(
            new DataBufferInt(argb, argb.length), w, h, w, alpha ? ARGB_MASKS : RGB_MASKS, null);
    return new BufferedImage(alpha ? ARGB_MODEL : RGB_MODEL, raster, false, null);
  }

  /** A new row-major ARGB array of the given size filled with one colour. */
  static int[] filled(int w, int h, int argb) {
    int[] out = new int[Math.multiplyExact(w, h)];
    java.util.Arrays.fill(out, argb);
    return out;
  }

  /** Premultiplies a non-premultiplied ARGB pixel (rounded). */
  static int premultiply(int argb) {
    int a = argb >>> 24;
    if (a == 0xFF) {
      return argb;
    }
    if (a == 0) {
      return 0;
    }
    int r = mulDiv255((argb >> 16) & 0xFF, a);
    int g = mulDiv255((argb >> 8) & 0xFF, a);
    int b = mulDiv255(argb & 0xFF, a);
    return (a << 24) | (r << 16) | (g << 8) | b;
  }

  /** Clamps a float to 0..255 and rounds it. */
  static int clamp255(float v) {
    if (v <= 0f) {
      return 0;
    }
    if (v >= 255f) {
      return 255;
    }
    return (int) (v + 0.5f);
  }

  /**
   * Packs premultiplied float channels (0..255 scale) into a non-premultiplied ARGB pixel. Colour
   * is clamped to the alpha first, which is what keeps filter overshoot (ringing) from turning into
   * bright fringes on transparent edges.
   */
  static int unpremultiply(float r, float g, float b, float a) {
    int ai = clamp255(a);
    if (ai == 0) {
      return 0;
    }
    float max = a > 255f ? 255f : a;
    r = r > max ? max : r;
    g = g > max ? max : g;
    b = b > max ? max : b;
    if (ai == 255) {
      return 0xFF000000 | (clamp255(r) << 16) | (clamp255(g) << 8) | clamp255(b);
    }
    float scale = 255f / max;
    return (ai << 24)
        | (clamp255(r * scale) << 16)
        | (clamp255(g * scale) << 8)
        | clamp255(b * scale);
  }

  private static int mulDiv255(int c, int a) {
    int t = c * a + 128;
    return (t + (t >> 8)) >> 8;
  }
}
