package io.imagegate.transform.codec;

import io.imagegate.source.ImageFormat;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Encodes a rendered image into bytes, in memory. Nothing from the source's metadata is written
 * unless {@link EncodeOptions#exif()} asks for it, so GPS and camera data never leak by default.
 */
final class ImageEncoder {
  /** libjpeg's JPEG_MAX_DIMENSION. */
  static final int JPEG_MAX_SIDE = 65_500;

  /** The VP8 and VP8L bitstreams store 14 bits per side. */
  static final int WEBP_MAX_SIDE = 16_383;

  /** The GIF logical screen stores 16 bits per side. */
  static final int GIF_MAX_SIDE = 65_535;

  /** AV1's largest frame side in libavif's default profile. */
  static final int AVIF_MAX_SIDE = 16_384;

  /** For tests only: throws in place of the next encoders, as a failing codec would. */
  static volatile RuntimeException injectedFailure;

  private ImageEncoder() {}

  /**
   * Encodes; every failure of an encoder (an exception inside the JDK's writers, a native error,
   * running out of memory) becomes a 503, so no caller ever sends an empty or partial image.
   */
  static byte[] encode(BufferedImage image, EncodeOptions options) {
    ImageFormat format = options.format();
    try {
      RuntimeException injected = injectedFailure;
      if (injected != null) {
        throw injected;
      }
      return switch (format) {
        case JPEG -> JpegEncoder.encode(checkSize(image, format, JPEG_MAX_SIDE), options);
        case WEBP -> WebpEncoder.encode(checkSize(image, format, WEBP_MAX_SIDE), options);
        case AVIF -> avif(checkSize(image, format, AVIF_MAX_SIDE), options);
        case GIF -> GifEncoder.encode(checkSize(image, format, GIF_MAX_SIDE));
        case PNG -> write(ImageFormat.PNG, SrgbConverter.toPlainInt(image), null);
        default -> throw new IllegalArgumentException("cannot encode " + format);
      };
    } catch (io.imagegate.failure.ImageGateException | IllegalArgumentException refusal) {
      throw refusal;
    } catch (OutOfMemoryError oom) {
      throw CodecFailures.outOfMemory(oom);
    } catch (RuntimeException | StackOverflowError | InternalError failure) {
      throw CodecFailures.encodeFailed(format.extension(), failure.toString());
    }
  }

  private static byte[] avif(BufferedImage image, EncodeOptions options) {
    LibAvif.Lib avif = NativeCodecs.avif();
    if (avif == null) {
      throw CodecFailures.formatUnavailable(ImageFormat.AVIF);
    }
    return LibAvif.encode(avif, SrgbConverter.toPlainInt(image), options.quality());
  }

  /**
   * Writes {@code image} with the format's chosen writer into a byte array; ImageIO's file cache is
   * never involved.
   *
   * @param param the write parameters, or {@code null} for the writer's defaults
   */
  static byte[] write(ImageFormat format, BufferedImage image, ImageWriteParam param) {
    ImageWriter writer = Plugins.writer(format);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
      writer.setOutput(out);
      writer.write(null, new IIOImage(image, null, null), param);
    } catch (IOException e) {
      // The image is ours and valid; failing to encode it is a server fault, not the client's.
      throw new UncheckedIOException(e);
    } finally {
      writer.dispose();
    }
    return bytes.toByteArray();
  }

  private static BufferedImage checkSize(BufferedImage image, ImageFormat format, int maxSide) {
    if (image.getWidth() > maxSide || image.getHeight() > maxSide) {
      throw CodecFailures.tooLargeForFormat(image.getWidth(), image.getHeight(), format, maxSide);
    }
    return image;
  }
}
