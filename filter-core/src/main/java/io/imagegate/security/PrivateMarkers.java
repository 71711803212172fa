package io.imagegate.security;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.github.benmanes.caffeine.cache.Ticker;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Marker files ({@code .private} by default) that make images need a signature. A marker in a
 * folder lists globs, one a line ({@code #} starts a comment), matched against paths relative to
 * that folder ({@code *.jpg} matches its own files, {@code ** /raw/*} deeper ones); a marker with
 * no globs marks the folder and everything below it. Markers are re-read at least once a second, so
 * edits take effect without a restart.
 */
public final class PrivateMarkers {
  /** Markers are small; a larger one is read only this far. */
  private static final int MAX_MARKER_BYTES = 64 * 1024;

  private static final Duration FRESHNESS = Duration.ofMillis(900);

  private final Path root;
  private final String markerName;
  private final LoadingCache<String, Marker> markers;

  /**
   * @param root the image root (a real path)
   * @param markerName the marker file name, e.g. {@code .private}
   * @param clock decides when a cached marker is stale (tests advance it)
   */
  public PrivateMarkers(Path root, String markerName, Clock clock) {
    this.root = root;
    this.markerName = markerName;
    Ticker ticker = () -> clock.millis() * 1_000_000L;
    this.markers =
        Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfterWrite(FRESHNESS)
            .ticker(ticker)
            .build(this::load);
  }

  /**
   * Whether an image is marked private.
   *
   * @param relativePath a checked path below the root, segments joined by {@code /}
   */
  public boolean isPrivate(String relativePath) {
    String[] segments = relativePath.split("/");
    StringBuilder folder = new StringBuilder();
    for (int i = 0; i < segments.length; i++) {
      Marker marker = markers.get(folder.toString());
      if (marker.matches(
          String.join("/", java.util.Arrays.asList(segments).subList(i, segments.length)))) {
        return true;
      }
      if (i < segments.length - 1) {
        if (folder.length() > 0) {
          folder.append('/');
        }
        folder.append(segments[i]);
      }
    }
    return false;
  }

  private Marker load(String folder) {
    Path file = (folder.isEmpty() ? root : root.resolve(folder)).resolve(markerName);
    if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
      return Marker.NONE;
    }
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
      bytes = in.readNBytes(MAX_MARKER_BYTES);
    } catch (NoSuchFileException e) {
      return Marker.NONE;
    } catch (IOException e) {
      // An unreadable marker still marks: fail closed.
      return Marker.WHOLE_FOLDER;
    }
    List<PathMatcher> globs = new ArrayList<>();
    for (String line : new String(bytes, StandardCharsets.UTF_8).split("\\R")) {
      String glob = line.strip();
      if (glob.isEmpty() || glob.startsWith("#")) {
        continue;
      }
      try {
        globs.add(
            FileSystems.getDefault()
                .getPathMatcher("glob:" + (glob.startsWith("/") ? glob.substring(1) : glob)));
      } catch (IllegalArgumentException e) {
        // A glob we cannot read still marks its folder: fail closed.
        return Marker.WHOLE_FOLDER;
      }
    }
    return globs.isEmpty() ? Marker.WHOLE_FOLDER : new Marker(globs, false);
  }

  /** One folder's marker: nothing, the whole folder, or some globs. */
  private record Marker(List<PathMatcher> globs, boolean wholeFolder) {
    static final Marker NONE = new Marker(List.of(), false);
    static final Marker WHOLE_FOLDER = new Marker(List.of(), true);

    boolean matches(String relative) {
      if (wholeFolder) {
        return true;
      }
      Path path = Path.of(relative);
      for (PathMatcher glob : globs) {
        if (glob.matches(path)) {
          return true;
        }
      }
      return false;
    }
  }
}
