package io.imagegate.transform.codec;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.lang.System.Logger.Level;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The native codec libraries, chosen once per start: libjpeg-turbo's TurboJPEG API, libwebp and
 * libavif through JNA, each only when the system has it and {@value #PROPERTY} allows it.
 *
 * <p>{@value #PROPERTY}: {@code auto} (default) uses every library found; {@code java} uses none
 * (pure Java: JPEG through the JDK/TwelveMonkeys, no WebP or AVIF); a comma-separated list of
 * {@code turbojpeg}, {@code webp}, {@code avif} uses only those.
 *
 * <p>The filter holds the libraries from {@code init} to {@code destroy} ({@link #acquire}, {@link
 * #release}); when the last holder releases them they are closed ({@code dlclose}) and JNA's
 * cleaner thread is stopped, so no native handle or thread outlives the web app. Code that uses the
 * codecs without a holder (tests, benchmarks) loads them on first use and keeps them.
 */
final class NativeCodecs {
  /** The system property that picks the backend. */
  static final String PROPERTY = "imagegate.codecs";

  private static final System.Logger LOG = System.getLogger(NativeCodecs.class.getName());
  private static final Set<String> ALL = Set.of("turbojpeg", "webp", "avif");

  private static Loaded loaded;
  private static int holders;

  private NativeCodecs() {}

  /** The libraries that were found, or none. */
  record Loaded(TurboJpeg.Lib turbo, LibWebp.Lib webp, LibAvif.Lib avif, String description) {
    /** Closes every library. */
    void dispose() {
      for (Object lib : new Object[] {turbo, webp, avif}) {
        if (lib != null) {
          ((Library.Handler) Proxy.getInvocationHandler(lib)).getNativeLibrary().close();
        }
      }
    }
  }

  /** Loads the libraries for a new holder (the first one loads them anew); logs the choice. */
  static synchronized String acquire() {
    if (holders == 0 || loaded == null) {
      if (loaded != null) {
        loaded.dispose();
        loaded = null;
      }
      loaded = load(); // a bad switch value throws here, and nothing is held
      LOG.log(Level.INFO, "imagegate codecs: " + loaded.description());
    }
    holders++;
    return loaded.description();
  }

  /** Gives a holder's libraries back; the last one closes them and stops JNA's thread. */
  static synchronized void release() {
    if (holders == 0 || --holders > 0) {
      return;
    }
    Loaded done = loaded;
    loaded = null;
    if (done != null && (done.turbo != null || done.webp != null || done.avif != null)) {
      done.dispose();
      stopJnaCleaner();
    }
  }

  /** The current libraries, loading them on first use when nobody holds them. */
  static synchronized Loaded current() {
    if (loaded == null) {
      loaded = load();
      LOG.log(Level.DEBUG, "imagegate codecs: " + loaded.description());
    }
    return loaded;
  }

  /**
   * Tests: closes the libraries, so that the next use loads them again by the current {@value
   * #PROPERTY}, even while a filter holds them (tests run one at a time).
   */
  static synchronized void reloadForTests() {
    if (loaded != null) {
      loaded.dispose();
      loaded = null;
    }
  }

  static TurboJpeg.Lib turbo() {
    return current().turbo();
  }

  static LibWebp.Lib webp() {
    return current().webp();
  }

  static LibAvif.Lib avif() {
    return current().avif();
  }

  private static Loaded load() {
    Set<String> wanted = wanted(System.getProperty(PROPERTY, "auto"));
    List<String> parts = new ArrayList<>();
    // JNA's cleaner thread is started by the first library; it must not hold the web app's
    // class loader as its context.
    Thread thread = Thread.currentThread();
    ClassLoader context = thread.getContextClassLoader();
    thread.setContextClassLoader(ClassLoader.getPlatformClassLoader());
    try {
      TurboJpeg.Lib turbo =
          wanted.contains("turbojpeg")
              ? load(TurboJpeg.Lib.class, parts, "libjpeg-turbo", "turbojpeg.so.0", "turbojpeg")
              : null;
      LibWebp.Lib webp =
          wanted.contains("webp")
              ? load(LibWebp.Lib.class, parts, "libwebp", "webp.so.7", "webp")
              : null;
      LibAvif.Lib avif =
          wanted.contains("avif")
              ? load(LibAvif.Lib.class, parts, "libavif", "avif.so.15", "avif")
              : null;
      if (avif != null && !LibAvif.supported(avif)) {
        parts.set(parts.indexOf("libavif"), "libavif " + avif.avifVersion() + " (not used)");
        avif = null;
      }
      if (turbo != null) {
        parts.set(parts.indexOf("libjpeg-turbo"), "libjpeg-turbo (TurboJPEG API 2)");
      }
      if (webp != null) {
        parts.set(parts.indexOf("libwebp"), "libwebp " + LibWebp.version(webp));
      }
      if (avif != null) {
        parts.set(parts.indexOf("libavif"), "libavif " + avif.avifVersion());
      }
      String jpeg = turbo != null ? "native (libjpeg-turbo)" : "pure Java (JDK libjpeg)";
      String description =
          "JPEG "
              + jpeg
              + ", WebP "
              + (webp != null ? "native" : "unavailable")
              + ", AVIF "
              + (avif != null ? "native" : "unavailable")
              + "; "
              + PROPERTY
              + "="
              + System.getProperty(PROPERTY, "auto")
              + "; libraries: "
              + (parts.isEmpty() ? "none" : String.join(", ", parts));
      return new Loaded(turbo, webp, avif, description);
    } finally {
      thread.setContextClassLoader(context);
    }
  }

  private static Set<String> wanted(String value) {
    String v = value.trim().toLowerCase(Locale.ROOT);
    if (v.equals("auto") || v.isEmpty()) {
      return ALL;
    }
    if (v.equals("java")) {
      return Set.of();
    }
    Set<String> names = new LinkedHashSet<>();
    for (String name : v.split(",")) {
      String n = name.trim();
      if (!ALL.contains(n)) {
        throw new IllegalArgumentException(
            PROPERTY
                + ": expected auto, java or a list of turbojpeg, webp, avif but got '"
                + value
                + "'");
      }
      names.add(n);
    }
    return names;
  }

  /** The library under its versioned name, else the unversioned one; null when neither loads. */
  private static <T extends Library> T load(
      Class<T> type, List<String> parts, String label, String versioned, String plain) {
    try {
      if (Native.POINTER_SIZE != 8 || Native.LONG_SIZE != 8) {
        return null; // the bindings pass pointers and C longs as Java longs
      }
    } catch (LinkageError noJna) {
      // JNA's own dispatch library did not load (no writable, executable jna.tmpdir): pure Java.
      LOG.log(Level.WARNING, "JNA is unusable, native codecs off: " + noJna);
      return null;
    }
    for (String name : new String[] {"lib" + versioned, plain}) {
      try {
        T lib = Native.load(name, type);
        parts.add(label);
        return lib;
      } catch (LinkageError missing) {
        LOG.log(Level.DEBUG, () -> "no native " + name + ": " + missing.getMessage());
      }
    }
    return null;
  }

  /**
   * JNA starts a daemon thread ("JNA Cleaner") for its first library and keeps it 30 s after the
   * last one is closed; this web app's copy is interrupted and awaited here instead. (JNA does not
   * start it again in the same class loader; nothing here needs it, as every library is closed and
   * every buffer freed explicitly.)
   */
  private static void stopJnaCleaner() {
    ClassLoader jna = Native.class.getClassLoader();
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.getName().equals("JNA Cleaner") && t.getClass().getClassLoader() == jna) {
        t.interrupt();
        try {
          t.join(5_000);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }
}
