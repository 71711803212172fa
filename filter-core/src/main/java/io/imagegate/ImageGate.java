package io.imagegate;

import io.imagegate.cache.RenderLimiter;
import io.imagegate.cache.Stats;
import io.imagegate.cache.Stats.Outcome;
import io.imagegate.cache.StatsSnapshot;
import io.imagegate.cache.Variant;
import io.imagegate.cache.VariantCache;
import io.imagegate.cache.VariantKey;
import io.imagegate.config.ConfigException;
import io.imagegate.config.ImageGateSettings;
import io.imagegate.request.ImageRequest;
import io.imagegate.request.RequestParser;
import io.imagegate.response.CacheControl;
import io.imagegate.response.ErrorResponder;
import io.imagegate.response.Failure;
import io.imagegate.response.ImageGateException;
import io.imagegate.response.ImageResponder;
import io.imagegate.security.AccessPolicy;
import io.imagegate.security.Requirement;
import io.imagegate.security.SignatureVerifier;
import io.imagegate.source.ImageFormat;
import io.imagegate.source.Source;
import io.imagegate.source.SourceResolver;
import io.imagegate.transform.TransformLimits;
import io.imagegate.transform.Transformation;
import io.imagegate.transform.TransformationParser;
import io.imagegate.transform.VariantRenderer;
import io.imagegate.transform.codec.DecodeLimits;
import io.imagegate.transform.pipeline.OverlayImages;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.Optional;
import java.util.UUID;

/**
 * The request flow, top to bottom: parse, verify, authorize, resolve, then serve the original or a
 * variant (from the cache, or rendered once). Built once from immutable settings; thread-safe.
 */
public final class ImageGate {
  private static final System.Logger LOG = System.getLogger(ImageGate.class.getName());

  private final ImageGateSettings settings;
  private final RequestParser parser;
  private final SignatureVerifier verifier;
  private final AccessPolicy policy;
  private final SourceResolver resolver;
  private final TransformationParser transformations;
  private final VariantRenderer renderer;
  private final VariantCache cache;
  private final RenderLimiter limiter;
  private final Overlays overlays;
  private final Stats stats;

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
    this.settings = settings;
    this.stats = previous == null ? new Stats() : previous.stats;
    this.parser = new RequestParser(endpoint);
    this.verifier =
        new SignatureVerifier(
            settings.keys(), settings.algorithms(), settings.clock(), settings.expiryLeeway());
    this.policy = new AccessPolicy(settings);
    this.resolver = new SourceResolver(settings.root());
    ImageGateSettings.Limits limits = settings.limits();
    TransformLimits transformLimits =
        new TransformLimits(
            limits.maxDimension(),
            limits.maxDpr(),
            limits.maxSteps(),
            limits.maxOverlays(),
            limits.maxTransformationLength());
    try {
      this.transformations = new TransformationParser(settings.named(), transformLimits);
    } catch (IllegalArgumentException e) {
      throw new ConfigException("named: " + e.getMessage());
    }
    DecodeLimits decodeLimits =
        new DecodeLimits(limits.maxSourcePixels(), DecodeLimits.DEFAULT_MAX_FILE_BYTES);
    this.renderer = new VariantRenderer(transformLimits, decodeLimits);
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
    this.overlays = new Overlays(settings.root(), policy, resolver, renderer);
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
      LOG.log(
          Level.DEBUG,
          () -> describe(request, "refused: " + e.failure().status() + " " + e.failure().code()));
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

  /** The flow: parse, verify, authorize, resolve, then the original or a variant. */
  private void serve(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    Optional<ImageRequest> parsed = parser.parse(request.getRequestURI(), request.getQueryString());
    if (parsed.isEmpty()) {
      chain.doFilter(request, response);
      return;
    }
    ImageRequest image = parsed.get();
    if (image.signed()) {
      verifier.verify(image);
    }
    Requirement requirement = policy.requirementFor(image.path());
    policy.enforce(image, requirement);
    Source source = resolver.resolve(image.path());
    requirement = authorizeTarget(image, source, requirement);
    Optional<Transformation> transformation = transformation(image, requirement);
    if (!source.isImage()) {
      passDown(request, response, chain, transformation);
      return;
    }
    checkMethod(request);
    if (transformation.isEmpty() || transformation.get().original()) {
      serveOriginal(request, response, image, source);
    } else {
      serveVariant(request, response, image, source, transformation.get());
    }
  }

  /** A symlink may lead into a protected folder: the target's rules and markers apply too. */
  private Requirement authorizeTarget(ImageRequest image, Source source, Requirement requirement) {
    String realPath = settings.root().relativize(source.realPath()).toString().replace('\\', '/');
    if (realPath.equals(image.path())) {
      return requirement;
    }
    Requirement combined = requirement.and(policy.requirementFor(realPath));
    policy.enforce(image, combined);
    return combined;
  }

