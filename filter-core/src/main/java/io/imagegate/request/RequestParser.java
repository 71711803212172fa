package io.imagegate.request;

import io.imagegate.response.Failure;
import io.imagegate.response.ImageGateException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Splits a raw request URI and query into an {@link ImageRequest}. It reads only the raw text the
 * client sent (never the container's decoded view), so the signed string is exactly what the signer
 * produced, and every path is decoded exactly once.
 */
public final class RequestParser {
  private static final String TR_PREFIX = "tr:";
  private static final int MAX_EXPIRY_DIGITS = 10;

  private final String endpoint;

  /**
   * @param endpoint the context path plus the endpoint prefix, e.g. {@code /shop/img}; no trailing
   *     slash
   */
  public RequestParser(String endpoint) {
    this.endpoint =
        endpoint.endsWith("/") ? endpoint.substring(0, endpoint.length() - 1) : endpoint;
  }

  /**
   * Parses a request.
   *
   * @param rawUri the request URI as sent ({@code HttpServletRequest#getRequestURI()})
   * @param rawQuery the query as sent, or null
   * @return empty if the URI is not below the endpoint
   * @throws ImageGateException with {@link Failure#BAD_URL} for malformed URLs
   */
  public Optional<ImageRequest> parse(String rawUri, String rawQuery) {
    if (!rawUri.startsWith(endpoint + "/")) {
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
        canonical(afterEndpoint)
            + (remaining.isEmpty() ? "" : "?" + canonical(rawQueryOf(rawQuery, remaining.size())));
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
      for (String pair : rawQuery.split("&", -1)) {
        int eq = pair.indexOf('=');
        String rawName = eq < 0 ? pair : pair.substring(0, eq);
        String rawValue = eq < 0 ? "" : pair.substring(eq + 1);
        params.add(new QueryParam(decode(rawName, true, "a query parameter name"), rawValue));
      }
      return params;
    }
  }
}
