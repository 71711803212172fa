package io.imagegate;

import io.imagegate.config.ConfigException;
import io.imagegate.config.ConfigParser;
import io.imagegate.config.FileWatch;
import io.imagegate.config.ImageGateSettings;
import io.imagegate.metrics.ImageGateStats;
import io.imagegate.metrics.StatsSnapshot;
import io.imagegate.security.UrlSigner;
import io.imagegate.security.WebAppRoot;
import io.imagegate.transform.codec.ImageCodecs;
import io.imagegate.transform.render.RenderHelper;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Collection;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import javax.management.ObjectName;

/**
 * A drop-in filter that protects and serves a directory of images with ImageKit-style signed URLs.
 * Map it in front of the images; every request below its endpoint is parsed, authorized, resolved
 * inside the root, and answered with the original or a transformed variant.
 *
 * <pre>{@code
 * <filter>
 *   <filter-name>imagegate</filter-name>
 *   <filter-class>io.imagegate.ImageGateFilter</filter-class>
 *   <init-param><param-name>root</param-name><param-value>/srv/images</param-value></init-param>
 *   <init-param><param-name>key</param-name><param-value>env:IMAGEGATE_KEY</param-value></init-param>
 *   <init-param><param-name>rule.originals.path</param-name><param-value>/originals/**</param-value></init-param>
 *   <init-param><param-name>rule.originals.require-expiry</param-name><param-value>true</param-value></init-param>
 *   <init-param><param-name>rule.originals.max-ttl</param-name><param-value>3600</param-value></init-param>
 *   <init-param><param-name>named.thumb</param-name><param-value>w-300,h-300</param-value></init-param>
 * </filter>
 * <filter-mapping>
 *   <filter-name>imagegate</filter-name>
 *   <url-pattern>/img/*</url-pattern>
 * </filter-mapping>
 * }</pre>
 *
 * <p>Every key is described in the README; an unknown key or a bad value stops deployment with a
 * message naming it. The {@code config-file} init-param names a properties file with the same keys;
 * that file and the key files named by {@code file:} are reloaded when they change (a bad file
 * keeps the settings in force). In code, pass {@link ImageGateSettings} to {@link
 * #ImageGateFilter(ImageGateSettings)}; such settings are never reloaded.
 *
 * <p>After {@link #init}, the web app's pages sign URLs with the filter's own signer (its primary
 * key, signing algorithm and endpoint including the context path), so the key is read once: from
 * the {@link ServletContext} attribute {@code io.imagegate.signer.<filter-name>} ({@link
 * #signerAttribute(String)}, {@link #signer(ServletContext, String)}), or from {@link #signer()}. A
 * reload that changes the keys replaces the signer (and the attribute): read it where a URL is made
 * rather than keeping it.
 *
 * <pre>{@code
 * UrlSigner signer = ImageGateFilter.signer(getServletContext(), "imagegate");
 * String thumb = signer.url("food/burger.jpg").transformation("w-300").sign();
 * // /shop/img/food/burger.jpg?tr=w-300&ik-s=...   (context path /shop, endpoint /img)
 * }</pre>
 */
public final class ImageGateFilter implements Filter {
  /**
   * The prefix of the {@link ServletContext} attribute holding each filter's {@link UrlSigner}: the
   * attribute is this prefix followed by the filter's name ({@code io.imagegate.signer.imagegate}).
   */
  public static final String SIGNER_ATTRIBUTE_PREFIX = "io.imagegate.signer.";

  private ImageGateSettings settings;
  private ReloadingGate gates;
  private Clock reloadClock = Clock.systemUTC();
  private ObjectName mbean;
  private Runnable unbindMeters = () -> {};
  private volatile UrlSigner signer;
  private ServletContext context;
  private String signerAttribute;
  private boolean codecsHeld;
  private RenderHelper helper;

  /** For web.xml: configured from init-params in {@link #init(FilterConfig)}. */
  public ImageGateFilter() {}

  /** For code: configured by {@code settings}; init-params are then ignored. */
  public ImageGateFilter(ImageGateSettings settings) {
    this.settings = settings;
  }

