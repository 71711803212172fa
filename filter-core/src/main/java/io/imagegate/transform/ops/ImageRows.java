package io.imagegate.transform.ops;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.awt.image.Raster;
import java.awt.image.SinglePixelPackedSampleModel;

/** The rows of an image, premultiplied, one source pixel per output pixel. */
final class ImageRows implements PremultipliedRows {
  private final ArgbRows reader;
  private final int width;
  private final int height;
  private final boolean alpha;
  private final int[] row;

  /** An opaque packed-int image's pixels, read in place (a decoder's or a cut's view): or null. */
  private final int[] packed;

  private final int packedOffset;
  private final int packedStride;

  /** The rows of an opaque image that only a row reader can reach. */
  ImageRows(ArgbRows reader, int width, int height) {
    this.alpha = false;
    this.reader = reader;
    this.width = width;
    this.height = height;
    this.row = new int[width];
    this.packed = null;
    this.packedOffset = 0;
    this.packedStride = 0;
  }

  ImageRows(BufferedImage img, boolean alpha) {
    this.alpha = alpha;
    this.reader = new RowReader(img);
    this.width = img.getWidth();
    this.height = img.getHeight();
    this.row = new int[width];
    Raster raster = img.getRaster();
    if (!alpha
        && img.getType() == BufferedImage.TYPE_INT_RGB
        && raster.getDataBuffer() instanceof DataBufferInt data
        && data.getNumBanks() == 1
        && raster.getSampleModel() instanceof SinglePixelPackedSampleModel model) {
      // Pixel (0, 0) of a view (getSubimage) sits at the sample model's translated origin.
      this.packed = data.getData();
      this.packedOffset =
          data.getOffset()
              + model.getOffset(
                  -raster.getSampleModelTranslateX(), -raster.getSampleModelTranslateY());
      this.packedStride = model.getScanlineStride();
    } else {
      this.packed = null;
      this.packedOffset = 0;
      this.packedStride = 0;
    }
  }

  @Override
  public int width() {
    return width;
  }

  @Override
  public int height() {
    return height;
  }

  @Override
  public int planes() {
    return alpha ? 4 : 3;
  }

  @Override
  public void read(int y, float[] out) {
    int g = width;
    int b = 2 * width;
    if (!alpha) {
      if (packed != null) {
        System.arraycopy(packed, packedOffset + y * packedStride, row, 0, width);
      } else {
        reader.read(y, row);
      }
      int[] px = row;
      // One loop per plane: each is a plain int-to-float conversion the JIT vectorises.
      for (int x = 0; x < width; x++) {
        out[x] = (px[x] >> 16) & 0xFF;
      }
      for (int x = 0; x < width; x++) {
        out[g + x] = (px[x] >> 8) & 0xFF;
      }
      for (int x = 0; x < width; x++) {
        out[b + x] = px[x] & 0xFF;
      }
      return;
    }
    reader.read(y, row);
    int a = 3 * width;
    for (int x = 0; x < width; x++) {
      int p = row[x];
      int pa = p >>> 24;
      float s = pa / 255f;
      out[x] = ((p >> 16) & 0xFF) * s;
      out[g + x] = ((p >> 8) & 0xFF) * s;
      out[b + x] = (p & 0xFF) * s;
      out[a + x] = pa;
    }
  }
}
