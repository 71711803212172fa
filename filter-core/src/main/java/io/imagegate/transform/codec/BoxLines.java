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
 * A destination raster that never holds the full image: the JDK's JPEG reader hands it each
 * decoded line (through {@link #setRect(int, int, Raster)}), and it adds the line into running
 * sums, writing one output row of box averages, {@code factor x factor} source pixels each,
 * whenever a band of {@code factor} lines is complete. Memory is the reduced image plus one row
 * of sums, whatever the source size.
 *
 * <p>A progressive JPEG is delivered once per scan (the JDK's reader repaints the whole image
 * after each scan); only passes from {@code firstCountedPass} on are summed, since each pass
 * rewrites every line and the last one is the finished image. Anything unexpected (a line out
 * of order, another pixel layout) throws {@link IllegalStateException}, so that the caller can
 * fall back to a full decode instead of returning a wrong picture.
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
   * @param factor the box size, at least 2
   * @param firstCountedPass the 1-based pass from which lines are summed (the scan count)
   */
  BoxLines(int width, int height, int bands, int factor, int firstCountedPass) {
    super(new PixelInterleavedSampleModel(DataBuffer.TYPE_BYTE, width, height, bands, bands * width,
        bands == 1 ? new int[] {0} : new int[] {0, 1, 2}), new DataBufferByte(1), new Point(0, 0));
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
    if (dx != 0 || dy != rows || line.getWidth() != width || line.getHeight() != 1
        || !(line.getDataBuffer() instanceof DataBufferByte buffer)
        || !(line.getSampleModel() instanceof ComponentSampleModel model)
        || model.getNumBands() != numBands) {
      throw new IllegalStateException("unexpected line " + dy + " from the JPEG reader");
    }
    add(buffer.getData(), model, line.getSampleModelTranslateX(), line.getSampleModelTranslateY());
    rows++;
    if (rows % factor == 0 || rows == height) {
      emitRow((rows - 1) / factor, rows - (rows - 1) / factor * factor);
    }
  }

  private void add(byte[] data, ComponentSampleModel model, int translateX, int translateY) {
    int stride = model.getPixelStride();
    int base = model.getOffset(-translateX, -translateY);
    int[] offsets = model.getBandOffsets();
    int r = base + offsets[0];
    int g = base + offsets[numBands == 1 ? 0 : 1];
    int b = base + offsets[numBands == 1 ? 0 : 2];
    for (int x0 = 0, s = 0; x0 < width; x0 += factor, s += 3) {
      int sr = 0;
      int sg = 0;
      int sb = 0;
      for (int x = x0, end = Math.min(width, x0 + factor); x < end; x++) {
        int p = x * stride;
        sr += data[r + p] & 0xFF;
        sg += data[g + p] & 0xFF;
        sb += data[b + p] & 0xFF;
      }
      sums[s] += sr;
      sums[s + 1] += sg;
      sums[s + 2] += sb;
    }
  }

  private void emitRow(int outY, int lines) {
    int outWidth = reduced.getWidth();
    int row = outY * outWidth;
    for (int ox = 0, s = 0; ox < outWidth; ox++, s += 3) {
      int count = lines * Math.min(factor, width - ox * factor);
      int half = count / 2;
      out[row + ox] = 0xFF000000 | (sums[s] + half) / count << 16
          | (sums[s + 1] + half) / count << 8 | (sums[s + 2] + half) / count;
    }
    Arrays.fill(sums, 0);
  }

  private static int ceilDiv(int a, int b) {
    return (a + b - 1) / b;
  }
}
