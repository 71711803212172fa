package io.imagegate.transform.model;

import java.util.Locale;
import java.util.Optional;

/** The {@code cm} parameter: padding and extraction modes that complement {@link Crop}. */
public enum CropMode {
  /** Fit inside w×h, then pad to exactly w×h with {@code bg}, the image placed by {@code fo}. */
  PAD_RESIZE,
  /** Cut a w×h region out of the input without scaling, placed by x/y, xc/yc or {@code fo}. */
  EXTRACT,
  /** Like {@link #EXTRACT}, but pads with {@code bg} where the region is larger than the input. */
  PAD_EXTRACT;

  /** The value as written in a URL, e.g. {@code pad_resize}. */
  public String token() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether this mode cuts a region out of the unscaled input. */
  public boolean extracts() {
    return this != PAD_RESIZE;
  }

  public static Optional<CropMode> fromToken(String token) {
    for (CropMode m : values()) {
      if (m.token().equals(token)) {
        return Optional.of(m);
      }
    }
    return Optional.empty();
  }
}
