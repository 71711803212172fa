package io.imagegate.security;

import io.imagegate.response.CacheControl;
import io.imagegate.source.Source;
import io.imagegate.transform.Transformation;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The one authorization decision for a request, made before any pixel work, cache lookup or file
 * read beyond resolving: what may be served, and how. Everything that serves a response reads it
 * from here and nowhere else.
 *
 * @param source the authorized source file
 * @param transformation the effective transformation: the request's, with a rule's forced watermark
 *     appended for unsigned requests; empty to serve the original as it is
 * @param overlays every overlay source the effective transformation reads, authorized, by path
 * @param cacheControl how long browsers and shared caches may keep the response: {@code
 *     cache.max-age}, never beyond the URL's {@code ik-t} (then an absolute {@code Expires} at that
 *     moment), {@code no-store} once it has passed
 */
public record Grant(
    Source source,
    Optional<Transformation> transformation,
    Map<String, Source> overlays,
    CacheControl cacheControl) {

  /** Checks presence and freezes the overlays. */
  public Grant {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(transformation, "transformation");
    overlays = Map.copyOf(overlays);
    Objects.requireNonNull(cacheControl, "cacheControl");
  }

  /** Whether the original file is served as it is. */
  public boolean original() {
    return transformation.isEmpty();
  }
}
