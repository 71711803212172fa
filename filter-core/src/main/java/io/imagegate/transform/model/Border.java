package io.imagegate.transform.model;

import java.util.Objects;

/**
 * The {@code b-W_RRGGBB} parameter: a border drawn around the image.
 *
 * @param width border width in pixels, at least 1
 * @param color the border colour
 */
public record Border(int width, Color color) {

  /** Rejects a border without width or colour. */
  public Border {
    if (width < 1) {
      throw new IllegalArgumentException("border width must be 1 or more, got " + width);
    }
    Objects.requireNonNull(color, "color");
  }

  /** The canonical text, e.g. {@code 5_FF0000}. */
  public String token() {
    return width + "_" + color.hex();
  }
}
