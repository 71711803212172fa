package io.imagegate.transform.model;

import java.util.Locale;
import java.util.Optional;

/**
 * Where a crop is anchored ({@code fo}), where a padded image sits on its canvas, and where an
 * overlay is placed ({@code ofo}/{@code lfo}, which accept every value but {@link #AUTO}).
 */
public enum Focus {
  CENTER(0, 0),
  TOP(0, -1),
  LEFT(-1, 0),
  BOTTOM(0, 1),
  RIGHT(1, 0),
  TOP_LEFT(-1, -1),
  TOP_RIGHT(1, -1),
  BOTTOM_LEFT(-1, 1),
  BOTTOM_RIGHT(1, 1),
  /** Content-aware: the planner centres the crop and a later step moves it onto the subject. */
  AUTO(0, 0);

  private final int horizontal;
  private final int vertical;

  Focus(int horizontal, int vertical) {
    this.horizontal = horizontal;
    this.vertical = vertical;
  }

  /** -1 for the left edge, 0 for the middle, 1 for the right edge. */
  public int horizontal() {
    return horizontal;
  }

  /** -1 for the top edge, 0 for the middle, 1 for the bottom edge. */
  public int vertical() {
    return vertical;
  }

  /** The value as written in a URL, e.g. {@code bottom_right}. */
  public String token() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Focus> fromToken(String token) {
    for (Focus f : values()) {
      if (f.token().equals(token)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }
}
