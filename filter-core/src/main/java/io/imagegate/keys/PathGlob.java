package io.imagegate.keys;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;

/**
 * A glob over image paths relative to the root, such as {@code /originals/**}: {@code *} stays
 * inside one segment, {@code **} crosses segments. A pattern ending in {@code /**} also matches the
 * folder itself.
 */
public final class PathGlob {
  private final String pattern;
  private final PathMatcher matcher;
  private final PathMatcher folderMatcher;

  private PathGlob(String pattern, PathMatcher matcher, PathMatcher folderMatcher) {
    this.pattern = pattern;
    this.matcher = matcher;
    this.folderMatcher = folderMatcher;
  }

  /**
   * Compiles a pattern; a leading {@code /} is optional.
   *
   * @throws IllegalArgumentException if the glob syntax is invalid
   */
  public static PathGlob compile(String pattern) {
    String body = pattern.startsWith("/") ? pattern.substring(1) : pattern;
    if (body.isEmpty()) {
      throw new IllegalArgumentException("empty pattern");
    }
    var fs = FileSystems.getDefault();
    PathMatcher matcher = fs.getPathMatcher("glob:" + body);
    PathMatcher folder =
        body.endsWith("/**")
            ? fs.getPathMatcher("glob:" + body.substring(0, body.length() - 3))
            : null;
    return new PathGlob(pattern, matcher, folder);
  }

  /** Whether the relative path (segments joined by {@code /}, no leading slash) matches. */
  public boolean matches(String relativePath) {
    Path path = Path.of(relativePath);
    return matcher.matches(path) || (folderMatcher != null && folderMatcher.matches(path));
  }

  @Override
  public String toString() {
    return pattern;
  }
}
