package io.imagegate.source;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.imagegate.failure.Failure;
import io.imagegate.failure.ImageGateException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Finds files below the image root and nowhere else: the relative path (already decoded once and
 * checked by {@link io.imagegate.request.ImagePaths}) is resolved, normalised, turned into a real
 * path with {@link Path#toRealPath}, and must then start with the root's real path ({@link
 * Path#startsWith}, segment-wise: {@code /srv/img-private} is not inside {@code /srv/img}).
 * Anything else, missing or hidden is the same 404, so probing learns nothing. Never writes.
 *
 * <p>Built with a clock, it keeps each path's answer (the source, or "not found") for {@link
 * #FRESHNESS} by that clock, as {@link io.imagegate.security.PrivateMarkers} keeps markers: a cache
 * hit then costs no {@code toRealPath} and no {@code stat}, and a file created, changed, replaced,
 * retargeted or removed is seen within that time, never later.
 */
public final class SourceResolver {
  /** How long a resolved path is trusted: under a second, like a marker. */
  public static final Duration FRESHNESS = Duration.ofMillis(900);

  private final Path root;
  private final Cache<Version, Optional<ImageFormat>> formats =
      Caffeine.newBuilder().maximumSize(10_000).build();

  /** Each path's answer, or null to resolve every time. */
  private final Cache<String, Optional<Source>> resolved;

  /**
   * A resolver that looks at the file system on every call.
   *
   * @param root the image root, as a real path
   */
  public SourceResolver(Path root) {
    this.root = root;
    this.resolved = null;
  }

  /**
   * A resolver that trusts each answer for {@link #FRESHNESS}.
   *
   * @param root the image root, as a real path
   * @param clock decides when an answer is stale (tests advance it)
   */
  public SourceResolver(Path root, Clock clock) {
    this.root = root;
    Ticker ticker = () -> clock.millis() * 1_000_000L;
    this.resolved =
        Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfterWrite(FRESHNESS)
            .ticker(ticker)
            .build();
  }

  /**
   * Resolves a relative path to a regular file inside the root.
   *
   * @throws ImageGateException 404 if it is missing, not a regular file, outside the root, or
   *     hidden behind a symlink to a dotfile or into a {@code WEB-INF} or {@code META-INF} folder
   */
  public Source resolve(String relativePath) {
    Optional<Source> source =
        resolved == null ? lookUp(relativePath) : resolved.get(relativePath, this::lookUp);
    return source.orElseThrow(SourceResolver::notFound);
  }

  /** The file system's answer now; empty for every kind of "not found". */
  private Optional<Source> lookUp(String relativePath) {
    try {
      return Optional.of(read(relativePath));
    } catch (ImageGateException e) {
      return Optional.empty();
    }
  }

  private Source read(String relativePath) {
    Path real;
    BasicFileAttributes attributes;
    try {
      Path candidate = root.resolve(relativePath).normalize();
      if (!candidate.startsWith(root)) {
        throw notFound();
      }
      real = candidate.toRealPath();
      if (!real.startsWith(root) || real.equals(root)) {
        throw notFound();
      }
      for (Path segment : root.relativize(real)) {
        String name = segment.toString();
        if (name.startsWith(".")
            || name.equalsIgnoreCase("WEB-INF")
            || name.equalsIgnoreCase("META-INF")) {
          throw notFound();
        }
      }
      attributes = Files.readAttributes(real, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (IOException | InvalidPathException | SecurityException e) {
      throw notFound();
    }
    if (!attributes.isRegularFile()) {
      throw notFound();
    }
    Instant modified = attributes.lastModifiedTime().toInstant();
    // The format is read from the bytes once per version of a file, not on every request.
    Optional<ImageFormat> format =
        formats.get(new Version(real, attributes.size(), modified), version -> sniff(real));
    String identity = root.relativize(real).toString().replace('\\', '/');
    return new Source(real, attributes.size(), modified, format.orElse(null), identity);
  }

  /** One version of a file: a changed size or modification time is read again. */
  private record Version(Path realPath, long size, Instant lastModified) {}

  private static Optional<ImageFormat> sniff(Path file) {
    // Enough for an SVG whose root element follows a long XML prolog or comments.
    byte[] head = new byte[ImageFormat.SVG_SNIFF_BYTES];
    int n;
    try (InputStream in = Files.newInputStream(file)) {
      n = in.readNBytes(head, 0, head.length);
    } catch (IOException e) {
      throw notFound();
    }
    return ImageFormat.sniff(head, n);
  }

  private static ImageGateException notFound() {
    return new ImageGateException(Failure.NOT_FOUND, "no such image");
  }
}
