package io.imagegate.request;

import io.imagegate.failure.Failure;
import io.imagegate.failure.ImageGateException;

/**
 * Turns the raw path of a URL into a path below the image root, or refuses it. Decodes once, then
 * rejects anything that could mean something else to a file system: {@code .} and {@code ..}
 * segments, empty segments, backslashes, NUL and control characters, and {@code ;} path parameters.
 * What passes is still resolved with {@code toRealPath} and checked against the root later; this is
 * the first of two fences.
 */
public final class ImagePaths {
  private ImagePaths() {}

  /**
   * Decodes and checks a raw path.
   *
   * @throws ImageGateException with {@link Failure#BAD_URL}
   */
  static String decode(String rawPath) {
    if (rawPath.indexOf(';') >= 0) {
      throw bad("path parameters (';') are not allowed");
    }
    String path;
    try {
      path = UriText.decode(rawPath, false);
    } catch (IllegalArgumentException e) {
      throw bad("the path has a malformed percent-escape or invalid UTF-8");
    }
    return check(path);
  }

  /**
   * Checks an already-decoded relative path (also used for overlay paths).
   *
   * @throws ImageGateException with {@link Failure#BAD_URL}
   */
  public static String check(String path) {
    if (path.isEmpty()) {
      throw bad("the URL names no image");
    }
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (c < 0x20 || c == 0x7F) {
        throw bad("the path contains a control character");
      }
      if (c == '\\') {
        throw bad("the path contains a backslash");
      }
    }
    // Each segment, as split("/", -1) would give it, without the array.
    int start = 0;
    while (true) {
      int slash = path.indexOf('/', start);
      int end = slash < 0 ? path.length() : slash;
      int length = end - start;
      if (length == 0) {
        throw bad("the path contains an empty segment ('//' or a leading or trailing '/')");
      }
      if (path.charAt(start) == '.'
          && (length == 1 || (length == 2 && path.charAt(start + 1) == '.'))) {
        throw bad("the path contains a '.' or '..' segment");
      }
      if (slash < 0) {
        return path;
      }
      start = slash + 1;
    }
  }

  private static ImageGateException bad(String message) {
    return new ImageGateException(Failure.BAD_URL, message);
  }
}
