package io.imagegate.transform.pipeline;

import io.imagegate.transform.model.Focus;
import io.imagegate.transform.model.Overlay;
import java.util.OptionalInt;

/**
 * Where an overlay's top-left corner lands on the image below it, per axis, as ImageKit places
 * layers: an offset ({@code ox}/{@code lx}, {@code oy}/{@code ly}) wins on its axis; without one,
 * the position ({@code ofo}/{@code lfo}, centre by default) puts the overlay against that edge or
 * in the middle. A positive offset is the distance of the overlay's left (top) edge from the base's
 * left (top) edge; a negative one, the distance of the overlay's right (bottom) edge from the
 * base's right (bottom) edge, so that {@code ox-N10} keeps a logo 10 px inside the right edge.
 * Offsets are multiplied by the scale ({@code dpr}). The result may lie partly or wholly outside
 * the base; drawing clips it.
 *
 * @param x the overlay's left edge on the base
 * @param y the overlay's top edge on the base
 */
record OverlayPlacement(int x, int y) {

  /**
   * @param overlay the overlay as parsed
   * @param baseWidth the width of the image it is drawn on
   * @param baseHeight its height
   * @param width the rendered overlay's width
   * @param height its height
   * @param scale the base image's scale ({@code dpr}), applied to offsets
   */
  static OverlayPlacement of(
      Overlay overlay, int baseWidth, int baseHeight, int width, int height, double scale) {
    return of(
        overlay, overlay.x(), scale, overlay.y(), scale, baseWidth, baseHeight, width, height);
  }

  /**
   * As {@link #of(Overlay, int, int, int, int, double)} with the offsets and their scales given: an
   * offset from an arithmetic expression is in the base image's pixels already (scale 1).
   */
  static OverlayPlacement of(
      Overlay overlay,
      OptionalInt x,
      double xScale,
      OptionalInt y,
      double yScale,
      int baseWidth,
      int baseHeight,
      int width,
      int height) {
    Focus position = overlay.position().orElse(Focus.CENTER);
    return new OverlayPlacement(
        axis(x, position.horizontal(), baseWidth, width, xScale),
        axis(y, position.vertical(), baseHeight, height, yScale));
  }

  private static int axis(OptionalInt offset, int direction, int base, int size, double scale) {
    long spare = (long) base - size;
    long start;
    if (offset.isPresent()) {
      long distance = Math.round(offset.getAsInt() * scale);
      start = distance >= 0 ? distance : spare + distance;
    } else if (direction < 0) {
      start = 0;
    } else if (direction > 0) {
      start = spare;
    } else {
      start = Math.floorDiv(spare, 2);
    }
    // Anything beyond these bounds draws nothing; clamping keeps the arithmetic in int range.
    return (int) Math.max(-(long) size, Math.min(base, start));
  }
}
