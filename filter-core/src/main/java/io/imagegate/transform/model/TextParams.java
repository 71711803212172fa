package io.imagegate.transform.model;

/**
 * The params of a {@link TextLayer} that the renderer reads by name ({@link TextLayer#fontSize()},
 * ...). The parser's text-layer rows are made from them; a text key added later needs no constant
 * here: its row is its param, and the renderer reads it with {@code layer.get(ROW)}.
 */
public final class TextParams {
  private TextParams() {}

  /** {@code i} (or {@code ie}, in base64): the text. */
  public static final Param<String> TEXT = Param.of("i", String.class);

  /** {@code fs}: font size in pixels. */
  public static final Param<Integer> FONT_SIZE = Param.of("fs", Integer.class);

  /** {@code ff}: a built-in family or a font file. */
  public static final Param<String> FONT = Param.of("ff", String.class);

  /** {@code co}: text colour. */
  public static final Param<Color> COLOR = Param.of("co", Color.class);

  /** {@code pa}: padding. */
  public static final Param<TextLayer.Padding> PADDING = Param.of("pa", TextLayer.Padding.class);

  /** {@code ia}: inner alignment. */
  public static final Param<String> ALIGN = Param.of("ia", String.class);

  /** {@code tg}: {@code b}, {@code i} or {@code b_i}. */
  public static final Param<String> TYPOGRAPHY = Param.of("tg", String.class);

  /** {@code w}: the wrap width in pixels. */
  public static final Param<Integer> WIDTH = Param.of("w", Integer.class);
}
