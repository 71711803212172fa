package io.imagegate.transform.ops;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;

/**
 * Reads one row at a time of any {@link BufferedImage} as non-premultiplied ARGB.
 *
 * <p>{@link BufferedImage#getRGB(int, int, int, int, int[], int, int)} converts every pixel through
 * its colour model and costs a few hundred milliseconds on a 16-megapixel photo, so the layouts
 * that decoders actually produce (packed ints, interleaved 8-bit RGB/RGBA, 8-bit grey) are copied
 * straight from the raster; anything else falls back to {@code getRGB}. 8-bit grey is copied as is:
 * Java labels it linear, but decoded JPEG and PNG greys are gamma-encoded like sRGB, and browsers
 * show them that way.
 */
final class RowReader implements ArgbRows {
  private enum Layout {
    INT_ARGB,
    INT_RGB,
    INT_BGR,
    BYTES_RGB,
    BYTES_RGBA,
    BYTES_GREY,
    BYTES_GREY_ALPHA,
    OTHER
  }

  private final BufferedImage img;
  private final Raster raster;
  private final int width;
  private final Layout layout;
  private byte[] bytes;

  RowReader(BufferedImage img) {
    this.img = img;
    this.raster = img.getRaster();
    this.width = img.getWidth();
    this.layout = layoutOf(img);
  }

  /** Fills {@code out[0..width)} with row {@code y}. */
  @Override
  public void read(int y, int[] out) {
    switch (layout) {
      case INT_ARGB -> raster.getDataElements(0, y, width, 1, out);
      case INT_RGB -> {
        raster.getDataElements(0, y, width, 1, out);
        for (int x = 0; x < width; x++) {
          out[x] |= 0xFF000000;
        }
      }
      case INT_BGR -> {
        raster.getDataElements(0, y, width, 1, out);
        for (int x = 0; x < width; x++) {
          int p = out[x];
          out[x] = 0xFF000000 | ((p & 0xFF) << 16) | (p & 0xFF00) | ((p >> 16) & 0xFF);
        }
      }
      case BYTES_RGB, BYTES_RGBA, BYTES_GREY, BYTES_GREY_ALPHA -> readBytes(y, out);
      default -> img.getRGB(0, y, width, 1, out, 0, width);
    }
  }

  private void readBytes(int y, int[] out) {
    bytes = (byte[]) raster.getDataElements(0, y, width, 1, bytes);
    byte[] b = bytes;
    switch (layout) {
      case BYTES_RGB -> {
        for (int x = 0, i = 0; x < width; x++, i += 3) {
          out[x] = 0xFF000000 | (b[i] & 0xFF) << 16 | (b[i + 1] & 0xFF) << 8 | (b[i + 2] & 0xFF);
        }
      }
      case BYTES_RGBA -> {
        for (int x = 0, i = 0; x < width; x++, i += 4) {
          out[x] =
              (b[i + 3] & 0xFF) << 24
                  | (b[i] & 0xFF) << 16
                  | (b[i + 1] & 0xFF) << 8
                  | (b[i + 2] & 0xFF);
        }
      }
      case BYTES_GREY -> {
        for (int x = 0; x < width; x++) {
          int v = b[x] & 0xFF;
          out[x] = 0xFF000000 | v << 16 | v << 8 | v;
        }
      }
      default -> {
        for (int x = 0, i = 0; x < width; x++, i += 2) {
          int v = b[i] & 0xFF;
          out[x] = (b[i + 1] & 0xFF) << 24 | v << 16 | v << 8 | v;
        }
      }
    }
  }

  private static Layout layoutOf(BufferedImage img) {
    switch (img.getType()) {
      case BufferedImage.TYPE_INT_ARGB:
        return Layout.INT_ARGB;
      case BufferedImage.TYPE_INT_RGB:
        return Layout.INT_RGB;
      case BufferedImage.TYPE_INT_BGR:
        return Layout.INT_BGR;
      default:
        break;
    }
    ColorModel cm = img.getColorModel();
    Raster r = img.getRaster();
    if (!(cm instanceof ComponentColorModel)
        || cm.isAlphaPremultiplied()
        || r.getTransferType() != DataBuffer.TYPE_BYTE
        || r.getNumDataElements() != cm.getNumComponents()) {
      return Layout.OTHER;
    }
    for (int bits : cm.getComponentSize()) {
      if (bits != 8) {
        return Layout.OTHER;
      }
    }
    ColorSpace cs = cm.getColorSpace();
    int n = cm.getNumComponents();
    if (cs.isCS_sRGB() && n == 3 && !cm.hasAlpha()) {
      return Layout.BYTES_RGB;
    }
    if (cs.isCS_sRGB() && n == 4 && cm.hasAlpha()) {
      return Layout.BYTES_RGBA;
    }
    if (cs.getType() == ColorSpace.TYPE_GRAY && n == 1) {
      return Layout.BYTES_GREY;
    }
    if (cs.getType() == ColorSpace.TYPE_GRAY && n == 2 && cm.hasAlpha()) {
      return Layout.BYTES_GREY_ALPHA;
    }
    return Layout.OTHER;
  }
}
