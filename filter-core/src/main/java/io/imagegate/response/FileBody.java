package io.imagegate.response;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletRequestWrapper;
import jakarta.servlet.ServletResponseWrapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sends an original's bytes (the whole file or one range) the cheapest way the container offers,
 * without a compile-time dependency on any container:
 *
 * <ul>
 *   <li>Tomcat: its sendfile request attributes ({@code org.apache.tomcat.sendfile.filename},
 *       {@code .start}, {@code .end}), when the connector advertises {@code
 *       org.apache.tomcat.sendfile.support} and neither request nor response is wrapped (Tomcat's
 *       own DefaultServlet asks the same): the kernel copies file to socket, nothing passes through
 *       Java;
 *   <li>Jetty 12 (ee10): {@code HttpOutput.sendContent(ReadableByteChannel)}, found by reflection
 *       on the servlet output stream's class: Jetty reads the file channel into its own pooled
 *       (direct, by default) buffers and writes them, so the bytes never enter the Java heap. Jetty
 *       has no sendfile (its connections write {@code ByteBuffer}s, TLS or not), so this is one
 *       copy from the page cache into native memory, not zero;
 *   <li>anywhere else, or for a file under {@link #MIN_BYTES}: the portable stream through a 64 KiB
 *       heap buffer.
 * </ul>
 *
 * <p>Which way is used is logged once per way at INFO. Holds nothing but the looked-up method, per
 * stream class, for the gate's lifetime.
 */
public final class FileBody {
  private static final System.Logger LOG = System.getLogger(FileBody.class.getName());

  /**
   * Smaller files go through the stream: one buffered write costs less than a sendfile hand-off
   * (Tomcat's DefaultServlet uses the same 48 KiB threshold).
   */
  static final long MIN_BYTES = 48 * 1024;

  static final String TOMCAT_SUPPORT = "org.apache.tomcat.sendfile.support";
  static final String TOMCAT_FILENAME = "org.apache.tomcat.sendfile.filename";
  static final String TOMCAT_START = "org.apache.tomcat.sendfile.start";
  static final String TOMCAT_END = "org.apache.tomcat.sendfile.end";
  private static final String JETTY_OUTPUT = "org.eclipse.jetty.ee10.servlet.HttpOutput";

  /** How the bytes went out. */
  enum Way {
    /** Tomcat's sendfile. */
    TOMCAT_SENDFILE,
    /** Jetty's own content path, from a file channel. */
    JETTY_CHANNEL,
    /** The servlet output stream. */
    STREAM
  }

  private final Map<Class<?>, Optional<Method>> jetty = new ConcurrentHashMap<>();
  private final Set<Way> announced = ConcurrentHashMap.newKeySet();

  /**
   * Sends {@code length} bytes of {@code file} from {@code first}; the status and {@code
   * Content-Length} are already set, nothing has been written.
   *
   * @return the way they were sent
   */
  Way send(
      HttpServletRequest request, HttpServletResponse response, Path file, long first, long length)
      throws IOException {
    Way way = choose(request, response, length);
    if (announced.add(way)) {
      LOG.log(
          System.Logger.Level.INFO,
          way == Way.STREAM
              ? "imagegate: originals are sent through the servlet output stream (this one is"
                  + " under "
                  + MIN_BYTES
                  + " bytes, or the container offers no other path here)"
              : "imagegate: originals of at least "
                  + MIN_BYTES
                  + " bytes are sent "
                  + describe(way));
    }
    switch (way) {
      case TOMCAT_SENDFILE:
        request.setAttribute(TOMCAT_FILENAME, file.toAbsolutePath().toString());
        request.setAttribute(TOMCAT_START, first);
        request.setAttribute(TOMCAT_END, first + length);
        return way;
      case JETTY_CHANNEL:
        ServletOutputStream out = response.getOutputStream();
        Method sendContent = jettySendContent(out.getClass()).orElseThrow();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
            Slice slice = new Slice(channel.position(first), length)) {
          sendContent.invoke(out, slice);
        } catch (IllegalAccessException e) {
          throw new IllegalStateException("Jetty's sendContent is not accessible", e);
        } catch (InvocationTargetException e) {
          throw rethrown(e.getCause());
        }
        return way;
      default:
        try (InputStream in = Files.newInputStream(file)) {
          in.skipNBytes(first);
          copy(in, response.getOutputStream(), length);
        }
        return way;
    }
  }

  /** The way a body of {@code length} bytes would be sent in this exchange. */
  Way choose(HttpServletRequest request, HttpServletResponse response, long length)
      throws IOException {
    if (length < MIN_BYTES
        || request instanceof ServletRequestWrapper
        || response instanceof ServletResponseWrapper) {
      return Way.STREAM;
    }
    if (Boolean.TRUE.equals(request.getAttribute(TOMCAT_SUPPORT))
        && request.getClass().getName().equals("org.apache.catalina.connector.RequestFacade")
        && response.getClass().getName().equals("org.apache.catalina.connector.ResponseFacade")) {
      return Way.TOMCAT_SENDFILE;
    }
    if (jettySendContent(response.getOutputStream().getClass()).isPresent()) {
      return Way.JETTY_CHANNEL;
    }
    return Way.STREAM;
  }

  private Optional<Method> jettySendContent(Class<?> type) {
    return jetty.computeIfAbsent(
        type,
        t -> {
          if (!t.getName().equals(JETTY_OUTPUT)) {
            return Optional.empty();
          }
          try {
            return Optional.of(t.getMethod("sendContent", ReadableByteChannel.class));
          } catch (NoSuchMethodException | SecurityException e) {
            return Optional.empty();
          }
        });
  }

  private static String describe(Way way) {
    switch (way) {
      case TOMCAT_SENDFILE:
        return "with Tomcat's sendfile (no copy through Java)";
      case JETTY_CHANNEL:
        return "through Jetty's own content path from a file channel (no copy through the heap)";
      default:
        return "through the servlet output stream";
    }
  }

  private static IOException rethrown(Throwable cause) {
    if (cause instanceof IOException io) {
      return io;
    }
    if (cause instanceof RuntimeException runtime) {
      throw runtime;
    }
    if (cause instanceof Error error) {
      throw error;
    }
    return new IOException(cause);
  }

  private static void copy(InputStream in, OutputStream out, long length) throws IOException {
    byte[] buffer = new byte[64 * 1024];
    long left = length;
    while (left > 0) {
      int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
      if (n < 0) {
        break;
      }
      out.write(buffer, 0, n);
      left -= n;
    }
  }

  /** At most {@code length} bytes of a file channel from its position, then end of stream. */
  static final class Slice implements ReadableByteChannel {
    private final FileChannel channel;
    private long left;

    Slice(FileChannel channel, long length) {
      this.channel = channel;
      this.left = length;
    }

    @Override
    public int read(ByteBuffer target) throws IOException {
      if (left <= 0) {
        return -1;
      }
      int limit = target.limit();
      if (target.remaining() > left) {
        target.limit(target.position() + (int) left);
      }
      try {
        int n = channel.read(target);
        if (n > 0) {
          left -= n;
        }
        return n;
      } finally {
        target.limit(limit);
      }
    }

    @Override
    public boolean isOpen() {
      return channel.isOpen();
    }

    @Override
    public void close() throws IOException {
      channel.close();
    }
  }
}
