package io.imagegate.transform.model;

import io.imagegate.source.ImageFormat;
import java.util.Locale;
import java.util.Optional;

/** The {@code f} parameter. {@code jpeg} is read as {@link #JPG}, so both give one cache entry. */
public enum OutputFormat {
  /**
   * AVIF, then WebP when the client accepts it and the server has the codec, else the source's
   * format (decided per request).
   */
  AUTO,
  JPG,
  PNG,
  WEBP,
  GIF,
  /** Needs libavif on the server; 415 {@code format_unavailable} without it. */
  AVIF;

  /** The value as written in a canonical URL, e.g. {@code jpg}. */
  public String token() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The concrete format, or empty for {@link #AUTO}, which is resolved per request. */
  public Optional<ImageFormat> imageFormat() {
    return this == AUTO ? Optional.empty() : ImageFormat.fromName(token());
  }

  public static Optional<OutputFormat> fromToken(String token) {
    if (token.equals("jpeg")) {
      return Optional.of(JPG);
    }
    for (OutputFormat f : values()) {
      if (f.token().equals(token)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }
}
