package io.imagegate;

import io.imagegate.admission.RenderLimiter;
import io.imagegate.cache.VariantCache;
import io.imagegate.config.ConfigException;
import io.imagegate.config.ImageGateSettings;
import io.imagegate.explain.Explanation;
import io.imagegate.failure.Failure;
import io.imagegate.failure.ImageGateException;
import io.imagegate.limits.Limits;
import io.imagegate.metrics.Stats;
import io.imagegate.metrics.Stats.Outcome;
import io.imagegate.metrics.StatsSnapshot;
import io.imagegate.request.ImageRequest;
import io.imagegate.request.RequestParser;
import io.imagegate.response.ErrorResponder;
import io.imagegate.security.AccessPolicy;
import io.imagegate.security.Authorizer;
import io.imagegate.security.Grant;
import io.imagegate.security.SignatureVerifier;
import io.imagegate.security.VerifiedKey;
import io.imagegate.source.SourceResolver;
import io.imagegate.transform.TransformationParser;
import io.imagegate.transform.render.VariantRenderer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.function.UnaryOperator;

/**
 * The request flow, top to bottom: parse, verify, authorize ({@link Authorizer}: one grant per
 * request), then serve the original ({@link Originals}) or a variant ({@link Variants}, from the
 * cache or rendered once). Built once from immutable settings; thread-safe.
 */
public final class ImageGate {
  private static final System.Logger LOG = System.getLogger(ImageGate.class.getName());

  private final RequestParser parser;
  private final SignatureVerifier verifier;
  private final Authorizer authorizer;
  private final VariantCache cache;
  private final RenderLimiter limiter;
  private final Originals originals;
  private final Variants variants;
  private final Level refusals;
  private final Stats stats;
  private final ImageGateSettings settings;
  private final Explainer explainer;
  private final HitPath hits;
  private final String endpoint;

  /**
   * @param settings the configuration
   * @param endpoint the full URL path prefix (context path and endpoint)
   * @throws ConfigException if a named transformation is invalid
   */
  public ImageGate(ImageGateSettings settings, String endpoint) {
    this(settings, endpoint, null);
  }

  /**
   * A gate that takes over from {@code previous} after a reload: it keeps counting in the same
   * statistics, and keeps the result cache and the render limiter when their settings did not
   * change (a variant's key names everything it depends on, and authorization comes before the
   * cache, so a cached variant stays valid under new keys or rules).
   *
   * @param previous the gate being replaced, or null
   */
  ImageGate(ImageGateSettings settings, String endpoint, ImageGate previous) {
    this(settings, endpoint, previous, null);
  }

  /** As above, a cold render's first resample sharing its rows with {@code helper} (or null). */
  ImageGate(ImageGateSettings settings, String endpoint, ImageGate previous, Executor helper) {
    this.settings = settings;
    this.stats = previous == null ? new Stats() : previous.stats;
    this.endpoint = endpoint;
    this.parser = new RequestParser(endpoint);
    this.verifier =
        new SignatureVerifier(
            settings.keys(), settings.algorithms(), settings.clock(), settings.expiryLeeway());
    this.refusals = settings.logRefusals();
    Limits limits = settings.limits();
    TransformationParser transformations;
    try {
      transformations = new TransformationParser(settings.named(), limits);
    } catch (IllegalArgumentException e) {
      throw new ConfigException("named: " + e.getMessage());
    }
    VariantRenderer renderer = new VariantRenderer(limits, helper);
    this.cache =
        previous != null && previous.settings.cacheMaxBytes() == settings.cacheMaxBytes()
            ? previous.cache
            : new VariantCache(settings.cacheMaxBytes());
    this.limiter =
        previous != null
                && previous.settings.cacheMaxBytes() == settings.cacheMaxBytes()
                && previous.settings.renderConcurrency() == settings.renderConcurrency()
                && previous.settings.renderQueueTimeout().equals(settings.renderQueueTimeout())
            ? previous.limiter
            : new RenderLimiter(
                settings.renderConcurrency(),
                settings.renderQueueTimeout(),
                renderBudget(settings));
    AccessPolicy policy = new AccessPolicy(settings);
    this.authorizer =
        new Authorizer(
            settings,
            policy,
            new SourceResolver(settings.root(), settings.clock()),
            transformations);
    this.explainer =
        new Explainer(
            endpoint,
            parser,
            verifier,
            policy,
            authorizer,
            transformations,
            settings.root(),
            settings.expiryLeeway());
    this.originals = new Originals(stats);
    this.variants = new Variants(renderer, cache, limiter, new Overlays(renderer), stats);
    this.hits = new HitPath(parser, this::grant, variants);
  }

  /**
   * The bytes of decoded pixels renders may hold at once: half of the heap that the result cache
   * and the decoded-overlay cache do not claim, and never less than one 16 MP image.
   */
  static long renderBudget(ImageGateSettings settings) {
    long free =
        Runtime.getRuntime().maxMemory() - settings.cacheMaxBytes() - Overlays.MAX_DECODED_BYTES;
    return Math.max(64L * 1024 * 1024, free / 2);
  }

