package io.imagegate.transform.codec;

import java.awt.Point;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.PixelInterleavedSampleModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.util.Arrays;

/**
 * A destination raster that never holds the full image: the JDK's JPEG reader hands it each decoded
 * line (through {@link #setRect(int, int, Raster)}), and it adds the line into running sums,
 * writing one output row of box averages, {@code factor x factor} source pixels each, whenever a
 * band of {@code factor} lines is complete. Memory is the reduced image plus one row of sums,
 * whatever the source size. At factor 1 each line is copied into the INT image as it comes: a full
 * decode without the reader's own 3-byte image beside it.
 *
 * <p>A progressive JPEG is delivered once per scan (the JDK's reader repaints the whole image after
 * each scan); only passes from {@code firstCountedPass} on are summed, since each pass rewrites
 * every line and the last one is the finished image. Anything unexpected (a line out of order,
 * another pixel layout) throws {@link IllegalStateException}, so that the caller can fall back to a
 * full decode instead of returning a wrong picture.
 */
final class BoxLines extends WritableRaster {
  private final int factor;
  private final int firstCountedPass;
  private final BufferedImage reduced;
  private final int[] out;
  private final int[] sums;
  private int pass;
  private int rows;

  /**
   * @param width stored width of the source
   * @param height stored height of the source
   * @param bands 3 (RGB) or 1 (grey)
   * @param factor the box size, at least 1
   * @param firstCountedPass the 1-based pass from which lines are summed (the scan count)
   */
  BoxLines(int width, int height, int bands, int factor, int firstCountedPass) {
    super(
        new PixelInterleavedSampleModel(
            DataBuffer.TYPE_BYTE,
            width,
            height,
            bands,
            bands * width,
            bands == 1 ? new int[] {0} : new int[] {0, 1, 2}),
        new DataBufferByte(1),
        new Point(0, 0));
    this.factor = factor;
    this.firstCountedPass = Math.max(1, firstCountedPass);
    int outWidth = ceilDiv(width, factor);
    this.reduced = new BufferedImage(outWidth, ceilDiv(height, factor), BufferedImage.TYPE_INT_RGB);
    this.out = ((DataBufferInt) reduced.getRaster().getDataBuffer()).getData();
    this.sums = new int[outWidth * 3];
  }

  /** The reduced image, {@code ceil(width / factor) x ceil(height / factor)}. */
  BufferedImage reduced() {
    if (pass < firstCountedPass || rows != height) {
      throw new IllegalStateException("the reader stopped at line " + rows + " of pass " + pass);
    }
    return reduced;
  }

  /** One decoded line: {@code line} is a 1-pixel-high byte raster of the full width. */
  @Override
  public void setRect(int dx, int dy, Raster line) {
    if (dy == 0) {
      pass++;
      rows = 0;
      Arrays.fill(sums, 0);
    }
    if (pass < firstCountedPass) {
      return;
    }
    if (dx != 0
        || dy != rows
        || line.getWidth() != width
        || line.getHeight() != 1
        || !(line.getDataBuffer() instanceof DataBufferByte buffer)
        || !(line.getSampleModel() instanceof ComponentSampleModel model)
        || model.getNumBands() != numBands) {
      throw new IllegalStateException("unexpected line " + dy + " from the JPEG reader");
    }
    if (factor == 1) {
      copy(
          buffer.getData(),
          model,
          line.getSampleModelTranslateX(),
          line.getSampleModelTranslateY());
      rows++;
      return;
    }
    add(buffer.getData(), model, line.getSampleModelTranslateX(), line.getSampleModelTranslateY());
    rows++;
    if (rows % factor == 0 || rows == height) {
      emitRow((rows - 1) / factor, rows - (rows - 1) / factor * factor);
    }
  }

  /** Factor 1: the line is the output row. */
  private void copy(byte[] data, ComponentSampleModel model, int translateX, int translateY) {
    int stride = model.getPixelStride();
    int base = model.getOffset(-translateX, -translateY);
    int[] offsets = model.getBandOffsets();
    int r = base + offsets[0];
    int g = base + offsets[numBands == 1 ? 0 : 1];
    int b = base + offsets[numBands == 1 ? 0 : 2];
    int row = rows * width;
    for (int x = 0, p = 0; x < width; x++, p += stride) {
      out[row + x] =
          0xFF000000 | (data[r + p] & 0xFF) << 16 | (data[g + p] & 0xFF) << 8 | data[b + p] & 0xFF;
    }
  }

  private void add(byte[] data, ComponentSampleModel model, int translateX, int translateY) {
    int stride = model.getPixelStride();
    int base = model.getOffset(-translateX, -translateY);
    int[] offsets = model.getBandOffsets();
    int r = base + offsets[0];
    int g = base + offsets[numBands == 1 ? 0 : 1] - r;
    int b = base + offsets[numBands == 1 ? 0 : 2] - r;
    int p = r;
    int s = 0;
    for (int x0 = 0; x0 < width; x0 += factor, s += 3) {
      int sr = 0;
      int sg = 0;
      int sb = 0;
      for (int n = Math.min(factor, width - x0); n > 0; n--, p += stride) {
        sr += data[p] & 0xFF;
        sg += data[p + g] & 0xFF;
        sb += data[p + b] & 0xFF;
      }
      sums[s] += sr;
      sums[s + 1] += sg;
      sums[s + 2] += sb;
    }
  }

  private void emitRow(int outY, int lines) {
    int outWidth = reduced.getWidth();
    int row = outY * outWidth;
    double full = 1.0 / (lines * factor); // a multiplication: a division per sample costs more
    for (int ox = 0, s = 0; ox < outWidth; ox++, s += 3) {
      int cols = Math.min(factor, width - ox * factor);
      double scale = cols == factor ? full : 1.0 / (lines * cols);
      out[row + ox] =
          0xFF000000
              | (int) (sums[s] * scale + 0.5) << 16
              | (int) (sums[s + 1] * scale + 0.5) << 8
              | (int) (sums[s + 2] * scale + 0.5);
    }
    Arrays.fill(sums, 0);
  }

  private static int ceilDiv(int a, int b) {
    return (a + b - 1) / b;
  }
}
