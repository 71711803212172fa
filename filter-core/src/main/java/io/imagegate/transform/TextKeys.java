package io.imagegate.transform;

import static io.imagegate.transform.Key.TEXT;

import io.imagegate.transform.model.Arithmetic;
import io.imagegate.transform.model.Color;
import io.imagegate.transform.model.TextLayer;
import io.imagegate.transform.model.Values;

/**
 * The rows of {@link Keys#ALL} that only a text layer ({@code l-text ... l-end}) takes: its text
 * ({@code i}, {@code ie}), {@code fs}, {@code ff}, {@code co}, {@code pa}, {@code ia}, {@code tg}
 * and its wrap width {@code w}. {@link LayerClosing} makes the {@link TextLayer} of their values;
 * {@link TextValues} reads the ones with a structure.
 */
final class TextKeys {
  private TextKeys() {}

  static final Key<String> TEXT_PLAIN =
      Key.layer("i", String.class, TEXT, (p, d) -> TextValues.text("i", p.value()));

  /** {@code ie}: the text in base64, kept as {@link #TEXT_PLAIN}; the canonical form. */
  static final Key<String> TEXT_BASE64 =
      Key.layer(
              "ie",
              String.class,
              TEXT,
              (p, d) -> {
                d.put(TEXT_PLAIN, TextValues.text("ie", TextValues.decodeBase64("ie", p.value())));
                return null;
              })
          .andText((t, out) -> out.add("ie-" + TextValues.encodeBase64(t.text())));

  static final Key<Integer> FONT_SIZE =
      Key.layer("fs", Integer.class, TEXT, TextKeys::size)
          .andText((t, out) -> t.fontSize().ifPresent(v -> out.add("fs-" + v)))
          .withExpressions();

  static final Key<String> FONT =
      Key.layer("ff", String.class, TEXT, (p, d) -> TextValues.font(p.value()))
          .andText(
              (t, out) ->
                  t.font()
                      .ifPresent(
                          f ->
                              out.add(
                                  "ff-"
                                      + (t.fontFile().isPresent() ? OverlayPaths.encode(f) : f))));

  static final Key<Color> COLOR =
      Key.layer("co", Color.class, TEXT, (p, d) -> Values.color("co", p.value()))
          .andText((t, out) -> t.color().ifPresent(c -> out.add("co-" + c.hex())));

  static final Key<TextLayer.Padding> PADDING =
      Key.layer(
              "pa",
              TextLayer.Padding.class,
              TEXT,
              (p, d) -> TextValues.padding(p, d, p.limits().maxDimension()))
          .andText((t, out) -> t.padding().ifPresent(v -> out.add("pa-" + v.token())))
          .withExpressions();

  static final Key<String> ALIGN =
      Key.layer("ia", String.class, TEXT, (p, d) -> TextValues.align(p.value()))
          .andText((t, out) -> t.align().ifPresent(a -> out.add("ia-" + a)));

  /** {@code tg}: {@code b}, {@code i} or {@code b_i} ({@code i_b} is kept as {@code b_i}). */
  static final Key<String> TYPOGRAPHY =
      Key.layer("tg", String.class, TEXT, (p, d) -> TextValues.typography(p.value()))
          .andText(
              (t, out) -> {
                if (t.bold() || t.italic()) {
                  out.add("tg-" + (t.bold() && t.italic() ? "b_i" : t.bold() ? "b" : "i"));
                }
              });

  /** {@code w}: the wrap width in pixels (a step's and an image layer's {@code w} is a size). */
  static final Key<Integer> WIDTH =
      Key.layer("w", Integer.class, TEXT, TextKeys::size)
          .andText((t, out) -> t.width().ifPresent(v -> out.add("w-" + v)))
          .withExpressions();

  /** {@code fs}/{@code w}: pixels, or an expression (with the text box's variables). */
  private static Integer size(Key.Input p, StepDraft d) {
    if (Arithmetic.looksLike(p.value())) {
      return d.expression(p, true, true);
    }
    return Values.integer(p.key(), p.value(), 1, p.limits().maxDimension());
  }
}
