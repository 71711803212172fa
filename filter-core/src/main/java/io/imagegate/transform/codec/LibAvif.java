package io.imagegate.transform.codec;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;

/**
 * AVIF output through libavif 0.11 (Debian libavif15): the image is converted to 8-bit 4:2:0 YUV
 * and encoded in one call, single-threaded, at speed 8. libavif's structs are filled by offset as
 * laid out in 0.11's {@code avif.h}, so another major version is not used (see {@link #supported}).
 * Every native allocation is freed in the same call.
 */
final class LibAvif {
  private static final int PIXEL_FORMAT_YUV420 = 3;
  private static final int RGB_FORMAT_BGRA = 4;
  private static final int RGB_IMAGE_BYTES = 56;
  private static final int RW_DATA_BYTES = 16;
  private static final int SPEED = 8;

  /** The libavif functions used. */
  interface Lib extends Library {
    String avifVersion();

    Pointer avifImageCreate(int width, int height, int depth, int yuvFormat);

    void avifImageDestroy(Pointer image);

    void avifRGBImageSetDefaults(Pointer rgb, Pointer image);

    int avifImageRGBToYUV(Pointer image, Pointer rgb);

    Pointer avifEncoderCreate();

    void avifEncoderDestroy(Pointer encoder);

    int avifEncoderWrite(Pointer encoder, Pointer image, Pointer output);

    void avifRWDataFree(Pointer data);
  }

  private LibAvif() {}

  /** Whether this library's struct layout is the one these bindings know (0.11.x). */
  static boolean supported(Lib lib) {
    return lib.avifVersion().startsWith("0.11.");
  }

  /** Encodes a plain INT image; quality 1-100 maps to libavif's quantizer 0-63. */
  static byte[] encode(Lib lib, BufferedImage plain, int quality) {
    int w = plain.getWidth();
    int h = plain.getHeight();
    int[] pixels = ((DataBufferInt) plain.getRaster().getDataBuffer()).getData();
    boolean alpha = plain.getColorModel().hasAlpha();
    int quantizer = ((100 - quality) * 63 + 50) / 100;
    long pixelBytes = (long) w * h * 4;
    Pointer image = null;
    Pointer encoder = null;
    long rgb = 0;
    long data = 0;
    long output = 0;
    try {
      image = lib.avifImageCreate(w, h, 8, PIXEL_FORMAT_YUV420);
      rgb = malloc(RGB_IMAGE_BYTES);
      data = malloc(pixelBytes);
      output = malloc(RW_DATA_BYTES);
      if (image == null) {
        throw new OutOfMemoryError("avifImageCreate");
      }
      Pointer rgbImage = new Pointer(rgb);
      Pointer out = new Pointer(output);
      out.setMemory(0, RW_DATA_BYTES, (byte) 0);
      new Pointer(data).write(0, pixels, 0, pixels.length);
      lib.avifRGBImageSetDefaults(rgbImage, image);
      rgbImage.setInt(12, RGB_FORMAT_BGRA); // format
      rgbImage.setInt(28, alpha ? 0 : 1); // ignoreAlpha: TYPE_INT_RGB's top byte is undefined
      rgbImage.setPointer(40, new Pointer(data)); // pixels
      rgbImage.setInt(48, w * 4); // rowBytes
      if (lib.avifImageRGBToYUV(image, rgbImage) != 0) {
        throw CodecFailures.encodeFailed("avif", "RGB to YUV conversion failed");
      }
      encoder = lib.avifEncoderCreate();
      if (encoder == null) {
        throw new OutOfMemoryError("avifEncoderCreate");
      }
      encoder.setInt(4, 1); // maxThreads: no thread outlives the call
      encoder.setInt(8, SPEED);
      encoder.setInt(24, quantizer); // minQuantizer
      encoder.setInt(28, quantizer); // maxQuantizer
      encoder.setInt(32, quantizer); // minQuantizerAlpha
      encoder.setInt(36, quantizer); // maxQuantizerAlpha
      int result = lib.avifEncoderWrite(encoder, image, out);
      if (result != 0) {
        throw CodecFailures.encodeFailed("avif", "libavif result " + result);
      }
      Pointer bytes = out.getPointer(0);
      long size = out.getLong(8);
      return bytes.getByteArray(0, Math.toIntExact(size));
    } finally {
      if (output != 0 && new Pointer(output).getLong(0) != 0) {
        lib.avifRWDataFree(new Pointer(output));
      }
      if (encoder != null) {
        lib.avifEncoderDestroy(encoder);
      }
      if (image != null) {
        lib.avifImageDestroy(image);
      }
      free(rgb);
      free(data);
      free(output);
    }
  }

  private static long malloc(long bytes) {
    long peer = Native.malloc(bytes);
    if (peer == 0) {
      throw new OutOfMemoryError("malloc(" + bytes + ")");
    }
    return peer;
  }

  private static void free(long peer) {
    if (peer != 0) {
      Native.free(peer);
    }
  }
}
