package io.imagegate.transform.geometry;

import io.imagegate.transform.model.CropMode;
import io.imagegate.transform.model.Focus;
import io.imagegate.transform.model.Step;
import io.imagegate.transform.model.Values;
import java.util.OptionalInt;

/**
 * Plans {@code cm-extract} and {@code cm-pad_extract}: a region cut out of the unscaled input, each
 * axis on its own. See {@link GeometryPlanner} for the rules.
 */
final class ExtractPlanner {
  private final int maxDimension;

  public ExtractPlanner(int maxDimension) {
    this.maxDimension = maxDimension;
  }

  public ResizePlan plan(Size in, Integer w, Integer h, Step step, Focus focus) {
    boolean pad = step.cropMode().orElseThrow() == CropMode.PAD_EXTRACT;
    Span across = span(in.width(), w, step.x(), step.xc(), focus.horizontal(), pad);
    Span down = span(in.height(), h, step.y(), step.yc(), focus.vertical(), pad);
    if (across.canvas() > maxDimension || down.canvas() > maxDimension) {
      throw Values.bad(
          "the extracted region would be %dx%d pixels, above the limit of %d",
          across.canvas(), down.canvas(), maxDimension);
    }
    Rect region = new Rect(across.start(), down.start(), across.length(), down.length());
    boolean auto = focus == Focus.AUTO && (across.byFocus() || down.byFocus());
    return new ResizePlan(
        in.width(),
        in.height(),
        in.width(),
        in.height(),
        region,
        region,
        across.canvas(),
        down.canvas(),
        across.offset(),
        down.offset(),
        auto);
  }

  /**
   * One axis of the region.
   *
   * @param start first input pixel kept
   * @param length input pixels kept
   * @param canvas output pixels on this axis
   * @param offset where the kept pixels start on the output
   * @param byFocus whether the focus chose the start among several possible ones
   */
  public record Span(int start, int length, int canvas, int offset, boolean byFocus) {}

  public static Span span(
      int source,
      Integer requested,
      OptionalInt edge,
      OptionalInt centre,
      int direction,
      boolean pad) {
    long size = requested == null ? source : requested;
    long start;
    if (edge.isPresent()) {
      start = edge.getAsInt();
    } else if (centre.isPresent()) {
      start = centre.getAsInt() - size / 2;
    } else {
      start = GeometryPlanner.anchor(source - size, direction);
    }
    boolean byFocus = edge.isEmpty() && centre.isEmpty() && size < source;
    if (size <= source) {
      start = Math.max(0, Math.min(source - size, start));
      return new Span((int) start, (int) size, (int) size, 0, byFocus);
    }
    if (!pad) {
      return new Span(0, source, source, 0, false);
    }
    // The region is wider than the input: the input lies wholly inside it, padded around.
    start = Math.max(source - size, Math.min(0, start));
    return new Span(0, source, (int) size, (int) -start, false);
  }
}
