package io.imagegate.transform;

import static io.imagegate.transform.model.Values.bad;
import static io.imagegate.transform.model.Values.echo;

/** Overlay image paths as written in a URL ({@code oi-}, {@code i-}) and back. */
final class OverlayPaths {
  private OverlayPaths() {}

  /**
   * An overlay image path: {@code @@} stands for {@code /} and one leading {@code /} is dropped.
   * Rejects what could leave the image root or confuse a file system: empty paths, empty, {@code .}
   * or {@code ..} segments, backslashes, control characters and broken surrogates. The source
   * resolver still confines the path to the root; this is the first, cheap line.
   */
  static String parse(String key, String value) {
    String path = decode(value);
    if (path.isEmpty()) {
      throw bad("%s needs an image path, got '%s'", key, echo(value));
    }
    boolean forbidden =
        path.codePoints()
            .anyMatch(
                cp ->
                    cp == '\\'
                        || Character.isISOControl(cp)
                        || Character.getType(cp) == Character.SURROGATE);
    if (forbidden) {
      throw bad(
          "%s path contains a forbidden character (control, backslash), got '%s'",
          key, echo(value));
    }
    for (String segment : path.split("/", -1)) {
      if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
        throw bad(
            "%s path must not contain empty, '.' or '..' segments, got '%s'", key, echo(value));
      }
    }
    // No further check is needed for the canonical form: a run of k '@' decodes to k/2 '/' and
    // then at most one '@', so encode(path) always reads back to the same path.
    return path;
  }

  /** A path as written in a URL: every {@code /} becomes {@code @@}. */
  static String encode(String path) {
    return path.replace("/", "@@");
  }

  private static String decode(String value) {
    String path = value.replace("@@", "/");
    return path.startsWith("/") ? path.substring(1) : path;
  }
}
