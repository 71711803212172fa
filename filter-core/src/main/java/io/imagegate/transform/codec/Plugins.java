package io.imagegate.transform.codec;

import io.imagegate.source.ImageFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandleProxies;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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
 * registry in the JVM, it is created on a JDK thread with none of this web app's frames and the
 * system class loader as its context ({@link #createDefaultRegistryOutsideThisWebApp}): it then
 * scans no web app's jars (it would otherwise register the plugins it finds in this web app's
 * {@code WEB-INF/lib} for the whole JVM) and keeps no reference to this web app's class loader.
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

  private static final long REGISTRY_TIMEOUT_SECONDS = 30;

  static {
    createDefaultRegistryOutsideThisWebApp();
  }

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

  /**
   * Makes sure ImageIO's default registry exists before this class first asks it for a provider,
   * created where no frame of this web app is on the stack.
   *
   * <p>The registry is one per JVM (held by {@code sun.awt.AppContext}'s main context), and when it
   * is created it registers the JDK's standard providers; for each, {@code
   * javax.imageio.spi.SubRegistry} stores {@code AccessController.getContext()} in its {@code
   * accMap}, so for the rest of the JVM's life. Created from this class on a request thread, that
   * context holds the protection domain of this web app's classes, and with it the web app's class
   * loader: a reloaded or undeployed instance is never collected (Tomcat's "find leaks" lists it;
   * the path is AppContext.mainAppContext, IIORegistry.categoryMap, SubRegistry.accMap,
   * AccessControlContext.context, ProtectionDomain.classloader). Setting the context class loader
   * does not help there, and {@code doPrivileged} always keeps its caller's domain.
   *
   * <p>So the registry is created on a thread of the JDK's common fork-join pool, whose workers
   * start with a context of the JDK's own (not the creating thread's) and the system class loader,
   * by a task that is only JDK code: {@code IIORegistry.getDefaultInstance} as a method handle
   * behind a {@code Callable} proxy (whose class is defined in the system class loader, made the
   * context class loader for that call). When the registry exists already this only looks it up.
   * Should no pool thread run it within {@value #REGISTRY_TIMEOUT_SECONDS} seconds, the calling
   * thread creates the registry after all (and the leak is back, as it was without this).
   */
  private static void createDefaultRegistryOutsideThisWebApp() {
    Thread thread = Thread.currentThread();
    ClassLoader context = thread.getContextClassLoader();
    thread.setContextClassLoader(ClassLoader.getSystemClassLoader());
    try {
      MethodHandle getDefault =
          MethodHandles.publicLookup()
              .findStatic(
                  IIORegistry.class,
                  "getDefaultInstance",
                  MethodType.methodType(IIORegistry.class));
      @SuppressWarnings("unchecked")
      Callable<Object> create = MethodHandleProxies.asInterfaceInstance(Callable.class, getDefault);
      // A FutureTask, not the pool's own submit(): a thread joining a fork-join task may take it
      // back from the queue and run it itself, with this web app's frames below it.
      FutureTask<Object> task = new FutureTask<>(create);
      ForkJoinPool.commonPool().execute(task);
      try {
        task.get(REGISTRY_TIMEOUT_SECONDS, TimeUnit.SECONDS);
      } catch (TimeoutException e) {
        // No pool thread came: created here, and this web app's loader stays reachable.
        task.cancel(false);
        IIORegistry.getDefaultInstance();
      }
    } catch (ReflectiveOperationException | ExecutionException e) {
      throw new IllegalStateException("ImageIO's default registry cannot be created", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating ImageIO's default registry", e);
    } finally {
      thread.setContextClassLoader(context);
    }
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
