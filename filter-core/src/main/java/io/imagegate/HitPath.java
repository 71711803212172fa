package io.imagegate;

import io.imagegate.request.ImageRequest;
import io.imagegate.request.RequestParser;
import io.imagegate.response.ContentDisposition;
import io.imagegate.security.Authorizer;
import io.imagegate.security.Grant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * {@link ImageGate#cachedAnswer}: the same flow as the filter's (parse, verify, the one {@link
 * Authorizer} decision, then the cache), for the one case it can answer alone: a plain GET of a
 * cached variant. Anything else, refusals included, gets null and goes through the filter, which
 * answers it with its own error, log line and count; so this path adds no answer of its own.
 */
final class HitPath {
  /** Requests that ask for more than the whole cached body: the filter answers them. */
  private static final List<String> CONDITIONS =
      List.of("If-None-Match", "If-Match", "If-Modified-Since", "If-Unmodified-Since", "If-Range");

  private final RequestParser parser;
  private final Function<ImageRequest, Grant> decision;
  private final Variants variants;

  /**
   * @param decision the filter's verification and one authorization decision ({@link
   *     ImageGate#grant})
   */
  HitPath(RequestParser parser, Function<ImageRequest, Grant> decision, Variants variants) {
    this.parser = parser;
    this.decision = decision;
    this.variants = variants;
  }

  CachedAnswer answer(String method, String rawUri, String rawQuery, UnaryOperator<String> header) {
    // An attachment's header comes from the container's own parameter parsing: the filter's.
    if (!"GET".equals(method) || !plain(rawUri) || ContentDisposition.mayBeNamedIn(rawQuery)) {
      return null;
    }
    for (String name : CONDITIONS) {
      if (header.apply(name) != null) {
        return null;
      }
    }
    try {
      // A plain path is the same raw, decoded and normalised: the container maps it as it is.
      Optional<ImageRequest> parsed = parser.parse(rawUri, rawQuery);
      if (parsed.isEmpty()) {
        return null;
      }
      Grant grant = decision.apply(parsed.get());
      if (!grant.source().isImage() || grant.original()) {
        return null;
      }
      return variants.cachedAnswer(grant, () -> header.apply("Accept"));
    } catch (RuntimeException e) {
      // Refused or failed: the filter, asked next, refuses or fails it the same way, and says so.
      return null;
    }
  }

  /**
   * A path a container can only map as it is: printable ASCII without escapes, path parameters or
   * backslashes, and no empty or dot segments.
   */
  static boolean plain(String rawUri) {
    if (rawUri == null || rawUri.isEmpty() || rawUri.charAt(0) != '/') {
      return false;
    }
    for (int i = 0; i < rawUri.length(); i++) {
      char c = rawUri.charAt(i);
      if (c <= ' ' || c >= 0x7f || c == '%' || c == ';' || c == '\\') {
        return false;
      }
    }
    return !rawUri.contains("//")
        && !rawUri.contains("/./")
        && !rawUri.contains("/../")
        && !rawUri.endsWith("/.")
        && !rawUri.endsWith("/..");
  }
}
