import io.imagegate.ImageGateFilter;
import io.imagegate.config.ConfigParser;
import io.imagegate.config.ImageGateSettings;
import io.imagegate.demo.CachedHitHandler;
import io.imagegate.demo.DemoServer;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.Callback;

/**
 * The ceilings for bench/http.sh: three of the demo's Jetty 12 servers ({@link DemoServer#jetty}:
 * the same connector and HTTP configuration) in one JVM, so all share the JIT:
 *
 * <ul>
 *   <li>{@code PORT}: the demo's own arrangement: a servlet context with sessions like the demo's,
 *       the filter at {@code /img/*}, wrapped in {@link CachedHitHandler}, which answers cache hits
 *       on Jetty's own path ahead of the servlet layer. This is "imagegate" in the bench.
 *   <li>{@code PORT + 2}: the same context without the wrapper, so every request goes through the
 *       servlet layer as in any servlet container ("imagegate filter"), and {@code /bare/*}: a
 *       plain servlet writing one file's bytes from memory with exactly the headers imagegate sent
 *       for that cached variant, no more, no less ("bare servlet": what a servlet costs on this
 *       Jetty). {@code /bare-filter/*} sends the same from a filter that never calls the chain.
 *   <li>{@code PORT + 3}: the same bytes and headers from a Jetty core handler that never blocks
 *       ("bare core"): what Jetty itself can do, the ceiling for the first.
 * </ul>
 *
 * <pre>java -cp jetty-demo/target/imagegate-demo.jar bench/Ceiling.java PORT IMAGES CONFIG BARE_FILE BARE_HEADERS</pre>
 *
 * The bare file and its headers (curl's {@code -D} dump of imagegate's response for it) are read
 * once, on the first request for them (http.sh writes both from imagegate's own hit after the
 * servers started). Of the dump, {@code Date} (Jetty's own, as for imagegate) and the status line
 * are left out; {@code Content-Type} and {@code Content-Length} are set the way imagegate sets
 * them, the other headers in imagegate's order.
 *
 * <p>{@code /stream/<name>} (on {@code PORT}) sends a file of the image folder the way imagegate
 * sent originals before it used Jetty's content path: a 64 KiB heap buffer through the servlet
 * output stream (bench/original.sh compares the two on a 5 MB original).
 */
