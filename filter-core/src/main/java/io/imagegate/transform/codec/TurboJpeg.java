package io.imagegate.transform.codec;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import io.imagegate.transform.ops.PackedRows;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.Locale;
import java.util.function.Function;

/**
 * JPEG through libjpeg-turbo's TurboJPEG 2 API: decode with DCT scaling (shrink-on-load: the
 * smallest of the library's scaling factors, n/8, that still leaves the size asked for) and encode.
 * A handle is made and destroyed per call; nothing native survives a call.
 */
final class TurboJpeg {
  private static final int TJPF_BGRX = 3;
  private static final int TJSAMP_420 = 2;
  private static final int TJCS_CMYK = 3;
  private static final int TJCS_YCCK = 4;
  private static final int TJFLAG_FASTUPSAMPLE = 256;
  private static final int TJFLAG_ACCURATEDCT = 4096;
  private static final int TJERR_WARNING = 0;
  private static final int TJFLAG_PROGRESSIVE = 16384;
  private static final int TJFLAG_LIMITSCANS = 32768;

  /** The TurboJPEG 2 functions used (Debian libturbojpeg0). */
  interface Lib extends Library {
    Pointer tjInitDecompress();

    Pointer tjInitCompress();

    int tjDestroy(Pointer handle);

    int tjDecompressHeader3(
        Pointer handle,
        Pointer jpeg,
        NativeLong size,
        int[] width,
        int[] height,
        int[] subsamp,
        int[] colorspace);

    int tjDecompress2(
        Pointer handle,
        Pointer jpeg,
        NativeLong size,
        Pointer dst,
        int width,
        int pitch,
        int height,
        int pixelFormat,
        int flags);

    int tjCompress2(
        Pointer handle,
        int[] src,
        int width,
        int pitch,
        int height,
        int pixelFormat,
        long[] jpegBuf,
        long[] jpegSize,
        int subsamp,
        int quality,
        int flags);

    void tjFree(Pointer buffer);

    String tjGetErrorStr2(Pointer handle);

    int tjGetErrorCode(Pointer handle);
  }

  /** The header as libjpeg-turbo reads it. */
  record Header(int width, int height, boolean cmyk) {}

  private TurboJpeg() {}

  /** The stored size, and whether the colour space is CMYK or YCCK; null when it is no JPEG. */
  static Header header(Lib lib, byte[] jpeg) {
    long src = copyToNative(jpeg);
    Pointer handle = lib.tjInitDecompress();
    if (handle == null) {
      Native.free(src);
      throw new OutOfMemoryError("tjInitDecompress");
    }
    try {
      int[] w = new int[1];
      int[] h = new int[1];
      int[] subsamp = new int[1];
      int[] colorspace = new int[1];
      if (lib.tjDecompressHeader3(handle, new Pointer(src), size(jpeg), w, h, subsamp, colorspace)
          != 0) {
        return null;
      }
      boolean cmyk = colorspace[0] == TJCS_CMYK || colorspace[0] == TJCS_YCCK;
      return new Header(w[0], h[0], cmyk);
    } finally {
      lib.tjDestroy(handle);
      Native.free(src);
    }
  }

  /**
   * The JPEG's bytes in native memory, for the caller to free. A {@code byte[]} argument would be
   * copied by JNA into native memory and back again after the call: a megabyte photo twice per
   * call.
   */
  private static long copyToNative(byte[] jpeg) {
    long src = Native.malloc(Math.max(1, jpeg.length));
    if (src == 0) {
      throw new OutOfMemoryError("malloc for a " + jpeg.length + "-byte JPEG");
    }
    new Pointer(src).write(0, jpeg, 0, jpeg.length);
    return src;
  }

  /**
   * The scale {@code n/8} (n in 1..8) that is the smallest leaving at least {@code minWidth x
   * minHeight} of a {@code width x height} image; 8 when none smaller does.
   */
  static int eighths(int width, int height, int minWidth, int minHeight) {
    for (int n = 1; n < 8; n *= 2) {
      if (scaled(width, n) >= minWidth && scaled(height, n) >= minHeight) {
        return n;
      }
    }
    return 8;
  }

  /** TJSCALED: the size of one side at {@code n/8}. */
  static int scaled(int side, int eighths) {
    return (int) (((long) side * eighths + 7) / 8);
  }

  /**
   * Decodes at {@code n/8} into a plain {@code TYPE_INT_RGB} image (stored orientation, colours as
   * stored: an ICC profile is applied by the caller).
   *
   * @return the image, or {@code null} when libjpeg-turbo gives up (a fatal error: the Java path
   *     decides then)
   * @throws io.imagegate.failure.ImageGateException 422 when the data is truncated
   */
  static BufferedImage decode(Lib lib, byte[] jpeg, Header header, int eighths) {
    int w = scaled(header.width(), eighths);
    int h = scaled(header.height(), eighths);
    BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    int[] pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
    // Decoded into native memory and copied once into the image: an int[] argument would be
    // copied both ways.
    return decodeNative(
        lib,
        jpeg,
        header,
        eighths,
        out -> {
          out.read(0, pixels, 0, pixels.length);
          return image;
        });
  }

