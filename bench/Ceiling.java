import io.imagegate.ImageGateFilter;
import io.imagegate.config.ConfigParser;
import io.imagegate.config.ImageGateSettings;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * The ceiling for bench/http.sh: one Jetty 12 server, built like the demo's (a servlet context
 * with sessions, the filter at {@code /img/*}), that also answers {@code /bare/*} with a plain
 * servlet writing one file's bytes from memory with the headers imagegate sends for a cached
 * variant. What the bare servlet costs is what Jetty itself costs; the difference to imagegate on
 * the same server, connector and JIT is imagegate's own work.
 *
 * <pre>java -cp jetty-demo/target/imagegate-demo.jar bench/Ceiling.java PORT IMAGES CONFIG BARE_FILE</pre>
 *
 * The bare file is read once, on the first request to {@code /bare/} (http.sh writes it from
 * imagegate's own response after the server started).
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
    Map<String, String> config = new LinkedHashMap<>();
    properties.forEach((k, v) -> config.put(k.toString(), v.toString()));
    config.put("root", images.toString());
    ImageGateSettings settings = new ConfigParser(System::getenv).parse(config, null).build();

    Server server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(port);
    server.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler("/", ServletContextHandler.SESSIONS);
    context.addFilter(
        new FilterHolder(new ImageGateFilter(settings)),
        "/img/*",
        EnumSet.of(DispatcherType.REQUEST));
    context.addServlet(new ServletHolder(new Bare(bare)), "/bare/*");
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
    private transient volatile byte[] body;
    private transient volatile long lastModified;

    Bare(Path file) {
      this.file = file;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
        throws IOException {
      byte[] bytes = body;
      if (bytes == null) {
        bytes = Files.readAllBytes(file);
        lastModified = Files.getLastModifiedTime(file).toMillis();
        body = bytes;
      }
      response.setHeader("ETag", "\"v0123456789abcdef01234567\"");
      response.setDateHeader("Last-Modified", lastModified);
      response.setHeader("Cache-Control", "public, max-age=86400");
      response.setHeader("X-Content-Type-Options", "nosniff");
      response.setContentType("image/jpeg");
      response.setContentLength(bytes.length);
      response.getOutputStream().write(bytes);
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