  /**
   * Handles one request, or passes it down the chain if it is not for an image below the endpoint.
   */
  public void handle(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    try {
      serve(request, response, chain);
    } catch (ImageGateException e) {
      stats.record(outcomeOf(e.failure()));
      stats.recordDenial(e.failure().code());
      if (refusals != Level.OFF) {
        LOG.log(
            refusals,
            () -> describe(request, "refused: " + e.failure().status() + " " + e.failure().code()));
      }
      ErrorResponder.send(response, e);
    } catch (IOException e) {
      // Most often the client went away; nothing more can be sent.
      LOG.log(Level.DEBUG, () -> describe(request, "I/O error " + e.getClass().getSimpleName()));
    } catch (RuntimeException e) {
      stats.record(Outcome.ERROR);
      String incident = UUID.randomUUID().toString();
      LOG.log(
          Level.ERROR,
          () -> describe(request, "internal error " + incident + ": " + e.getClass().getName()));
      ErrorResponder.sendInternalError(response, incident);
    }
  }

  /**
   * The answer to a plain GET of a cached variant, verified and authorized as {@link #handle} would
   * (and counted the same), for a server's own path ahead of the servlet layer; null for every
   * other request (HEAD, conditional, refused, not cached, an escaped or odd path, ...), which then
   * goes through the filter as usual.
   *
   * @param rawUri the request URI as sent, not decoded, with the context path
   * @param rawQuery the query as sent, or null
   * @param header the request's header by name (case-insensitive), null when absent
   */
  public CachedAnswer cachedAnswer(
      String method, String rawUri, String rawQuery, UnaryOperator<String> header) {
    return hits.answer(method, rawUri, rawQuery, header);
  }

  /** The flow: parse, verify, authorize (one grant), then the original or a variant. */
  private void serve(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    // A container always names the path it mapped; only a hand-made request (tests) may not.
    String servletPath = request.getServletPath();
    String pathInfo = servletPath == null ? null : request.getPathInfo();
    Optional<ImageRequest> parsed =
        servletPath == null
            ? parser.parse(request.getRequestURI(), request.getQueryString())
            : parser.parse(
                request.getRequestURI(),
                request.getQueryString(),
                request.getContextPath(),
                pathInfo == null ? servletPath : servletPath + pathInfo);
    if (parsed.isEmpty()) {
      chain.doFilter(request, response);
      return;
    }
    ImageRequest image = parsed.get();
    Grant grant = grant(image);
    if (!grant.source().isImage()) {
      // Authorized, untransformed, and the container serves the same path it mapped to us.
      stats.record(Outcome.PASSED);
      chain.doFilter(request, response);
      return;
    }
    checkMethod(request);
    if (grant.original()) {
      originals.serve(request, response, grant, image.path());
    } else {
      variants.serve(request, response, grant, image.path());
    }
  }

  /** Verification (if signed), then the one authorization decision; throws when refused. */
  Grant grant(ImageRequest image) {
    Optional<VerifiedKey> key =
        image.signed() ? Optional.of(verifier.verify(image)) : Optional.empty();
    return authorizer.authorize(image, key);
  }

  /** One log line about a request: method, URI path (never the query), and what happened. */
  private static String describe(HttpServletRequest request, String what) {
    return request.getMethod() + " " + request.getRequestURI() + " " + what;
  }

  private static void checkMethod(HttpServletRequest request) {
    String method = request.getMethod();
    if (!method.equals("GET") && !method.equals("HEAD")) {
      throw new ImageGateException(
          Failure.METHOD_NOT_ALLOWED, "only GET and HEAD are allowed on images, not " + method);
    }
  }

  private static Outcome outcomeOf(Failure failure) {
    switch (failure.status()) {
      case 400:
        return Outcome.BAD_REQUEST;
      case 401:
        return Outcome.UNAUTHORIZED;
      case 404:
        return Outcome.NOT_FOUND;
      case 405:
        return Outcome.METHOD_NOT_ALLOWED;
      case 503:
        return Outcome.OVERLOADED;
      default:
        return Outcome.UNPROCESSABLE;
    }
  }

  /** A snapshot of the counters and the cache. */
  public StatsSnapshot stats() {
    return stats.snapshot(cache);
  }

  /**
   * Explains how this gate would answer a URL, step by step, by running its own parser, verifier
   * and authorization on it (nothing is rendered, served or cached, and no server is contacted):
   * for the demo's {@code explain} command or an admin page. The result never holds a key.
   *
   * @param url an absolute URL, or a path with its query, as a client would send it
   * @param showExpected whether to include the first eight hex digits of the signature the supposed
   *     key would make (for a local operator only)
   */
  public Explanation explain(String url, boolean showExpected) {
    return explainer.explain(url, showExpected);
  }

  /** The full endpoint this gate serves: the context path and the endpoint. */
  public String endpoint() {
    return endpoint;
  }

  /** The settings this gate was built from. */
  public ImageGateSettings settings() {
    return settings;
  }

  /** The statistics counters, shared with the gates that replace this one (reloads). */
  Stats counters() {
    return stats;
  }

  /** The render limiter (tests). */
  RenderLimiter limiter() {
    return limiter;
  }
}
