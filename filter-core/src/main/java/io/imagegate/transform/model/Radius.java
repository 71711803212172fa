package io.imagegate.transform.model;

/**
 * The {@code r-N|max} parameter: rounded corners.
 *
 * @param pixels the corner radius in pixels, or 0 when {@code max}
 * @param max whether the corners are as round as possible (a circle or ellipse)
 */
public record Radius(int pixels, boolean max) {

  /** Rejects a radius that is both or neither. */
  public Radius {
    if (max ? pixels != 0 : pixels < 1) {
      throw new IllegalArgumentException("a radius is pixels > 0 or max, got " + pixels);
    }
  }

  /** The canonical text: {@code 20} or {@code max}. */
  public String token() {
    return max ? "max" : Integer.toString(pixels);
  }
}
