package io.imagegate.transform.codec;

import io.imagegate.source.ImageFormat;
import java.awt.image.BufferedImage;

/**
 * WebP output through libwebp: lossy at the requested quality, or lossless ({@code lo-true}); alpha
 * is kept in both. No metadata chunks are written. Without libwebp WebP is unavailable (415).
 */
final class WebpEncoder {
  private WebpEncoder() {}

  static byte[] encode(BufferedImage image, EncodeOptions options) {
    LibWebp.Lib webp = NativeCodecs.webp();
    if (webp == null) {
      throw CodecFailures.formatUnavailable(ImageFormat.WEBP);
    }
    return LibWebp.encode(
        webp, SrgbConverter.toPlainInt(image), options.quality(), options.lossless());
  }
}