public final class Ceiling {
  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    Path images = Path.of(args[1]);
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(Path.of(args[2]), StandardCharsets.UTF_8)) {
      properties.load(reader);
    }
    BareHit bare = new BareHit(Path.of(args[3]), Path.of(args[4]));
    Map<String, String> config = new LinkedHashMap<>();
    properties.forEach((k, v) -> config.put(k.toString(), v.toString()));
    config.put("root", images.toString());
    ImageGateSettings settings = new ConfigParser(System::getenv).parse(config, null).build();

    Server demo = DemoServer.jetty("127.0.0.1", port);
    ImageGateFilter demoFilter = new ImageGateFilter(settings);
    ServletContextHandler demoContext = context(demoFilter, bare);
    demoContext.addServlet(new ServletHolder(new Stream(images)), "/stream/*");
    demo.setHandler(new CachedHitHandler(demoFilter, demoContext));

    Server servlets = DemoServer.jetty("127.0.0.1", port + 2);
    servlets.setHandler(context(new ImageGateFilter(settings), bare));

    Server core = DemoServer.jetty("127.0.0.1", port + 3);
    core.setHandler(new BareCore(bare));

    // The demo's port last: http.sh waits for it, and then the other two answer as well.
    for (Server server : List.of(core, servlets, demo)) {
      server.start();
    }
    System.out.println(
        "ceiling running on 127.0.0.1:" + port + ", " + (port + 2) + ", " + (port + 3));
    demo.join();
  }

  /** A context with sessions, like the demo's: the filter at /img/*, the bare servlet and filter. */
  private static ServletContextHandler context(ImageGateFilter filter, BareHit bare) {
    ServletContextHandler context = new ServletContextHandler("/", ServletContextHandler.SESSIONS);
    context.addFilter(new FilterHolder(filter), "/img/*", EnumSet.of(DispatcherType.REQUEST));
    context.addServlet(new ServletHolder(new Bare(bare)), "/bare/*");
    // The same response from a filter that answers without calling the chain, as imagegate does:
    // what Jetty's filter dispatch costs on top of the bare servlet's.
    context.addFilter(
        new FilterHolder(
            (Filter) (request, response, chain) -> bare.send((HttpServletResponse) response)),
        "/bare-filter/*",
        EnumSet.of(DispatcherType.REQUEST));
    return context;
  }

  /** The body, its content type, and the other headers as name, value pairs, read once. */
  static final class BareHit {
    private final Path file;
    private final Path headerDump;
    private volatile Hit hit;

    private record Hit(byte[] body, String contentType, String[] headers) {}

    BareHit(Path file, Path headerDump) {
      this.file = file;
      this.headerDump = headerDump;
    }

    private Hit hit() throws IOException {
      Hit h = hit;
      if (h == null) {
        h = read();
        hit = h;
      }
      return h;
    }

    void send(HttpServletResponse response) throws IOException {
      Hit h = hit();
      String[] headers = h.headers();
      for (int i = 0; i < headers.length; i += 2) {
        response.setHeader(headers[i], headers[i + 1]);
      }
      response.setContentType(h.contentType());
      response.setContentLength(h.body().length);
      response.getOutputStream().write(h.body());
    }

    void send(Response response, Callback callback) throws IOException {
      Hit h = hit();
      String[] headers = h.headers();
      HttpFields.Mutable fields = response.getHeaders();
      for (int i = 0; i < headers.length; i += 2) {
        fields.put(headers[i], headers[i + 1]);
      }
      fields.put("Content-Type", h.contentType());
      fields.put("Content-Length", h.body().length);
      response.write(true, ByteBuffer.wrap(h.body()).asReadOnlyBuffer(), callback);
    }

    private Hit read() throws IOException {
      String contentType = null;
      List<String> headers = new ArrayList<>();
      for (String line : Files.readAllLines(headerDump, StandardCharsets.ISO_8859_1)) {
        int colon = line.indexOf(':');
        if (line.startsWith("HTTP/") || colon <= 0) {
          continue;
        }
        String name = line.substring(0, colon).trim();
        String value = line.substring(colon + 1).trim();
        switch (name.toLowerCase(Locale.ROOT)) {
          case "date", "content-length" -> {}
          case "content-type" -> contentType = value;
          default -> {
            headers.add(name);
            headers.add(value);
          }
        }
      }
      if (contentType == null) {
        throw new IOException("no Content-Type in " + headerDump);
      }
      return new Hit(Files.readAllBytes(file), contentType, headers.toArray(new String[0]));
    }
  }

  /** The bare hit from a Jetty core handler that never blocks: what Jetty itself can do. */
  static final class BareCore extends Handler.Abstract.NonBlocking {
    private final BareHit bare;

    BareCore(BareHit bare) {
      this.bare = bare;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback)
        throws IOException {
      bare.send(response, callback);
      return true;
    }
  }

  /** The same bytes and headers as imagegate's cache hit, from a servlet, with no work between. */
  static final class Bare extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private final transient BareHit bare;

    Bare(BareHit bare) {
      this.bare = bare;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
        throws IOException {
      bare.send(response);
    }
  }

  /** A file of the image folder through a 64 KiB heap buffer, as imagegate's stream path does. */
  static final class Stream extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private final transient Path images;

    Stream(Path images) {
      this.images = images;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
        throws IOException {
      Path file = images.resolve(request.getPathInfo().substring(1)).normalize();
      if (!file.startsWith(images) || !Files.isRegularFile(file)) {
        response.sendError(404);
        return;
      }
      response.setContentType("image/jpeg");
      response.setContentLengthLong(Files.size(file));
      try (java.io.InputStream in = Files.newInputStream(file)) {
        byte[] buffer = new byte[64 * 1024];
        java.io.OutputStream out = response.getOutputStream();
        for (int n; (n = in.read(buffer)) > 0; ) {
          out.write(buffer, 0, n);
        }
      }
    }
  }
}