  /** Files that are not images go down the chain, authorized, and never transformed. */
  private void passDown(
      HttpServletRequest request,
      HttpServletResponse response,
      FilterChain chain,
      Optional<Transformation> transformation)
      throws IOException, ServletException {
    if (transformation.isPresent()) {
      throw new ImageGateException(
          Failure.UNSUPPORTED_MEDIA_TYPE, "the file is not an image that can be transformed");
    }
    stats.record(Outcome.PASSED);
    chain.doFilter(request, response);
  }

  /** One log line about a request: method, URI path (never the query), and what happened. */
  private static String describe(HttpServletRequest request, String what) {
    return request.getMethod() + " " + request.getRequestURI() + " " + what;
  }

  /**
   * The parsed transformation to apply: the request's, and the rule's forced one for unsigned
   * requests.
   */
  private Optional<Transformation> transformation(ImageRequest image, Requirement requirement) {
    Optional<String> requested = image.transformation().filter(t -> !t.isEmpty());
    Optional<String> forced =
        image.signed() ? Optional.empty() : requirement.unsignedTransformation();
    if (forced.isEmpty()) {
      return requested.map(transformations::parse);
    }
    Transformation own = requested.map(transformations::parse).orElse(Transformation.empty());
    // orig-true would discard the forced watermark: an unsigned request never escapes it.
    return Optional.of(
        own.isEmpty() || own.original()
            ? transformations.parse(forced.get())
            : transformations.parse(requested.get() + ":" + forced.get()));
  }

  private void serveOriginal(
      HttpServletRequest request, HttpServletResponse response, ImageRequest image, Source source)
      throws IOException {
    String cacheControl =
        CacheControl.of(settings.cacheMaxAge(), image.expiresAt(), settings.clock());
    if (ImageResponder.writeHeaders(
        request,
        response,
        source.format().mediaType(),
        source.etag(),
        source.lastModified(),
        cacheControl)) {
      stats.record(Outcome.NOT_MODIFIED);
      return;
    }
    stats.record(Outcome.ORIGINAL);
    ImageResponder.sendFile(request, response, source.realPath(), source.size());
  }

  private void serveVariant(
      HttpServletRequest request,
      HttpServletResponse response,
      ImageRequest image,
      Source source,
      Transformation transformation)
      throws IOException {
    if (!source.format().renderable()) {
      throw new ImageGateException(
          Failure.UNSUPPORTED_MEDIA_TYPE,
          "images of type "
              + source.format().mediaType()
              + " are served as they are, never transformed");
    }
    Overlays.Resolved overlaySources = overlays.resolve(transformation, image);
    String accept = request.getHeader("Accept");
    ImageFormat format = VariantRenderer.outputFormat(transformation, source.format(), accept);
    VariantKey key =
        new VariantKey(
            VariantKey.SourceId.of(source),
            transformation.canonical(),
            format,
            overlaySources.identities());
    if (VariantRenderer.negotiated(transformation)) {
      response.setHeader("Vary", "Accept");
    }
    String cacheControl =
        CacheControl.of(settings.cacheMaxAge(), image.expiresAt(), settings.clock());
    if (ImageResponder.writeHeaders(
        request, response, format.mediaType(), key.etag(), source.lastModified(), cacheControl)) {
      stats.record(Outcome.NOT_MODIFIED);
      return;
    }
    boolean[] rendered = {false};
    Variant variant;
    try {
      variant =
          cache.get(
              key,
              () -> {
                rendered[0] = true;
                return render(source, transformation, format, overlaySources);
              });
    } catch (IOException | RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException("render failed", e);
    }
    stats.record(Outcome.VARIANT);
    try {
      ImageResponder.sendBytes(request, response, variant.bytes());
      if (rendered[0]) {
        // Only a fresh render needs to know now whether its client is still there.
        response.flushBuffer();
      }
    } catch (IOException e) {
      // The client went away: keep nothing it asked for.
      cache.invalidate(key);
      throw e;
    }
  }

  /** One render, admitted by the limiter for the memory its source needs once decoded. */
  private Variant render(
      Source source, Transformation transformation, ImageFormat format, OverlayImages overlays)
      throws Exception {
    return limiter.run(
        renderer.decodedBytes(source.realPath()),
        () -> {
          long start = System.nanoTime();
          Variant variant;
          try {
            variant = renderer.render(source.realPath(), transformation, format, overlays);
          } catch (OutOfMemoryError e) {
            // Memory is shared by the renders running now; a later try may well fit.
            throw new ImageGateException(
                Failure.OVERLOADED, "not enough memory to render this image right now");
          }
          stats.recordRender(System.nanoTime() - start);
          return variant;
        });
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