  @Override
  public void init(FilterConfig config) throws ServletException {
    try {
      if (!codecsHeld) {
        // The codec backend is chosen (and logged in one line) here; destroy() gives it back.
        ImageCodecs.acquire();
        codecsHeld = true;
      }
      helper = RenderHelper.forThisMachine();
      context = config.getServletContext();
      signerAttribute = signerAttribute(config.getFilterName());
      if (settings != null) {
        gates = ReloadingGate.fixed(build(settings, config, null));
      } else {
        // config-file and file: keys are read again when they change (ReloadingGate).
        Map<String, String> params = initParams(config);
        gates =
            ReloadingGate.start(
                () -> ConfigParser.watchedFiles(params),
                previous -> build(fromInitParams(config), config, previous),
                FileWatch.attributes(),
                reloadClock,
                this::publish);
      }
      publish(gates.current());
      Supplier<StatsSnapshot> stats = () -> gates.current().stats();
      mbean =
          new ImageGateStats(stats)
              .register(config.getServletContext().getContextPath(), config.getFilterName());
      unbindMeters =
          ImageGateStats.bindToMicrometerIfPresent(
              stats, config.getServletContext().getContextPath(), config.getFilterName());
    } catch (IllegalArgumentException e) { // ConfigException, or a bad imagegate.codecs
      destroy();
      throw new ServletException("imagegate: invalid configuration: " + e.getMessage());
    }
  }

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (!(request instanceof HttpServletRequest http)
        || !(response instanceof HttpServletResponse httpResponse)) {
      chain.doFilter(request, response);
      return;
    }
    gates.current().handle(http, httpResponse, chain);
  }

  @Override
  public void destroy() {
    ImageGateStats.unregister(mbean);
    unbindMeters.run();
    if (context != null) {
      context.removeAttribute(signerAttribute);
      context = null;
    }
    if (helper != null) {
      helper.close(); // its threads stop and are waited for: none outlives the web app
      helper = null;
    }
    if (codecsHeld) {
      codecsHeld = false;
      ImageCodecs.release();
    }
  }

  /**
   * The signer configured like this filter: its primary key, its first signature algorithm, and its
   * endpoint with the context path ({@code /shop/img}); null before {@link #init}.
   */
  public UrlSigner signer() {
    if (gates != null) {
      // Looks at the configuration files as a request would, so the signer follows a reload.
      gates.current();
    }
    return signer;
  }

  /**
   * The {@link ServletContext} attribute under which the filter named {@code filterName} puts its
   * signer.
   */
  public static String signerAttribute(String filterName) {
    return SIGNER_ATTRIBUTE_PREFIX + filterName;
  }

  /**
   * The signer of the filter named {@code filterName} in this web app, for pages and servlets.
   *
   * @throws IllegalStateException when no such filter has started (wrong name, or it failed)
   */
  public static UrlSigner signer(ServletContext context, String filterName) {
    Object signer = context.getAttribute(signerAttribute(filterName));
    if (signer instanceof UrlSigner urlSigner) {
      return urlSigner;
    }
    throw new IllegalStateException(
        "no imagegate filter named '"
            + filterName
            + "' has started in this web app (attribute "
            + signerAttribute(filterName)
            + " is not set)");
  }

  /** The JMX name the statistics were published under, or null. */
  public ObjectName mbeanName() {
    return mbean;
  }

  /** The engine in force (a reload replaces it), for statistics and tests; null before init. */
  public ImageGate gate() {
    return gates == null ? null : gates.current();
  }

  /** The clock that paces the look at changed configuration files (tests); call before init. */
  void reloadClock(Clock clock) {
    this.reloadClock = clock;
  }

  /**
   * Publishes what pages read from the gate in force: at start-up, and again after every reload (so
   * whatever is derived from the settings, such as a signer with the primary key, follows them).
   */
  private void publish(ImageGate gate) {
    if (context == null) {
      // Destroyed while a last request was taking a reload: nothing to publish to.
      return;
    }
    ImageGateSettings current = gate.settings();
    signer =
        UrlSigner.builder()
            .urlEndpoint(gate.endpoint())
            .key(current.keys().primary())
            .algorithm(current.algorithms().get(0))
            .clock(current.clock())
            .build();
    context.setAttribute(signerAttribute, signer);
  }

  private ImageGate build(ImageGateSettings effective, FilterConfig config, ImageGate previous) {
    String endpoint = effective.endpoint().orElseGet(() -> mappingPrefix(config));
    // At every (re)load: a root the container could serve around the filter is refused.
    WebAppRoot.check(
        effective.root(),
        config.getServletContext().getRealPath("/"),
        endpoint,
        urlPatterns(config));
    return new ImageGate(
        effective, config.getServletContext().getContextPath() + endpoint, previous, helper);
  }

  private static Map<String, String> initParams(FilterConfig config) {
    Map<String, String> params = new LinkedHashMap<>();
    Enumeration<String> names = config.getInitParameterNames();
    while (names.hasMoreElements()) {
      String name = names.nextElement();
      params.put(name, config.getInitParameter(name));
    }
    return params;
  }

  private static ImageGateSettings fromInitParams(FilterConfig config) {
    Map<String, String> params = initParams(config);
    // Without root: the web app's own folder at the endpoint, e.g. <webapp>/img for /img/*.
    Path defaultRoot = null;
    if (!params.containsKey("root")) {
      try {
        String endpoint =
            params.containsKey("endpoint") ? params.get("endpoint").trim() : mappingPrefix(config);
        String folder = config.getServletContext().getRealPath(endpoint);
        defaultRoot = folder == null ? null : Path.of(folder);
      } catch (ConfigException e) {
        // No endpoint to find the folder by: root must then come from the config file.
      }
    }
    return new ConfigParser(System::getenv).parse(params, defaultRoot).build();
  }

  private static Collection<String> urlPatterns(FilterConfig config) {
    FilterRegistration registration =
        config.getServletContext().getFilterRegistration(config.getFilterName());
    return registration == null ? null : registration.getUrlPatternMappings();
  }

  /** The prefix of the filter's single {@code /prefix/*} mapping, the default endpoint. */
  private static String mappingPrefix(FilterConfig config) {
    Collection<String> patterns = urlPatterns(config);
    if (patterns != null && patterns.size() == 1) {
      String pattern = patterns.iterator().next();
      if (pattern.endsWith("/*") && pattern.length() > 2) {
        return pattern.substring(0, pattern.length() - 2);
      }
    }
    throw new ConfigException(
        "endpoint: cannot derive it from the filter mapping "
            + patterns
            + "; map the filter to one '/prefix/*' pattern or set endpoint");
  }
}
