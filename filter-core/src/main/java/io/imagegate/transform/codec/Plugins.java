package io.imagegate.transform.codec;

import io.imagegate.source.ImageFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriter;
import javax.imageio.spi.IIORegistry;
import javax.imageio.spi.ImageReaderSpi;
import javax.imageio.spi.ImageWriterSpi;
import javax.imageio.spi.ServiceRegistry;

/**
 * The pure-Java readers and writers, each created from its service provider privately:
 * TwelveMonkeys for JPEG reading (CMYK, YCCK, ICC profiles), the JDK for the rest. Nothing is ever
 * registered in ImageIO's JVM-wide registry, and nothing is looked up through {@code ImageIO.read}
 * or {@code scanForPlugins}, so another web app's ImageIO never sees this one's classes.
 *
 * <p>The JDK's own providers live in a package the JDK does not export, so they can only be
 * obtained from the default registry, by class, read-only. Should this be the first use of that
 * registry in the JVM, it is created with the platform class loader as the thread's context: it
 * then scans no web app's jars (it would otherwise register the plugins it finds in this web app's
 * {@code WEB-INF/lib} for the whole JVM, and keep this web app's class loader alive).
 *
 * <p>WebP and AVIF are native only ({@link NativeCodecs}).
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

  private Plugins() {}

  /** A new reader for a format read in Java; readers are not thread-safe, so one per decode. */
  static ImageReader reader(ImageFormat format) {
    try {
      return format == ImageFormat.JPEG
          ? JPEG_READER.createReaderInstance()
          : jdk(ImageReaderSpi.class, requireName(JDK_READERS, format)).createReaderInstance();
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

  /** A new writer for an output format written in Java (JPEG without libjpeg-turbo, PNG, GIF). */
  static ImageWriter writer(ImageFormat format) {
    try {
      return jdk(ImageWriterSpi.class, requireName(JDK_WRITERS, format)).createWriterInstance();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * TwelveMonkeys' JPEG reader finds its delegate (the JDK's libjpeg reader) when it is registered.
   * A private registry gives it that delegate without touching ImageIO's global one.
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
      throw new IllegalArgumentException("no Java codec for " + format);
    }
    return name;
  }

  private static <T> T jdk(Class<T> category, String className) {
    Thread thread = Thread.currentThread();
    ClassLoader context = thread.getContextClassLoader();
    thread.setContextClassLoader(ClassLoader.getPlatformClassLoader());
    try {
      Class<?> type = Class.forName(className, false, null);
      Object provider = IIORegistry.getDefaultInstance().getServiceProviderByClass(type);
      if (provider == null) {
        throw new IllegalStateException("the JDK's ImageIO provider " + className + " is missing");
      }
      return category.cast(provider);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("the JDK's ImageIO provider " + className + " is missing", e);
    } finally {
      thread.setContextClassLoader(context);
    }
  }
}
