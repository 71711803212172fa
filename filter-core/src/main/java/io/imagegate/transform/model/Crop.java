package io.imagegate.transform.model;

import java.util.Locale;
import java.util.Optional;

/** The {@code c} parameter: how {@code w} and {@code h} together shape the output. */
public enum Crop {
  /** Default: exactly w×h, scaled to cover and cropped around the focus. */
  MAINTAIN_RATIO,
  /** Exactly w×h, squashed: the aspect ratio is not kept. */
  FORCE,
  /** Fit inside w×h keeping the ratio; never enlarges the image. */
  AT_MAX,
  /** Fit inside w×h keeping the ratio; may enlarge the image. */
  AT_MAX_ENLARGE,
  /** Cover w×h keeping the ratio, without cropping: both sides end up at least as requested. */
  AT_LEAST;

  /** The value as written in a URL, e.g. {@code at_max}. */
  public String token() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Crop> fromToken(String token) {
    for (Crop c : values()) {
      if (c.token().equals(token)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }
}
