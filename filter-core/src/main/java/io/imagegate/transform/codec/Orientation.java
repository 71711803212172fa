package io.imagegate.transform.codec;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;

/**
 * Applies an EXIF orientation to a {@code TYPE_INT_RGB}/{@code TYPE_INT_ARGB} image by moving whole
 * pixels, so nothing is resampled or interpolated.
 *
 * <p>Tag values and what the viewer must do to the stored pixels: 1 nothing, 2 mirror horizontally,
 * 3 rotate 180°, 4 mirror vertically, 5 transpose (mirror along the main diagonal), 6 rotate 90°
 * clockwise, 7 transverse (mirror along the other diagonal), 8 rotate 90° counter-clockwise.
 */
final class Orientation {
  private Orientation() {}

  /** Whether the orientation swaps width and height. */
  static boolean swapsAxes(int orientation) {
    return orientation >= 5 && orientation <= 8;
  }

  /**
   * The upright image; {@code image} itself for orientation 1.
   *
   * @param image a plain INT image as made by {@link SrgbConverter}
   */
  static BufferedImage apply(BufferedImage image, int orientation) {
    if (orientation <= 1 || orientation > 8) {
      return image;
    }
    int w = image.getWidth();
    int h = image.getHeight();
    boolean swap = swapsAxes(orientation);
    int outW = swap ? h : w;
    int outH = swap ? w : h;
    BufferedImage out = new BufferedImage(outW, outH, image.getType());
    int[] src = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
    int[] dst = ((DataBufferInt) out.getRaster().getDataBuffer()).getData();
    for (int y = 0; y < outH; y++) {
      int row = y * outW;
      for (int x = 0; x < outW; x++) {
        dst[row + x] = src[sourceIndex(orientation, x, y, w, h)];
      }
    }
    return out;
  }

  /**
   * The stored pixel shown at upright position (x, y); {@code w}, {@code h} are the stored size.
   */
  private static int sourceIndex(int orientation, int x, int y, int w, int h) {
    return switch (orientation) {
      case 2 -> y * w + (w - 1 - x);
      case 3 -> (h - 1 - y) * w + (w - 1 - x);
      case 4 -> (h - 1 - y) * w + x;
      case 5 -> x * w + y;
      case 6 -> (h - 1 - x) * w + y;
      case 7 -> (h - 1 - x) * w + (w - 1 - y);
      case 8 -> x * w + (w - 1 - y);
      default -> y * w + x;
    };
  }
}