  /**
   * Decodes at {@code n/8} as {@link #decode} does, into native memory only, and hands that buffer
   * to {@code use} as {@link PackedRows} for as long as the call lasts (it is freed after).
   *
   * @return what {@code use} returned, or {@code null} when libjpeg-turbo gives up
   * @throws io.imagegate.failure.ImageGateException 422 when the data is truncated
   */
  static <T> T decodeThen(
      Lib lib, byte[] jpeg, Header header, int eighths, Function<PackedRows, T> use) {
    int w = scaled(header.width(), eighths);
    int h = scaled(header.height(), eighths);
    return decodeNative(
        lib,
        jpeg,
        header,
        eighths,
        out ->
            use.apply(
                new PackedRows() {
                  @Override
                  public int width() {
                    return w;
                  }

                  @Override
                  public int height() {
                    return h;
                  }

                  @Override
                  public void read(int y, int x, int count, int[] dst) {
                    if (y < 0 || y >= h || x < 0 || count < 0 || x + count > w) {
                      throw new IndexOutOfBoundsException("outside the decoded image");
                    }
                    out.read(((long) y * w + x) * 4, dst, 0, count);
                  }
                }));
  }

  /**
   * The decode itself: BGRX (one little-endian {@code int} a pixel, {@code 0x??RRGGBB}) into a
   * native buffer that {@code use} reads before it is freed. Null when libjpeg-turbo gives up.
   */
  private static <T> T decodeNative(
      Lib lib, byte[] jpeg, Header header, int eighths, Function<Pointer, T> use) {
    int w = scaled(header.width(), eighths);
    int h = scaled(header.height(), eighths);
    long dst = Native.malloc((long) w * h * 4);
    if (dst == 0) {
      throw new OutOfMemoryError("malloc for a " + w + "x" + h + " decode");
    }
    long src;
    try {
      src = copyToNative(jpeg);
    } catch (OutOfMemoryError e) {
      Native.free(dst);
      throw e;
    }
    Pointer handle = lib.tjInitDecompress();
    if (handle == null) {
      Native.free(dst);
      Native.free(src);
      throw new OutOfMemoryError("tjInitDecompress");
    }
    try {
      // A reduced decode is reduced at least 3x again by the resampler: the chroma's triangle
      // upsampling ("fancy") would be averaged away, so it is skipped there.
      int flags = TJFLAG_ACCURATEDCT | TJFLAG_LIMITSCANS | (eighths < 8 ? TJFLAG_FASTUPSAMPLE : 0);
      Pointer out = new Pointer(dst);
      if (lib.tjDecompress2(
              handle, new Pointer(src), size(jpeg), out, w, w * 4, h, TJPF_BGRX, flags)
          != 0) {
        String message = String.valueOf(lib.tjGetErrorStr2(handle));
        if (lib.tjGetErrorCode(handle) != TJERR_WARNING) {
          return null; // fatal: the Java decode decides
        }
        if (message.toLowerCase(Locale.ROOT).contains("premature end")) {
          // As in the Java decode: a truncated JPEG is never rendered grey-filled.
          throw CodecFailures.badData(new IllegalStateException(message));
        }
        // Other warnings ("extraneous bytes before marker") are common in camera files.
      }
      return use.apply(out);
    } finally {
      lib.tjDestroy(handle);
      Native.free(dst);
      Native.free(src);
    }
  }

  /** Encodes an opaque INT image: 4:2:0, the quality given, baseline or progressive, JFIF. */
  static byte[] encode(Lib lib, BufferedImage rgb, int quality, boolean progressive) {
    int[] pixels = ((DataBufferInt) rgb.getRaster().getDataBuffer()).getData();
    Pointer handle = lib.tjInitCompress();
    if (handle == null) {
      throw new OutOfMemoryError("tjInitCompress");
    }
    long[] buffer = {0};
    long[] length = {0};
    try {
      int flags = TJFLAG_ACCURATEDCT | (progressive ? TJFLAG_PROGRESSIVE : 0);
      int w = rgb.getWidth();
      int h = rgb.getHeight();
      int status =
          lib.tjCompress2(
              handle, pixels, w, w * 4, h, TJPF_BGRX, buffer, length, TJSAMP_420, quality, flags);
      if (status != 0 || buffer[0] == 0) {
        throw CodecFailures.encodeFailed("jpg", lib.tjGetErrorStr2(handle));
      }
      return new Pointer(buffer[0]).getByteArray(0, Math.toIntExact(length[0]));
    } finally {
      if (buffer[0] != 0) {
        lib.tjFree(new Pointer(buffer[0]));
      }
      lib.tjDestroy(handle);
    }
  }

  private static NativeLong size(byte[] jpeg) {
    return new NativeLong(jpeg.length);
  }
}
