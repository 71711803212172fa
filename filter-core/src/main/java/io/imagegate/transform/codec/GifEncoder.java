package io.imagegate.transform.codec;

import io.imagegate.source.ImageFormat;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;

/**
 * GIF output: the JDK writer quantizes to a 256-colour palette. GIF has only one transparent index,
 * so alpha is made binary first: below half opacity is transparent, the rest opaque.
 */
final class GifEncoder {
  private GifEncoder() {}

  static byte[] encode(BufferedImage image) {
    BufferedImage plain = SrgbConverter.toPlainInt(image);
    return ImageEncoder.write(
        ImageFormat.GIF, plain.getColorModel().hasAlpha() ? binaryAlpha(plain) : plain, null);
  }

  private static BufferedImage binaryAlpha(BufferedImage argb) {
    BufferedImage out =
        new BufferedImage(argb.getWidth(), argb.getHeight(), BufferedImage.TYPE_INT_ARGB);
    int[] src = ((DataBufferInt) argb.getRaster().getDataBuffer()).getData();
    int[] dst = ((DataBufferInt) out.getRaster().getDataBuffer()).getData();
    for (int i = 0; i < src.length; i++) {
      dst[i] = (src[i] >>> 24) < 128 ? 0 : src[i] | 0xFF000000;
    }
    return out;
  }
}
