package io.imagegate.transform;

import static io.imagegate.transform.model.Values.bad;

import io.imagegate.transform.model.Arithmetic;
import io.imagegate.transform.model.Dimension;
import io.imagegate.transform.model.Overlay;
import io.imagegate.transform.model.Param;
import io.imagegate.transform.model.TextLayer;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Closes a layer ({@code l-end}) of a {@link StepDraft}: checks what an image layer, a colour block
 * ({@code i-ik_canvas}) or a text layer must have, moves the values and expressions of the rows
 * that belong to the {@link Overlay} (its size, position, opacity) and to the {@link TextLayer}
 * there, and nests the rest as its step.
 */
final class LayerClosing {
  private LayerClosing() {}

  /** Closes a layer ({@code l-end}): its size moves to the overlay, the rest nests. */
  static Overlay close(StepDraft d) {
    if (d.isText()) {
      return textOverlay(d);
    }
    String path = d.get(LayerKeys.PATH);
    if (path == null) {
      throw bad("a layer needs an image: add i-<path> between l-image and l-end");
    }
    boolean canvas = path.equals(Overlay.CANVAS);
    if (canvas) {
      checkCanvas(d);
    } else if (d.seen.contains("al")) {
      throw bad("al is for text layers and colour blocks; an image layer takes o-<0-100>");
    }
    d.checkCommon(d.given(GeometryKeys.WIDTH), d.given(GeometryKeys.HEIGHT));
    Map<String, Arithmetic> own = layerExpressions(d);
    Map<Param<?>, Object> parts = d.takeValuesOf(Key::inOverlay);
    return new Overlay(parts, d.freeze(), Optional.empty(), own);
  }

  /** The keys a solid colour block takes, and its size, which it must have. */
  private static void checkCanvas(StepDraft d) {
    for (String key : d.seen) {
      if (!List.of("i", "ie", "w", "h", "bg", "al", "o", "r", "lx", "ly", "lfo").contains(key)) {
        throw bad(
            "'%s' is not supported in a colour block (l-image,i-ik_canvas,...); it takes w, h, bg, "
                + "al, r, lx, ly, lfo",
            key);
      }
    }
    if (!d.given(GeometryKeys.WIDTH) || !d.given(GeometryKeys.HEIGHT)) {
      throw bad("a colour block (i-ik_canvas) needs w and h");
    }
    Dimension width = d.get(GeometryKeys.WIDTH);
    Dimension height = d.get(GeometryKeys.HEIGHT);
    if ((width != null && width.isFraction()) || (height != null && height.isFraction())) {
      throw bad("a colour block's w and h are pixels or expressions such as bw_mul_0.5");
    }
    for (Arithmetic e : d.expressions.values()) {
      if (!e.usesOnlyBase()) {
        throw bad(
            "'%s': inside a colour block only bw, bh and bar can be used in expressions",
            e.token());
      }
    }
  }

  private static Overlay textOverlay(StepDraft d) {
    String text = d.get(TextKeys.TEXT_PLAIN);
    if (text == null) {
      throw bad(
          "a text layer needs its text: add i-<text> or ie-<base64> between l-text and l-end");
    }
    if (d.seen.contains("i") && d.seen.contains("ie")) {
      throw bad("a text layer takes i-<text> or ie-<base64>, not both");
    }
    Map<String, Arithmetic> textExpressions = d.expressionsOf(Key::inText, true);
    TextLayer layer = new TextLayer(d.valuesOf(Key::inText), textExpressions);
    Map<String, Arithmetic> own = layerExpressions(d);
    d.expressions.clear();
    Map<Param<?>, Object> parts = d.takeValuesOf(Key::inOverlay);
    return new Overlay(parts, d.freeze(), Optional.of(layer), own);
  }

  /**
   * Moves the expressions of the overlay's rows ({@code w}, {@code h}, {@code lx}, {@code ly}) from
   * the step to the overlay.
   */
  private static Map<String, Arithmetic> layerExpressions(StepDraft d) {
    return d.expressionsOf(Key::inOverlay, true);
  }
}
