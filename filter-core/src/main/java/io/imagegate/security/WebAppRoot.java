package io.imagegate.security;

import io.imagegate.config.ConfigException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;

/**
 * Refuses, at start-up, an image root whose files the container could serve around the filter.
 * Inside the web app's own files, the only root allowed is the web app's folder at the endpoint
 * ({@code <webapp>/img} for {@code /img}, the default), and only when the filter's own URL patterns
 * cover that folder's URLs: then every URL the container would map to one of its files reaches the
 * filter first, with the same relative path. A root anywhere else in the web app, or one that holds
 * the web app, would leave its files reachable at another URL of the same web app.
 */
public final class WebAppRoot {
  private WebAppRoot() {}

  /**
   * @param root the image root, a real path
   * @param webAppDir the web app's own files ({@code getRealPath("/")}), or null if it has none on
   *     disk (embedded servers, packed WARs), in which case nothing can be served around the filter
   * @param endpoint the endpoint inside the context, e.g. {@code /img}
   * @param urlPatterns the filter's URL patterns, or null if the container does not say
   * @throws ConfigException naming {@code root}
   */
  public static void check(
      Path root, String webAppDir, String endpoint, Collection<String> urlPatterns) {
    if (webAppDir == null) {
      return;
    }
    Path web;
    try {
      web = Path.of(webAppDir).toRealPath();
    } catch (IOException | RuntimeException e) {
      return;
    }
    if (!root.startsWith(web) && !web.startsWith(root)) {
      return;
    }
    Path expected = web.resolve(endpoint.replaceAll("^/+", "")).normalize();
    if (root.equals(expected) && covers(urlPatterns, endpoint)) {
      return;
    }
    String where =
        root.startsWith(web)
            ? "lies inside the web app's own files, which the container serves at '/"
                + web.relativize(root).toString().replace('\\', '/')
                + "/...' without the filter"
            : "holds the web app's own files, which the container serves without the filter";
    throw new ConfigException(
        "root: '"
            + root
            + "' "
            + where
            + "; use a directory outside the web app, or leave root unset to use the web app's"
            + " folder '"
            + endpoint
            + "' with the filter mapped to '"
            + endpoint
            + "/*'");
  }

  /** Whether one of the filter's patterns sends every URL below the endpoint to it. */
  static boolean covers(Collection<String> patterns, String endpoint) {
    if (patterns == null) {
      return false;
    }
    String base = endpoint.endsWith("/") ? endpoint.substring(0, endpoint.length() - 1) : endpoint;
    for (String pattern : patterns) {
      if (pattern.equals("/*") || pattern.equals("/")) {
        return true;
      }
      if (pattern.endsWith("/*")) {
        String prefix = pattern.substring(0, pattern.length() - 2);
        if (base.equals(prefix) || base.startsWith(prefix + "/")) {
          return true;
        }
      }
    }
    return false;
  }
}
