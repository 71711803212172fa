package io.imagegate.demo;

import io.imagegate.ImageGateFilter;
import io.imagegate.config.ConfigParser;
import io.imagegate.config.ImageGateSettings;
import io.imagegate.security.UrlSigner;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.SessionTrackingMode;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.eclipse.jetty.ee10.servlet.ErrorHandler;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.ee10.servlet.SessionHandler;
import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * The demo: embedded Jetty 12 with the filter at {@code /img/*} over an image directory, and the
 * gallery page at {@code /}. Started by {@link Main}; tests start it on a random port.
 */
public final class DemoServer implements AutoCloseable {
  /** Where the filter is mapped. */
  public static final String ENDPOINT = "/img";

  /**
   * The filter's name: its signer is the ServletContext attribute io.imagegate.signer.imagegate.
   */
  public static final String FILTER_NAME = "imagegate";

  private final Server server;
  private final ImageGateSettings settings;
  private final ImageGateFilter filter;
  private final boolean generatedKey;
  private final String key;

  private DemoServer(
      Server server,
      ImageGateSettings settings,
      ImageGateFilter filter,
      String key,
      boolean generatedKey) {
    this.server = server;
    this.settings = settings;
    this.filter = filter;
    this.key = key;
    this.generatedKey = generatedKey;
  }

  /**
   * Starts a server.
   *
   * @param clock the clock for signing and verifying (tests inject one)
   */
  public static DemoServer start(DemoOptions options, Clock clock) throws Exception {
    return start(options, clock, true);
  }

  /**
   * @param cachedHits whether cache hits are answered ahead of the servlet layer ({@link
   *     CachedHitHandler}, as the demo does); false: every request goes through the servlet context
   *     (tests compare the two)
   */
  static DemoServer start(DemoOptions options, Clock clock, boolean cachedHits) throws Exception {
    Map<String, String> config = loadConfig(options);
    Path root = options.images().orElseGet(DemoServer::extractBundledImages);
    config.put("root", root.toString());
    boolean generated = !config.containsKey("key");
    if (generated) {
      config.put("key", randomKey());
    }
    ImageGateSettings settings =
        new ConfigParser(System::getenv).parse(config, null).clock(clock).build();
    String key = generated ? config.get("key") : null;

    Server server = jetty(options.host(), options.port());
    ServletContextHandler context = new ServletContextHandler("/", ServletContextHandler.SESSIONS);
    configureSessions(context.getSessionHandler());
    ErrorHandler errors = new ErrorHandler();
    errors.setShowStacks(false);
    context.setErrorHandler(errors);
    ImageGateFilter filter = new ImageGateFilter(settings);
    FilterHolder holder = new FilterHolder(filter);
    holder.setName(FILTER_NAME);
    context.addFilter(holder, ENDPOINT + "/*", EnumSet.of(DispatcherType.REQUEST));
    context.addServlet(new ServletHolder(new StatsServlet(filter)), "/stats");
    // The page signs with the filter's own signer, as a JSP would: from the ServletContext.
    jakarta.servlet.ServletContext servletContext = context.getServletContext();
    Gallery gallery =
        new Gallery(
            root,
            settings.clock(),
            c -> ImageGateFilter.signer(servletContext, FILTER_NAME).withClock(c));
    context.addServlet(
        new ServletHolder(
            new GalleryServlet(
                gallery, new GalleryPage(options.images().isEmpty()), new TamperProbe())),
        "/");
    ServletHolder account = new ServletHolder(new AccountServlet());
    context.addServlet(account, AccountServlet.SIGN_IN);
    context.addServlet(account, AccountServlet.SIGN_OUT);
    server.setHandler(cachedHits ? new CachedHitHandler(filter, context) : context);
    server.start();
    return new DemoServer(server, settings, filter, key, generated);
  }

  /**
   * The demo's Jetty server and its one HTTP/1.1 connector, without handlers: also what {@code
   * bench/Ceiling.java} runs, so the bench's bare servlet and the filter are measured on the server
   * the demo ships. Jetty's defaults, except that responses do not name the server's software and
   * version ({@code Server: Jetty(12...)}): it tells a client nothing it needs, an attacker which
   * advisories apply, and it is one more header written on every response; and one selector thread
   * per core.
   */
  public static Server jetty(String host, int port) {
    Server server = new Server();
    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    // Cache hits are written on the selector threads (CachedHitHandler): one selector per core lets
    // them use every core, where Jetty's default is one per two cores.
    int selectors = Runtime.getRuntime().availableProcessors();
    ServerConnector connector =
        new ServerConnector(server, -1, selectors, new HttpConnectionFactory(http));
    connector.setHost(host);
    connector.setPort(port);
    server.addConnector(connector);
    return server;
  }

  /** The handler answering cache hits ahead of the servlet layer, or null if started without. */
  CachedHitHandler cachedHits() {
    return server.getHandler() instanceof CachedHitHandler handler ? handler : null;
  }

  /** The bound port. */
  public int port() {
    return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
  }

  /** The settings the filter runs with. */
  public ImageGateSettings settings() {
    return settings;
  }

  /** The filter's signer, for URLs relative to this server ({@code /img/...}). */
  public UrlSigner signer() {
    return filter.signer();
  }

  /** Cookie-only sessions, out of reach of scripts and of other sites' form posts. */
  private static void configureSessions(SessionHandler sessions) {
    sessions.setHttpOnly(true);
    sessions.setSameSite(HttpCookie.SameSite.LAX);
    sessions.setSessionTrackingModes(EnumSet.of(SessionTrackingMode.COOKIE));
    sessions.setMaxInactiveInterval((int) Duration.ofHours(2).toSeconds());
  }

  /** Whether the key was generated at start-up (then, and only then, the console shows it). */
  public boolean generatedKey() {
    return generatedKey;
  }

  /**
   * The generated key, for the demo's console only; null when the key came from the configuration.
   */
  String key() {
    return key;
  }

  /** Blocks until the server stops. */
  public void join() throws InterruptedException {
    server.join();
  }

  @Override
  public void close() throws Exception {
    server.stop();
  }

  private static Map<String, String> loadConfig(DemoOptions options) throws IOException {
    Properties properties = new Properties();
    try (InputStream in = DemoServer.class.getResourceAsStream("/demo.properties")) {
      properties.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
    }
    if (options.config().isPresent()) {
      // A sysadmin's file replaces the demo's defaults entirely.
      properties.clear();
      try (Reader reader =
          Files.newBufferedReader(options.config().get(), StandardCharsets.UTF_8)) {
        properties.load(reader);
      }
    }
    Map<String, String> config = new LinkedHashMap<>();
    properties.forEach((k, v) -> config.put(k.toString(), v.toString()));
    return config;
  }

  /** Copies the bundled photos into a fresh temporary folder, the demo's image root. */
  static Path extractBundledImages() {
    try {
      Path root = Files.createTempDirectory("imagegate-demo-");
      String index;
      try (InputStream in = DemoServer.class.getResourceAsStream("/demo-images/INDEX")) {
        index = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      for (String name : index.split("\n")) {
        if (name.isBlank()) {
          continue;
        }
        Path target = root.resolve(name.trim());
        Files.createDirectories(target.getParent());
        try (InputStream in = DemoServer.class.getResourceAsStream("/demo-images/" + name.trim())) {
          Files.copy(in, target);
        }
      }
      return root;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot unpack the bundled photos", e);
    }
  }

  private static String randomKey() {
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    return "demo_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
