package io.imagegate.transform.codec;

import com.sun.jna.Library;
import com.sun.jna.Pointer;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;

/**
 * WebP through libwebp's simple API: {@code WebPDecodeBGRAInto} straight into the INT image's
 * pixels, {@code WebPEncodeBGRA}/{@code WebPEncodeLosslessBGRA} from them (a little-endian {@code
 * 0xAARRGGBB} int is B, G, R, A in memory). The encoder's output is freed with {@code WebPFree} in
 * the same call.
 */
final class LibWebp {
  /** decode.h's WEBP_DECODER_ABI_VERSION for libwebp 1.x; only the major byte is checked. */
  private static final int DECODER_ABI = 0x0209;

  /** The libwebp functions used (Debian libwebp7). */
  interface Lib extends Library {
    int WebPGetEncoderVersion();

    int WebPGetInfo(byte[] data, long size, int[] width, int[] height);

    /** Fills WebPBitstreamFeatures: width, height, has_alpha, has_animation, format, pad[5]. */
    int WebPGetFeaturesInternal(byte[] data, long size, int[] features, int version);

    Pointer WebPDecodeBGRAInto(byte[] data, long size, int[] out, long outSize, int stride);

    long WebPEncodeBGRA(int[] bgra, int width, int height, int stride, float q, long[] out);

    long WebPEncodeLosslessBGRA(int[] bgra, int width, int height, int stride, long[] out);

    void WebPFree(Pointer pointer);
  }

  /** What the bitstream header says. */
  record Features(int width, int height, boolean alpha) {}

  private LibWebp() {}

  static String version(Lib lib) {
    int v = lib.WebPGetEncoderVersion();
    return (v >> 16) + "." + (v >> 8 & 0xFF) + "." + (v & 0xFF);
  }

  /** The still image's header; null when libwebp cannot read it. */
  static Features features(Lib lib, byte[] webp) {
    int[] f = new int[10];
    if (lib.WebPGetFeaturesInternal(webp, webp.length, f, DECODER_ABI) != 0) {
      return null;
    }
    return new Features(f[0], f[1], f[2] != 0);
  }

  /** Decodes into a plain INT image ({@code TYPE_INT_ARGB} when the bitstream has alpha). */
  static BufferedImage decode(Lib lib, byte[] webp, Features features) {
    int w = features.width();
    int h = features.height();
    BufferedImage image =
        new BufferedImage(
            w, h, features.alpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
    int[] pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
    if (lib.WebPDecodeBGRAInto(webp, webp.length, pixels, (long) pixels.length * 4, w * 4)
        == null) {
      throw CodecFailures.badData(null);
    }
    return image;
  }

  /** Encodes a plain INT image; lossy at {@code quality} or lossless. */
  static byte[] encode(Lib lib, BufferedImage plain, int quality, boolean lossless) {
    int[] pixels = ((DataBufferInt) plain.getRaster().getDataBuffer()).getData();
    if (!plain.getColorModel().hasAlpha()) {
      // TYPE_INT_RGB leaves the top byte undefined; libwebp would read it as alpha.
      int[] opaque = new int[pixels.length];
      for (int i = 0; i < pixels.length; i++) {
        opaque[i] = pixels[i] | 0xFF000000;
      }
      pixels = opaque;
    }
    int w = plain.getWidth();
    int h = plain.getHeight();
    long[] out = {0};
    try {
      long size =
          lossless
              ? lib.WebPEncodeLosslessBGRA(pixels, w, h, w * 4, out)
              : lib.WebPEncodeBGRA(pixels, w, h, w * 4, quality, out);
      if (size == 0 || out[0] == 0) {
        throw CodecFailures.encodeFailed("webp", "libwebp returned no data");
      }
      return new Pointer(out[0]).getByteArray(0, Math.toIntExact(size));
    } finally {
      if (out[0] != 0) {
        lib.WebPFree(new Pointer(out[0]));
      }
    }
  }
}
