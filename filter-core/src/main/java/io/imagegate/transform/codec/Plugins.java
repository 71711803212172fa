package io.imagegate.transform.codec;

import io.imagegate.source.ImageFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriter;
import javax.imageio.spi.IIORegistry;
import javax.imageio.spi.ImageReaderSpi;
import javax.imageio.spi.ImageWriterSpi;
import javax.imageio.spi.ServiceRegistry;

/**
 * Picks the one reader and writer used for each format, independent of what else happens to be
 * registered with ImageIO and in which order: TwelveMonkeys for JPEG reading (CMYK, YCCK, ICC
 * profiles), webp-imageio (libwebp) for WebP, the JDK for the rest.
 *
 * <p>WebP is read with libwebp rather than TwelveMonkeys' pure-Java decoder: fuzzing showed that
 * decoder treating reads past the end as zero bits, so a corrupt 76-byte lossless file kept it busy
 * for minutes. libwebp rejects the same file at once.
 */
final class Plugins {
  private static final Map<ImageFormat, String> JDK_READERS =
      Map.of(
          ImageFormat.PNG, "com.sun.imageio.plugins.png.PNGImageReaderSpi",
          ImageFormat.GIF, "com.sun.imageio.plugins.gif.GIFImageReaderSpi",
          ImageFormat.BMP, "com.sun.imageio.plugins.bmp.BMPImageReaderSpi");
  private static final Map<ImageFormat, String> JDK_WRITERS =
      Map.of(
          ImageFormat.JPEG, "com.sun.imageio.plugins.jpeg.JPEGImageWriterSpi",
          ImageFormat.PNG, "com.sun.imageio.plugins.png.PNGImageWriterSpi",
          ImageFormat.GIF, "com.sun.imageio.plugins.gif.GIFImageWriterSpi");
  private static final String JDK_JPEG_READER = "com.sun.imageio.plugins.jpeg.JPEGImageReaderSpi";

  private static final ImageReaderSpi JPEG_READER = twelveMonkeysJpeg();
  private static final ImageReaderSpi WEBP_READER =
      new com.luciad.imageio.webp.WebPImageReaderSpi();
  private static final ImageWriterSpi WEBP_WRITER =
      new com.luciad.imageio.webp.WebPImageWriterSpi();

  static {
    // Plugins may open their own streams internally; with the cache on, ImageIO would back
    // them with temporary files, and the server must never write files.
    ImageIO.setUseCache(false);
  }

  private Plugins() {}

  /** A new reader for a renderable format; readers are not thread-safe, so one per decode. */
  static ImageReader reader(ImageFormat format) {
    try {
      return switch (format) {
        case JPEG -> JPEG_READER.createReaderInstance();
        case WEBP -> WEBP_READER.createReaderInstance();
        default ->
            jdk(ImageReaderSpi.class, requireName(JDK_READERS, format)).createReaderInstance();
      };
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A new JDK (libjpeg) JPEG reader, used directly where TwelveMonkeys' wrapper would only pass
   * through: the reduced decode hands it a destination that receives lines one by one.
   */
  static ImageReader jdkJpegReader() {
    try {
      return jdk(ImageReaderSpi.class, JDK_JPEG_READER).createReaderInstance();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A new writer for an output format. */
  static ImageWriter writer(ImageFormat format) {
    try {
      return format == ImageFormat.WEBP
          ? WEBP_WRITER.createWriterInstance()
          : jdk(ImageWriterSpi.class, requireName(JDK_WRITERS, format)).createWriterInstance();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * TwelveMonkeys' JPEG reader finds its delegate (the JDK's libjpeg reader) when it is registered.
   * A private registry gives it that delegate without touching ImageIO's global one, which in a
   * servlet container may belong to another web application's class loader.
   */
  private static ImageReaderSpi twelveMonkeysJpeg() {
    ServiceRegistry registry =
        new ServiceRegistry(List.<Class<?>>of(ImageReaderSpi.class).iterator());
    registry.registerServiceProvider(jdk(ImageReaderSpi.class, JDK_JPEG_READER));
    ImageReaderSpi spi = new com.twelvemonkeys.imageio.plugins.jpeg.JPEGImageReaderSpi();
    registry.registerServiceProvider(spi);
    return spi;
  }

  private static String requireName(Map<ImageFormat, String> names, ImageFormat format) {
    String name = names.get(format);
    if (name == null) {
      throw new IllegalArgumentException("no codec for " + format);
    }
    return name;
  }

  private static <T> T jdk(Class<T> category, String className) {
    Iterator<T> providers = IIORegistry.getDefaultInstance().getServiceProviders(category, false);
    while (providers.hasNext()) {
      T provider = providers.next();
      if (provider.getClass().getName().equals(className)) {
        return provider;
      }
    }
    throw new IllegalStateException("the JDK's ImageIO provider " + className + " is missing");
  }
}
