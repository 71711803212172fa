package io.imagegate.request;

import io.imagegate.failure.Failure;
import io.imagegate.failure.ImageGateException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Splits a raw request URI and query into an {@link ImageRequest}. The signed string and the image
 * path come from the raw text the client sent, so the signature covers exactly what the signer
 * produced and every path is decoded exactly once.
 *
 * <p>Whether a request is the filter's at all is decided from both views: the raw URI and the
 * decoded, normalised path the container mapped ({@code getServletPath() + getPathInfo()}), which
 * is what the container's own servlets (its default servlet included) will serve. When either view
 * puts the request below the endpoint, it is parsed; when the two views disagree (the container saw
 * {@code /img/private/p.jpg} in {@code /%69mg/private/p.jpg}, or normalised {@code ./}, {@code //}
 * or a {@code ;} parameter away), it is refused with {@link Failure#BAD_URL}. So nothing the
 * container routes below the endpoint passes down without the policy having decided.
 */
public final class RequestParser {
  private static final String TR_PREFIX = "tr:";
  private static final int MAX_EXPIRY_DIGITS = 10;

  private final String endpoint;
  private final String endpointSlash;
  private volatile Mapped lastMapped;

  /**
   * @param endpoint the context path plus the endpoint prefix, e.g. {@code /shop/img}; no trailing
   *     slash
   */
  public RequestParser(String endpoint) {
    this.endpoint =
        endpoint.endsWith("/") ? endpoint.substring(0, endpoint.length() - 1) : endpoint;
    this.endpointSlash = this.endpoint + "/";
  }

  /**
   * Parses a request, checking that the container mapped the same path.
   *
   * @param rawUri the request URI as sent ({@code HttpServletRequest#getRequestURI()})
   * @param rawQuery the query as sent, or null
   * @param contextPath the context path as the container gives it ({@code getContextPath()})
   * @param mappedPath the decoded path inside the context that the container mapped: {@code
   *     getServletPath()} followed by {@code getPathInfo()} (if not null)
   * @return empty if neither view puts the request below the endpoint
   * @throws ImageGateException with {@link Failure#BAD_URL} for malformed URLs, and when the
   *     container's path differs from the one the raw URI gives
   */
  public Optional<ImageRequest> parse(
      String rawUri, String rawQuery, String contextPath, String mappedPath) {
    Mapped mapped = decodedEndpoint(contextPath == null ? "" : contextPath);
    String mappedEndpoint = mapped.endpoint();
    boolean rawMine = rawUri.startsWith(endpointSlash) || rawUri.equals(endpoint);
    boolean mappedMine =
        mappedEndpoint != null
            && (mappedPath.startsWith(mapped.endpointSlash()) || mappedPath.equals(mappedEndpoint));
    if (!rawMine && !mappedMine) {
      return Optional.empty();
    }
    if (!rawMine || !mappedMine) {
      throw disagreement();
    }
    if (rawUri.equals(endpoint)) {
      throw bad("the URL names no image");
    }
    ImageRequest parsed = parse(rawUri, rawQuery).orElseThrow(RequestParser::disagreement);
    String rawAfter = rawUri.substring(endpoint.length() + 1);
    String decodedAfter;
    try {
      decodedAfter = UriText.decode(rawAfter, false);
    } catch (IllegalArgumentException e) {
      throw bad("the path has a malformed percent-escape or invalid UTF-8");
    }
    int mappedAfter = mappedEndpoint.length() + 1;
    if (mappedPath.length() - mappedAfter != decodedAfter.length()
        || !mappedPath.regionMatches(mappedAfter, decodedAfter, 0, decodedAfter.length())) {
      throw disagreement();
    }
    return Optional.of(parsed);
  }

  /** The endpoint inside the context, decoded as the container decodes paths; null if outside. */
  private Mapped decodedEndpoint(String contextPath) {
    // A filter sees one context path: its decoded endpoint is worked out once, not per request.
    Mapped last = lastMapped;
    if (last != null && last.contextPath().equals(contextPath)) {
      return last;
    }
    String decoded;
    if (!endpoint.startsWith(contextPath)) {
      decoded = null;
    } else {
      try {
        decoded = UriText.decode(endpoint.substring(contextPath.length()), false);
      } catch (IllegalArgumentException e) {
        decoded = null;
      }
    }
    Mapped mapped = new Mapped(contextPath, decoded, decoded == null ? null : decoded + "/");
    lastMapped = mapped;
    return mapped;
  }

  /**
   * A context path and the endpoint inside it, decoded (null if the endpoint is outside it), and
   * that endpoint with a slash.
   */
  private record Mapped(String contextPath, String endpoint, String endpointSlash) {}

  private static ImageGateException disagreement() {
    return bad(
        "the URL's path does not read the same once decoded and normalised; send it without"
            + " escapes of plain characters, '.' segments, '//' or ';'");
  }

  /**
   * Parses a request from its raw URI alone (for callers without a container; {@link #parse(String,
   * String, String, String)} is what the filter uses).
   *
   * @param rawUri the request URI as sent ({@code HttpServletRequest#getRequestURI()})
   * @param rawQuery the query as sent, or null
   * @return empty if the URI is not below the endpoint
   * @throws ImageGateException with {@link Failure#BAD_URL} for malformed URLs
   */
  public Optional<ImageRequest> parse(String rawUri, String rawQuery) {
    if (!rawUri.startsWith(endpointSlash)) {
      return Optional.empty();
    }
    String afterEndpoint = rawUri.substring(endpoint.length() + 1);
    List<QueryParam> params = QueryParam.parseAll(rawQuery);

    int end = params.size();
    Optional<String> signature = Optional.empty();
    Optional<String> expiry = Optional.empty();
    if (end > 0 && params.get(end - 1).name().equals("ik-s")) {
      signature = Optional.of(params.get(--end).rawValue());
      if (end > 0 && params.get(end - 1).name().equals("ik-t")) {
        expiry = Optional.of(checkExpiry(params.get(--end).rawValue()));
      }
    }
    List<QueryParam> remaining = params.subList(0, end);
    Optional<String> queryTransformation = Optional.empty();
    for (QueryParam param : remaining) {
      switch (param.name()) {
        case "ik-s":
          throw bad(
              signature.isPresent()
                  ? "ik-s is given more than once"
                  : "ik-s must be the last query parameter");
        case "ik-t":
          throw bad(
              expiry.isPresent()
                  ? "ik-t is given more than once"
                  : signature.isPresent()
                      ? "ik-t must come right before ik-s"
                      : "ik-t needs an ik-s after it");
        case "tr":
          if (queryTransformation.isPresent()) {
            throw bad("tr is given more than once");
          }
          queryTransformation = Optional.of(decode(param.rawValue(), true, "tr"));
          break;
        default:
          break;
      }
    }

    Optional<String> pathTransformation = Optional.empty();
    String rawPath = afterEndpoint;
    if (afterEndpoint.startsWith(TR_PREFIX)) {
      int slash = afterEndpoint.indexOf('/');
      if (slash < 0) {
        throw bad("the URL has a transformation but no image path");
      }
      pathTransformation =
          Optional.of(decode(afterEndpoint.substring(TR_PREFIX.length(), slash), false, "tr"));
      rawPath = afterEndpoint.substring(slash + 1);
    }
    if (pathTransformation.isPresent() && queryTransformation.isPresent()) {
      throw bad(
          "the transformation is given both in the path (tr:) and in the query (tr=); use one");
    }

    String path = ImagePaths.decode(rawPath);
    String signedPart =
        remaining.isEmpty()
            ? canonical(afterEndpoint)
            : canonical(afterEndpoint) + "?" + canonical(rawQueryOf(rawQuery, remaining.size()));
    Optional<String> transformation =
        pathTransformation.isPresent() ? pathTransformation : queryTransformation;
    return Optional.of(new ImageRequest(path, transformation, signature, expiry, signedPart));
  }

  /** The raw text of the first {@code count} parameters, exactly as sent. */
  private static String rawQueryOf(String rawQuery, int count) {
    int index = -1;
    for (int i = 0; i < count; i++) {
      index = rawQuery.indexOf('&', index + 1);
      if (index < 0) {
        return rawQuery;
      }
    }
    return rawQuery.substring(0, index);
  }

  private static String checkExpiry(String raw) {
    if (raw.isEmpty() || raw.length() > MAX_EXPIRY_DIGITS) {
      throw bad("ik-t must be 1 to 10 ASCII digits");
    }
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c < '0' || c > '9') {
        throw bad("ik-t must be 1 to 10 ASCII digits");
      }
    }
    return raw;
  }

  private static String canonical(String raw) {
    try {
      return UriText.canonical(raw);
    } catch (IllegalArgumentException e) {
      throw bad("the URL has a malformed percent-escape");
    }
  }

  private static String decode(String raw, boolean form, String what) {
    try {
      return UriText.decode(raw, form);
    } catch (IllegalArgumentException e) {
      throw bad(what + " has a malformed percent-escape");
    }
  }

  private static ImageGateException bad(String message) {
    return new ImageGateException(Failure.BAD_URL, message);
  }

  /** One {@code name=value} pair: the name decoded, the value raw. */
  private record QueryParam(String name, String rawValue) {
    static List<QueryParam> parseAll(String rawQuery) {
      List<QueryParam> params = new ArrayList<>();
      if (rawQuery == null || rawQuery.isEmpty()) {
        return params;
      }
      int start = 0;
      while (true) {
        int amp = rawQuery.indexOf('&', start);
        int end = amp < 0 ? rawQuery.length() : amp;
        int eq = -1; // the first '=' of this pair only: the whole query is walked once
        for (int i = start; i < end && eq < 0; i++) {
          if (rawQuery.charAt(i) == '=') {
            eq = i;
          }
        }
        String rawName = rawQuery.substring(start, eq < 0 ? end : eq);
        String rawValue = eq < 0 ? "" : rawQuery.substring(eq + 1, end);
        params.add(new QueryParam(decode(rawName, true, "a query parameter name"), rawValue));
        if (amp < 0) {
          return params;
        }
        start = amp + 1;
      }
    }
  }
}
