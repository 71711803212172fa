package io.imagegate.response;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;

/**
 * Conditional GET (RFC 9110 §13): {@code If-None-Match} wins over {@code If-Modified-Since}. Asked
 * only after authorization, so a 304 never confirms that a protected file exists.
 *
 * <p>{@code If-Modified-Since} matches only the exact date sent (to the second, like nginx's {@code
 * if_modified_since exact}): a file replaced by an older copy ({@code cp -p}) or a symlink
 * retargeted to an older file has a different date, so it is sent again, never answered 304.
 * Responses without a {@code Last-Modified} (variants) ignore it.
 */
final class Conditional {
  private Conditional() {}

  /** Whether the client's cached copy is current, so a 304 is the answer. */
  /**
   * @param lastModified the date sent as {@code Last-Modified}, or null if none was sent
   */
  static boolean notModified(HttpServletRequest request, String etag, Instant lastModified) {
    String ifNoneMatch = request.getHeader("If-None-Match");
    if (ifNoneMatch != null) {
      return matches(ifNoneMatch, etag);
    }
    if (lastModified == null) {
      return false;
    }
    long since;
    try {
      since = request.getDateHeader("If-Modified-Since");
    } catch (IllegalArgumentException e) {
      return false;
    }
    return since >= 0 && lastModified.getEpochSecond() == since / 1000;
  }

  /** Weak comparison of an {@code If-None-Match} list with a tag. */
  static boolean matches(String header, String etag) {
    String opaque = stripWeak(etag);
    for (String candidate : header.split(",")) {
      String tag = candidate.trim();
      if (tag.equals("*") || stripWeak(tag).equals(opaque)) {
        return true;
      }
    }
    return false;
  }

  private static String stripWeak(String tag) {
    return tag.startsWith("W/") ? tag.substring(2) : tag;
  }
}
