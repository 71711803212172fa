package io.imagegate.transform.codec;

import io.imagegate.source.ImageFormat;
import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import javax.imageio.ImageWriteParam;
import javax.imageio.plugins.jpeg.JPEGImageWriteParam;

/**
 * JPEG output (libjpeg-turbo, else the JDK's writer): alpha flattened onto the background, the
 * requested quality, baseline or progressive, 4:2:0 chroma (the JDK writer's default), a JFIF
 * header and, only when asked for, the source's EXIF in an APP1 segment.
 */
final class JpegEncoder {
  private static final byte[] EXIF_PREFIX = "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1);

  private JpegEncoder() {}

  static byte[] encode(BufferedImage image, EncodeOptions options) {
    BufferedImage rgb = flatten(image, options.backgroundArgb());
    TurboJpeg.Lib turbo = NativeCodecs.turbo();
    byte[] jpeg =
        turbo != null
            ? TurboJpeg.encode(turbo, rgb, options.quality(), options.progressive())
            : javaEncode(rgb, options);
    byte[] exif = options.exif();
    return exif == null ? jpeg : withExif(jpeg, exif);
  }

  /** The JDK's writer (its libjpeg): the path without libjpeg-turbo. */
  private static byte[] javaEncode(BufferedImage rgb, EncodeOptions options) {
    ImageWriteParam param = new JPEGImageWriteParam(Locale.ROOT);
    param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
    param.setCompressionQuality(options.quality() / 100f);
    if (options.progressive()) {
      param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
    }
    return ImageEncoder.write(ImageFormat.JPEG, rgb, param);
  }

  /**
   * An opaque INT_RGB image: alpha composited onto the background (itself made opaque over white).
   */
  static BufferedImage flatten(BufferedImage image, int backgroundArgb) {
    if (!image.getColorModel().hasAlpha()) {
      return SrgbConverter.toPlainInt(image);
    }
    BufferedImage out =
        new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    try {
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, out.getWidth(), out.getHeight());
      g.setColor(new Color(backgroundArgb, true));
      g.fillRect(0, 0, out.getWidth(), out.getHeight());
      g.setComposite(AlphaComposite.SrcOver);
      g.drawImage(image, 0, 0, null);
    } finally {
      g.dispose();
    }
    return out;
  }

  /**
   * Inserts an APP1 Exif segment after SOI and the writer's JFIF APP0. EXIF too large for one
   * segment is left out: it cannot be stored in a JPEG without the multi-segment extensions that
   * readers rarely support.
   */
  static byte[] withExif(byte[] jpeg, byte[] exif) {
    if (exif.length > HeaderMetadata.MAX_EXIF_BYTES) {
      return jpeg;
    }
    int at = 2;
    if ((jpeg[2] & 0xFF) == 0xFF && (jpeg[3] & 0xFF) == 0xE0) {
      at = 4 + ((jpeg[4] & 0xFF) << 8 | (jpeg[5] & 0xFF));
    }
    int segmentLength = 2 + EXIF_PREFIX.length + exif.length;
    byte[] out = new byte[jpeg.length + 2 + segmentLength];
    System.arraycopy(jpeg, 0, out, 0, at);
    int p = at;
    out[p++] = (byte) 0xFF;
    out[p++] = (byte) 0xE1;
    out[p++] = (byte) (segmentLength >> 8);
    out[p++] = (byte) segmentLength;
    System.arraycopy(EXIF_PREFIX, 0, out, p, EXIF_PREFIX.length);
    p += EXIF_PREFIX.length;
    System.arraycopy(exif, 0, out, p, exif.length);
    p += exif.length;
    System.arraycopy(jpeg, at, out, p, jpeg.length - at);
    return out;
  }
}
