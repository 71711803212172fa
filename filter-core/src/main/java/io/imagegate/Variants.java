package io.imagegate;

import io.imagegate.admission.RenderLimiter;
import io.imagegate.cache.VariantCache;
import io.imagegate.cache.VariantKey;
import io.imagegate.failure.Failure;
import io.imagegate.failure.ImageGateException;
import io.imagegate.metrics.Stats;
import io.imagegate.metrics.Stats.Outcome;
import io.imagegate.response.ContentDisposition;
import io.imagegate.response.ImageResponder;
import io.imagegate.security.Grant;
import io.imagegate.source.ImageFormat;
import io.imagegate.source.Source;
import io.imagegate.source.Validators;
import io.imagegate.transform.Transformation;
import io.imagegate.transform.pipeline.OverlayImages;
import io.imagegate.transform.render.Variant;
import io.imagegate.transform.render.VariantRenderer;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Serves an authorized variant: from the cache, or rendered once under the limiter. Its ETag is a
 * digest of the root-relative identities of the source and every overlay, the canonical
 * transformation and the output format; it sends no {@code Last-Modified}, since its bytes depend
 * on several files' dates and an overlay's change must never be answered 304.
 */
final class Variants {
  private final VariantRenderer renderer;
  private final VariantCache cache;
  private final RenderLimiter limiter;
  private final Overlays overlays;
  private final Stats stats;

  Variants(
      VariantRenderer renderer,
      VariantCache cache,
      RenderLimiter limiter,
      Overlays overlays,
      Stats stats) {
    this.renderer = renderer;
    this.cache = cache;
    this.limiter = limiter;
    this.overlays = overlays;
    this.stats = stats;
  }

  /**
   * @param path the path the URL asked for, below the endpoint: the download name comes from it
   */
  void serve(HttpServletRequest request, HttpServletResponse response, Grant grant, String path)
      throws IOException {
    Source source = grant.source();
    Transformation transformation = grant.transformation().orElseThrow();
    Target target = target(grant, () -> request.getHeader("Accept"));
    ImageFormat format = target.format();
    Overlays.Resolved overlaySources = target.overlays();
    VariantKey key = target.key();
    if (target.negotiated()) {
      response.setHeader("Vary", "Accept");
    }
    // One lookup gives a held variant and its ETag; otherwise the ETag is worked out (a digest of
    // what the key holds), so a revalidation is answered 304 without rendering.
    VariantCache.Hit hit = cache.cached(key);
    String etag =
        hit != null && hit.etag() != null
            ? hit.etag()
            : etag(source, transformation, format, overlaySources);
    if (ImageResponder.writeHeaders(
        request, response, format.mediaType(), etag, null, grant.cacheControl())) {
      stats.record(Outcome.NOT_MODIFIED);
      return;
    }
    if (ContentDisposition.requested(request)) {
      response.setHeader(
          "Content-Disposition",
          ContentDisposition.value(
              ContentDisposition.withExtension(
                  ContentDisposition.lastSegment(path), Optional.of(format.extension()))));
    }
    Variant variant;
    boolean fresh;
    if (hit != null) {
      variant = hit.variant();
      fresh = false;
    } else {
      boolean[] rendered = {false};
      try {
        variant =
            cache.get(
                key,
                etag,
                () -> {
                  rendered[0] = true;
                  return render(source, transformation, format, overlaySources);
                });
      } catch (IOException | RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw new IllegalStateException("render failed", e);
      }
      fresh = rendered[0];
    }
    stats.record(Outcome.VARIANT);
    try {
      ImageResponder.sendBytes(request, response, variant.bytes());
      if (fresh) {
        // Only a fresh render needs to know now whether its client is still there.
        response.flushBuffer();
      }
    } catch (IOException e) {
      // The client went away. A render made for it alone is not kept; a variant that was already
      // cached stays for everyone else (evicting it would let cheap aborted requests force
      // renders).
      if (fresh) {
        cache.invalidate(key);
      }
      throw e;
    }
  }

  /**
   * The answer to a plain GET of this variant when the cache holds it (counted as a hit and a
   * variant served, as {@link #serve} counts it), else null with nothing counted.
   *
   * @param accept the request's {@code Accept} (null if none), asked only for {@code f-auto}
   */
  CachedAnswer cachedAnswer(Grant grant, Supplier<String> accept) {
    Target target = target(grant, accept);
    VariantCache.Hit hit = cache.cached(target.key());
    if (hit == null || hit.etag() == null) {
      return null;
    }
    stats.record(Outcome.VARIANT);
    return CachedAnswer.of(
        target.negotiated(),
        target.format().mediaType(),
        hit.etag(),
        grant.cacheControl(),
        hit.variant().bytes());
  }

  /** What an authorized request asks for: the output format, its overlays and its cache key. */
  private record Target(
      ImageFormat format, boolean negotiated, Overlays.Resolved overlays, VariantKey key) {}

  private Target target(Grant grant, Supplier<String> accept) {
    Source source = grant.source();
    Transformation transformation = grant.transformation().orElseThrow();
    if (!source.format().renderable()) {
      throw new ImageGateException(
          Failure.UNSUPPORTED_MEDIA_TYPE,
          "images of type "
              + source.format().mediaType()
              + " are served as they are, never transformed");
    }
    Overlays.Resolved overlaySources = overlays.of(grant.overlays());
    boolean negotiated = OutputFormats.negotiated(transformation);
    // Accept decides something only for f-auto.
    ImageFormat format =
        OutputFormats.outputFormat(
            transformation, source.format(), negotiated ? accept.get() : null);
    VariantKey key =
        new VariantKey(
            VariantKey.SourceId.of(source),
            transformation.canonical(),
            format,
            overlaySources.identities());
    return new Target(format, negotiated, overlaySources, key);
  }

  /** The variant's validator, from root-relative identities only. */
  static String etag(
      Source source,
      Transformation transformation,
      ImageFormat format,
      Overlays.Resolved overlays) {
    StringBuilder text =
        new StringBuilder(source.versionText())
            .append('\u0001')
            .append(transformation.canonical())
            .append('\u0001')
            .append(format.name());
    for (Source overlay : overlays.sources()) {
      text.append('\u0001').append(overlay.versionText());
    }
    return Validators.etag("v", text.toString());
  }

  /** One render, admitted by the limiter for the memory its decoded source and its outputs need. */
  private Variant render(
      Source source, Transformation transformation, ImageFormat format, OverlayImages overlays)
      throws Exception {
    return limiter.run(
        renderer.renderBytes(source.realPath(), transformation),
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
}
