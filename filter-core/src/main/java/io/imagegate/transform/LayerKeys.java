package io.imagegate.transform;

import static io.imagegate.transform.Key.IMAGE;
import static io.imagegate.transform.Key.LAYERS;
import static io.imagegate.transform.Key.STEP_ONLY;

import io.imagegate.transform.model.Arithmetic;
import io.imagegate.transform.model.Dimension;
import io.imagegate.transform.model.Focus;
import io.imagegate.transform.model.OverlayParams;
import io.imagegate.transform.model.Values;

/**
 * The rows of {@link Keys#ALL} for layers: what an image layer draws ({@code i}, {@code ie}), where
 * a layer goes ({@code lfo}, {@code lx}, {@code ly}), how opaque it is ({@code o}, {@code al}), and
 * the legacy overlay ({@code oi}, {@code ofo}, {@code ox}, {@code oy}, {@code ow}, {@code oh}),
 * which is read here and written as a layer. {@link LayerClosing} takes their values.
 */
final class LayerKeys {
  private LayerKeys() {}

  static final Key<String> PATH =
      Key.overlay(
          OverlayParams.PATH,
          IMAGE,
          (p, d) -> OverlayPaths.parse("i", p.value()),
          Key.token(OverlayPaths::encode));

  /** {@code ie}: the path in base64, kept as {@link #PATH}. */
  static final Key<String> PATH_BASE64 =
      Key.layer(
          "ie",
          String.class,
          IMAGE,
          (p, d) -> {
            d.put(PATH, OverlayPaths.parse("ie", TextValues.decodeBase64("ie", p.value())));
            return null;
          });

  static final Key<Focus> POSITION =
      Key.overlay(
          OverlayParams.POSITION,
          LAYERS,
          (p, d) -> CompoundValues.overlayPosition("lfo", p.value()),
          Key.token(Focus::token));

  static final Key<Integer> X =
      Key.overlay(OverlayParams.X, LAYERS, LayerKeys::offset, Key.token(LayerKeys::offsetText))
          .withExpressions();

  static final Key<Integer> Y =
      Key.overlay(OverlayParams.Y, LAYERS, LayerKeys::offset, Key.token(LayerKeys::offsetText))
          .withExpressions();

  static final Key<Integer> OPACITY =
      Key.overlay(
          OverlayParams.OPACITY,
          LAYERS,
          (p, d) -> Values.integer("o", p.value(), 0, 100),
          Key.plain());

  /** {@code al-<1-9>}: transparency in tens of percent, kept as {@link #OPACITY}. */
  static final Key<Integer> ALPHA =
      Key.layer(
          "al",
          Integer.class,
          LAYERS,
          (p, d) -> {
            d.put(OPACITY, 10 * Values.integer("al", p.value(), 1, 9));
            return null;
          });

  static final Key<String> LEGACY_PATH =
      Key.layer(
          "oi",
          String.class,
          STEP_ONLY,
          (p, d) -> {
            d.legacyIndex = d.overlays.size();
            return OverlayPaths.parse("oi", p.value());
          });

  static final Key<Focus> LEGACY_POSITION =
      Key.layer(
          "ofo",
          Focus.class,
          STEP_ONLY,
          (p, d) -> CompoundValues.overlayPosition("ofo", p.value()));

  static final Key<Integer> LEGACY_X =
      Key.layer("ox", Integer.class, STEP_ONLY, (p, d) -> Values.signedOffset("ox", p.value()));

  static final Key<Integer> LEGACY_Y =
      Key.layer("oy", Integer.class, STEP_ONLY, (p, d) -> Values.signedOffset("oy", p.value()));

  static final Key<Dimension> LEGACY_WIDTH =
      Key.layer(
          "ow",
          Dimension.class,
          STEP_ONLY,
          (p, d) -> Values.dimension("ow", p.value(), p.limits().maxDimension()));

  static final Key<Dimension> LEGACY_HEIGHT =
      Key.layer(
          "oh",
          Dimension.class,
          STEP_ONLY,
          (p, d) -> Values.dimension("oh", p.value(), p.limits().maxDimension()));

  /** {@code lx}/{@code ly}: a signed offset, or an expression (text layers see the text box). */
  private static Integer offset(Key.Input p, StepDraft d) {
    if (Arithmetic.looksLike(p.value())) {
      return d.expression(p, true, d.isText());
    }
    return Values.signedOffset(p.key(), p.value());
  }

  private static String offsetText(Integer value) {
    return value < 0 ? "N" + -(long) value : Integer.toString(value);
  }
}
