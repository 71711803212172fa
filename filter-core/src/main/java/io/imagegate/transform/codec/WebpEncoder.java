package io.imagegate.transform.codec;

import com.luciad.imageio.webp.WebPWriteParam;
import io.imagegate.source.ImageFormat;
import java.awt.image.BufferedImage;
import java.util.Locale;
import javax.imageio.ImageWriteParam;

/**
 * WebP output through webp-imageio's libwebp: lossy at the requested quality, or lossless ({@code
 * lo-true}); alpha is kept in both. No metadata chunks are written.
 */
final class WebpEncoder {
  private WebpEncoder() {}

  static byte[] encode(BufferedImage image, EncodeOptions options) {
    WebPWriteParam param = new WebPWriteParam(Locale.ROOT);
    param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
    if (options.lossless()) {
      param.setCompressionType(param.getCompressionTypes()[WebPWriteParam.LOSSLESS_COMPRESSION]);
    } else {
      param.setCompressionType(param.getCompressionTypes()[WebPWriteParam.LOSSY_COMPRESSION]);
      param.setCompressionQuality(options.quality() / 100f);
    }
    return ImageEncoder.write(ImageFormat.WEBP, SrgbConverter.toPlainInt(image), param);
  }
}
