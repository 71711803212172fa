package io.imagegate.testing;

import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.Random;

/**
 * Pictures made in code for tests, one of each kind: solid colours, quadrants, a position-encoding
 * gradient and a detailed test card. Encoding, decoding and writing files stay in {@link Fixtures};
 * measurements in {@link ImageMetrics}.
 */
public final class TestImages {
  private TestImages() {}

  /**
   * One colour everywhere, in an image of the given type. Painted with the {@code Src} rule, so a
   * translucent colour is stored as given and a grey in {@code TYPE_BYTE_GRAY} keeps its level
   * ({@code setRGB} would convert it to linear grey).
   */
  public static BufferedImage solid(int w, int h, int argb, int type) {
    BufferedImage img = new BufferedImage(w, h, type);
    Graphics2D g = img.createGraphics();
    g.setComposite(AlphaComposite.Src);
    g.setColor(new Color(argb, true));
    g.fillRect(0, 0, w, h);
    g.dispose();
    return img;
  }

  /** One opaque colour everywhere, {@code TYPE_INT_RGB}. */
  public static BufferedImage solid(int w, int h, int rgb) {
    return solid(w, h, rgb, BufferedImage.TYPE_INT_RGB);
  }

  /** Four solid quadrants: red top-left, green top-right, blue bottom-left, yellow bottom-right. */
  public static BufferedImage quadrants(int w, int h) {
    return quadrants(w, h, 0xFFFF0000, 0xFF00FF00, 0xFF0000FF, 0xFFFFFF00);
  }

  /**
   * Four solid quadrants in opaque {@code TYPE_INT_RGB}, split at {@code w / 2} and {@code h / 2}
   * (the right and bottom ones take the odd pixel).
   */
  public static BufferedImage quadrants(
      int w, int h, int topLeft, int topRight, int bottomLeft, int bottomRight) {
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        boolean right = x >= w / 2;
        boolean bottom = y >= h / 2;
        int c = bottom ? (right ? bottomRight : bottomLeft) : (right ? topRight : topLeft);
        img.setRGB(x, y, 0xFF000000 | c);
      }
    }
    return img;
  }

  /** A {@link #gradient(int, int, int)} in {@code TYPE_INT_RGB}. */
  public static BufferedImage gradient(int w, int h) {
    return gradient(w, h, BufferedImage.TYPE_INT_RGB);
  }

  /**
   * Red grows with x and green with y over the whole image, blue is 64, every pixel opaque: each
   * pixel tells where in the source it came from.
   */
  public static BufferedImage gradient(int w, int h, int type) {
    BufferedImage img = new BufferedImage(w, h, type);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int r = w == 1 ? 0 : Math.round(x * 255f / (w - 1));
        int g = h == 1 ? 0 : Math.round(y * 255f / (h - 1));
        img.setRGB(x, y, 0xFF000000 | r << 16 | g << 8 | 64);
      }
    }
    return img;
  }

  /**
   * A detailed test card: a zone plate (concentric rings whose frequency rises to the pixel limit)
   * top left, 1-px vertical stripes top right, a fine diagonal pattern bottom left and seeded noise
   * bottom right, each channel a different function of it.
   */
  public static BufferedImage card(int w, int h) {
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Random rnd = new Random(7);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int v;
        if (x < w / 2 && y < h / 2) {
          double dx = x - w / 4.0;
          double dy = y - h / 4.0;
          v = (int) (127.5 + 127.5 * Math.cos(Math.PI * (dx * dx + dy * dy) / (w / 2.0)));
        } else if (y < h / 2) {
          v = x % 2 == 0 ? 255 : 0;
        } else if (x < w / 2) {
          v = (x + y) / 3 % 2 == 0 ? 230 : 20;
        } else {
          v = rnd.nextInt(256);
        }
        int g = v * 3 / 4 + x * 255 / w / 4;
        img.setRGB(x, y, 0xFF000000 | v << 16 | g << 8 | (255 - v));
      }
    }
    return img;
  }

  /** An independent pixel-for-pixel copy of the image, same type. */
  public static BufferedImage copy(BufferedImage img) {
    return new BufferedImage(
        img.getColorModel(),
        img.copyData(img.getRaster().createCompatibleWritableRaster()),
        img.isAlphaPremultiplied(),
        null);
  }
}
