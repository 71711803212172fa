package io.imagegate.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.github.benmanes.caffeine.cache.Ticker;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Marker files ({@code .private} by default) that make images need a signature. A marker in a
 * folder lists globs, one a line ({@code #} starts a comment), matched against paths relative to
 * that folder ({@code *.jpg} matches its own files, {@code ** /raw/*} deeper ones); a marker with
 * no globs marks the folder and everything below it. Markers are re-read at least once a second, so
 * edits take effect without a restart: each marker is trusted for {@value #FRESHNESS_MILLIS} ms by
 * the injected clock, and each path's answer only as long as the oldest marker it was decided from
 * (so a path asked again costs one cache lookup, and is never staler than its markers).
 *
 * <p>A marker is read exactly or not at all: a BOM, CRLF or CR line ends and whitespace of any kind
 * around a glob (Unicode spaces included) are understood; a marker that is a symbolic link (never
 * followed), a directory or other non-regular file, larger than 64 KiB, not UTF-8, unreadable or
 * holding a glob that cannot be compiled makes its whole folder private, with one warning.
 */
final class PrivateMarkers {
  private static final System.Logger LOG = System.getLogger(PrivateMarkers.class.getName());

  /** Markers are small; a larger one marks its whole folder (it cannot be read completely). */
  private static final int MAX_MARKER_BYTES = 64 * 1024;

  /** How long a marker read is trusted. */
  static final long FRESHNESS_MILLIS = 900;

  private static final Duration FRESHNESS = Duration.ofMillis(FRESHNESS_MILLIS);

  private final Path root;
  private final String markerName;
  private final Ticker ticker;
  private final LoadingCache<String, Loaded> markers;
  private final Cache<String, Decision> decisions;
  private final Map<String, String> warned = new ConcurrentHashMap<>();

  /**
   * @param root the image root (a real path)
   * @param markerName the marker file name, e.g. {@code .private}
   * @param clock decides when a cached marker is stale (tests advance it)
   */
  PrivateMarkers(Path root, String markerName, Clock clock) {
    this.root = root;
    this.markerName = markerName;
    this.ticker = () -> clock.millis() * 1_000_000L;
    this.markers =
        Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfterWrite(FRESHNESS)
            .ticker(ticker)
            .build(folder -> new Loaded(load(folder), ticker.read()));
    this.decisions =
        Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfter(new UntilOldestMarkerIsStale())
            .ticker(ticker)
            .build();
  }

  /**
   * A path's answer lives as long as the oldest marker it was decided from stays fresh. Written out
   * in full rather than with {@code Expiry.creating} (Caffeine 3.2), so that the filter also runs
   * on the Caffeine that Spring Boot 3.3 manages (3.1.8).
   */
  private final class UntilOldestMarkerIsStale implements Expiry<String, Decision> {
    @Override
    public long expireAfterCreate(String path, Decision decision, long currentTime) {
      return Math.max(0, decision.oldest() + FRESHNESS.toNanos() - currentTime);
    }

    @Override
    public long expireAfterUpdate(
        String path, Decision decision, long currentTime, long currentDuration) {
      return expireAfterCreate(path, decision, currentTime);
    }

    @Override
    public long expireAfterRead(
        String path, Decision decision, long currentTime, long currentDuration) {
      return currentDuration;
    }
  }

  /** A marker and when it was read (ticker nanos). */
  private record Loaded(Marker marker, long readAt) {}

  /**
   * A path's answer (which marker and line makes it private, if any) and when the oldest marker it
   * came from was read.
   */
  private record Decision(java.util.Optional<String> why, long oldest) {}

  /**
   * Whether an image is marked private.
   *
   * @param relativePath a checked path below the root, segments joined by {@code /}
   */
  boolean isPrivate(String relativePath) {
    return why(relativePath).isPresent();
  }

  /**
   * Which marker makes an image private, for {@code explain}: the marker file (relative to the
   * root) and the line whose glob matched, or why it marks its whole folder; empty if none does.
   *
   * @param relativePath a checked path below the root, segments joined by {@code /}
   */
  java.util.Optional<String> why(String relativePath) {
    return decisions.get(relativePath, this::decide).why();
  }

  private Decision decide(String relativePath) {
    String[] segments = relativePath.split("/");
    StringBuilder folder = new StringBuilder();
    long oldest = Long.MAX_VALUE;
    for (int i = 0; i < segments.length; i++) {
      Loaded loaded = markers.get(folder.toString());
      oldest = Math.min(oldest, loaded.readAt());
      java.util.Optional<String> match =
          loaded
              .marker()
              .match(
                  String.join("/", java.util.Arrays.asList(segments).subList(i, segments.length)));
      if (match.isPresent()) {
        String file = folder.length() == 0 ? markerName : folder + "/" + markerName;
        return new Decision(
            java.util.Optional.of("marker file " + file + " " + match.get()), oldest);
      }
      if (i < segments.length - 1) {
        if (folder.length() > 0) {
          folder.append('/');
        }
        folder.append(segments[i]);
      }
    }
    return new Decision(java.util.Optional.empty(), oldest);
  }

  private Marker load(String folder) {
    Path file = (folder.isEmpty() ? root : root.resolve(folder)).resolve(markerName);
    BasicFileAttributes attributes;
    try {
      attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (NoSuchFileException e) {
      forget(folder);
      return Marker.NONE;
    } catch (IOException | SecurityException e) {
      return unreadable(folder, "cannot be examined (" + e.getClass().getSimpleName() + ")");
    }
    if (attributes.isSymbolicLink()) {
      return unreadable(folder, "is a symbolic link, which is not followed");
    }
    if (!attributes.isRegularFile()) {
      return unreadable(folder, "is not a regular file");
    }
    if (attributes.size() > MAX_MARKER_BYTES) {
      return unreadable(folder, "is larger than " + MAX_MARKER_BYTES + " bytes");
    }
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
      bytes = in.readNBytes(MAX_MARKER_BYTES + 1);
    } catch (NoSuchFileException e) {
      forget(folder);
      return Marker.NONE;
    } catch (IOException | SecurityException e) {
      return unreadable(folder, "cannot be read (" + e.getClass().getSimpleName() + ")");
    }
    if (bytes.length > MAX_MARKER_BYTES) {
      return unreadable(folder, "is larger than " + MAX_MARKER_BYTES + " bytes");
    }
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
    } catch (CharacterCodingException e) {
      return unreadable(folder, "is not UTF-8");
    }
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    List<Glob> globs = new ArrayList<>();
    String[] lines = text.split("\\R", -1);
    for (int number = 1; number <= lines.length; number++) {
      String glob = stripSpaces(lines[number - 1]);
      if (glob.isEmpty() || glob.startsWith("#")) {
        continue;
      }
      try {
        globs.add(
            new Glob(
                FileSystems.getDefault()
                    .getPathMatcher("glob:" + (glob.startsWith("/") ? glob.substring(1) : glob)),
                number,
                glob));
      } catch (IllegalArgumentException e) {
        return unreadable(folder, "holds a glob that cannot be read");
      }
    }
    forget(folder);
    return globs.isEmpty() ? Marker.EMPTY : new Marker(globs, "");
  }

  /**
   * A marker that cannot be read completely and exactly makes its whole folder private (fail
   * closed), with one warning per marker and problem (not one per request).
   */
  private Marker unreadable(String folder, String problem) {
    if (!problem.equals(warned.put(folder, problem))) {
      LOG.log(
          System.Logger.Level.WARNING,
          "imagegate: the marker file "
              + markerName
              + " in the image folder '"
              + (folder.isEmpty() ? "/" : folder)
              + "' "
              + problem
              + "; the whole folder is treated as private");
    }
    return new Marker(List.of(), "marks its whole folder: it " + problem);
  }

  private void forget(String folder) {
    warned.remove(folder);
  }

  /** Strips whitespace of every kind from both ends: ASCII, Unicode spaces (NBSP...), BOMs. */
  static String stripSpaces(String line) {
    int start = 0;
    int end = line.length();
    while (start < end && isSpace(line.charAt(start))) {
      start++;
    }
    while (end > start && isSpace(line.charAt(end - 1))) {
      end--;
    }
    return line.substring(start, end);
  }

  private static boolean isSpace(char c) {
    return Character.isWhitespace(c)
        || Character.isSpaceChar(c)
        || c == '\uFEFF'
        || c == '\u200B'
        || c == '\u0085';
  }

  /** One glob of a marker, with its line for {@code explain}. */
  private record Glob(PathMatcher matcher, int line, String text) {}

  /**
   * One folder's marker: nothing, the whole folder (and why: {@code whole} is not empty), or some
   * globs.
   */
  private record Marker(List<Glob> globs, String whole) {
    static final Marker NONE = new Marker(List.of(), "");
    static final Marker EMPTY = new Marker(List.of(), "has no globs: it marks its whole folder");

    java.util.Optional<String> match(String relative) {
      if (!whole.isEmpty()) {
        return java.util.Optional.of(whole);
      }
      Path path = Path.of(relative);
      for (Glob glob : globs) {
        if (glob.matcher().matches(path)) {
          return java.util.Optional.of("line " + glob.line() + " `" + glob.text() + "`");
        }
      }
      return java.util.Optional.empty();
    }
  }
}
