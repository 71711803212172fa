package io.imagegate.transform;

import static io.imagegate.transform.Key.TEXT;

import io.imagegate.transform.model.Arithmetic;
import io.imagegate.transform.model.Color;
import io.imagegate.transform.model.TextLayer;
import io.imagegate.transform.model.TextParams;
import io.imagegate.transform.model.Values;

/**
 * The rows of {@link Keys#ALL} that only a text layer ({@code l-text ... l-end}) takes: its text
 * ({@code i}, {@code ie}), {@code fs}, {@code ff}, {@code co}, {@code pa}, {@code ia}, {@code tg}
 * and its wrap width {@code w}. Their values make the layer's {@link TextLayer}; {@link TextValues}
 * reads the ones with a structure.
 */
final class TextKeys {
  private TextKeys() {}

  /** {@code i}: the text; always written as {@code ie} (base64), which any text survives. */
  static final Key<String> TEXT_PLAIN =
      Key.text(
          TextParams.TEXT,
          TEXT,
          (p, d) -> TextValues.text("i", p.value()),
          (name, text, out) -> out.add("ie-" + TextValues.encodeBase64(text)));

  /** {@code ie}: the text in base64, kept as {@link #TEXT_PLAIN}. */
  static final Key<String> TEXT_BASE64 =
      Key.layer(
          "ie",
          String.class,
          TEXT,
          (p, d) -> {
            d.put(TEXT_PLAIN, TextValues.text("ie", TextValues.decodeBase64("ie", p.value())));
            return null;
          });

  static final Key<Integer> FONT_SIZE =
      Key.text(TextParams.FONT_SIZE, TEXT, TextKeys::size, Key.plain()).withExpressions();

  static final Key<String> FONT =
      Key.text(
          TextParams.FONT,
          TEXT,
          (p, d) -> TextValues.font(p.value()),
          Key.token(f -> TextLayer.isFontFile(f) ? OverlayPaths.encode(f) : f));

  static final Key<Color> COLOR =
      Key.text(
          TextParams.COLOR, TEXT, (p, d) -> Values.color("co", p.value()), Key.token(Color::hex));

  static final Key<TextLayer.Padding> PADDING =
      Key.text(
              TextParams.PADDING,
              TEXT,
              (p, d) -> TextValues.padding(p, d, p.limits().maxDimension()),
              Key.token(TextLayer.Padding::token))
          .withExpressions();

  static final Key<String> ALIGN =
      Key.text(TextParams.ALIGN, TEXT, (p, d) -> TextValues.align(p.value()), Key.plain());

  /** {@code tg}: {@code b}, {@code i} or {@code b_i} ({@code i_b} is kept as {@code b_i}). */
  static final Key<String> TYPOGRAPHY =
      Key.text(
          TextParams.TYPOGRAPHY, TEXT, (p, d) -> TextValues.typography(p.value()), Key.plain());

  /** {@code w}: the wrap width in pixels (a step's and an image layer's {@code w} is a size). */
  static final Key<Integer> WIDTH =
      Key.text(TextParams.WIDTH, TEXT, TextKeys::size, Key.plain()).withExpressions();

  /** {@code fs}/{@code w}: pixels, or an expression (with the text box's variables). */
  private static Integer size(Key.Input p, StepDraft d) {
    if (Arithmetic.looksLike(p.value())) {
      return d.expression(p, true, true);
    }
    return Values.integer(p.key(), p.value(), 1, p.limits().maxDimension());
  }
}
