import io.imagegate.ImageGateFilter;
import io.imagegate.config.ConfigParser;
import io.imagegate.config.ImageGateSettings;
import io.imagegate.demo.DemoServer;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Reader;
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
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * The ceiling for bench/http.sh: the demo's Jetty 12 server ({@link DemoServer#jetty}: the same
 * connector and HTTP configuration) with a servlet context with sessions like the demo's, the
 * filter at {@code /img/*}, that also answers {@code /bare/*} with a plain servlet writing one
 * file's bytes from memory with exactly the headers imagegate sent for that cached variant: no
 * more, no less. What the bare servlet costs is what Jetty itself costs; the difference to
 * imagegate on the same server, connector and JIT is imagegate's own work. {@code /bare-filter/*}
 * sends the same from a filter that never calls the chain, as imagegate does.
 *
 * <pre>java -cp jetty-demo/target/imagegate-demo.jar bench/Ceiling.java PORT IMAGES CONFIG BARE_FILE BARE_HEADERS</pre>
 *
 * The bare file and its headers (curl's {@code -D} dump of imagegate's response for it) are read
 * once, on the first request to {@code /bare/} (http.sh writes both from imagegate's own hit
 * after the server started). Of the dump, {@code Date} (Jetty's own, as for imagegate) and the
 * status line are left out; {@code Content-Type} and {@code Content-Length} are set the way
 * imagegate sets them, the other headers with {@code setHeader}, in imagegate's order.
 *
 * <p>{@code /stream/<name>} sends a file of the image folder the way imagegate sent originals
 * before it used Jetty's content path: a 64 KiB heap buffer through the servlet output stream
 * (bench/original.sh compares the two on a 5 MB original).
 */
public final class Ceiling {
  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    Path images = Path.of(args[1]);
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(Path.of(args[2]), StandardCharsets.UTF_8)) {
      properties.load(reader);
    }
    Path bare = Path.of(args[3]);
    Path bareHeaders = Path.of(args[4]);
    Map<String, String> config = new LinkedHashMap<>();
    properties.forEach((k, v) -> config.put(k.toString(), v.toString()));
    config.put("root", images.toString());
    ImageGateSettings settings = new ConfigParser(System::getenv).parse(config, null).build();

    Server server = DemoServer.jetty("127.0.0.1", port);
    ServerConnector connector = (ServerConnector) server.getConnectors()[0];
    ServletContextHandler context = new ServletContextHandler("/", ServletContextHandler.SESSIONS);
    context.addFilter(
        new FilterHolder(new ImageGateFilter(settings)),
        "/img/*",
        EnumSet.of(DispatcherType.REQUEST));
    Bare bareServlet = new Bare(bare, bareHeaders);
    context.addServlet(new ServletHolder(bareServlet), "/bare/*");
    // The same response from a filter that answers without calling the chain, as imagegate does:
    // what Jetty's filter dispatch costs on top of the bare servlet's.
    context.addFilter(
        new FilterHolder(
            (Filter) (request, response, chain) -> bareServlet.send((HttpServletResponse) response)),
        "/bare-filter/*",
        EnumSet.of(DispatcherType.REQUEST));
    context.addServlet(new ServletHolder(new Stream(images)), "/stream/*");
    server.setHandler(context);
    server.start();
    System.out.println("ceiling running on 127.0.0.1:" + connector.getLocalPort());
    server.join();
  }

  /** The same bytes and headers as imagegate's cache hit, with no work in between. */
  static final class Bare extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private final transient Path file;
    private final transient Path headerDump;
    private transient volatile Hit hit;

    /** The body, its content type, and the other headers as name, value pairs. */
    private record Hit(byte[] body, String contentType, String[] headers) {}

    Bare(Path file, Path headerDump) {
      this.file = file;
      this.headerDump = headerDump;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
        throws IOException {
      send(response);
    }

    void send(HttpServletResponse response) throws IOException {
      Hit h = hit;
      if (h == null) {
        h = read();
        hit = h;
      }
      String[] headers = h.headers();
      for (int i = 0; i < headers.length; i += 2) {
        response.setHeader(headers[i], headers[i + 1]);
      }
      response.setContentType(h.contentType());
      response.setContentLength(h.body().length);
      response.getOutputStream().write(h.body());
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
