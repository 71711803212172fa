package io.imagegate.transform.model;

import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * What a text layer ({@code l-text,i-<text>,...,l-end}) draws: the text and its typography. Where
 * it goes ({@code lx}, {@code ly}, {@code lfo}), its opacity ({@code al}), and its box's
 * background, corner radius and rotation ({@code bg}, {@code r}, {@code rt}) are on the {@link
 * Overlay} and its transformation, as for image layers.
 *
 * @param text the text, 1 to {@value #MAX_LENGTH} characters, from {@code i-} or {@code ie-}
 * @param fontSize {@code fs}, pixels ({@value #DEFAULT_FONT_SIZE} when absent, as ImageKit)
 * @param font {@code ff}: a built-in family ({@link #BUILT_IN_FONT}) or a font file below the image
 *     root, {@code /}-separated, ending in {@code .ttf} or {@code .otf}
 * @param color {@code co}; black when absent
 * @param padding {@code pa}: top, right, bottom, left
 * @param align {@code ia}: {@code left}, {@code center} (default) or {@code right}
 * @param bold {@code tg-b} or {@code tg-b_i}
 * @param italic {@code tg-i} or {@code tg-b_i}
 * @param width {@code w}: the wrap width in pixels
 * @param expressions {@code fs}, {@code w} and {@code pa} (one padding for all sides) given as
 *     arithmetic expressions, by key
 */
public record TextLayer(
    String text,
    OptionalInt fontSize,
    Optional<String> font,
    Optional<Color> color,
    Optional<Padding> padding,
    Optional<String> align,
    boolean bold,
    boolean italic,
    OptionalInt width,
    Map<String, Arithmetic> expressions) {

  /** ImageKit's limit on the text of one layer, in characters (code points). */
  public static final int MAX_LENGTH = 144;

  /** The font size when {@code fs} is absent (ImageKit's default). */
  public static final int DEFAULT_FONT_SIZE = 45;

  /** The family shipped with imagegate and used when {@code ff} is absent. */
  public static final String BUILT_IN_FONT = "DejaVuSans";

  /** Null-checks and freezes. */
  public TextLayer {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(fontSize, "fontSize");
    Objects.requireNonNull(font, "font");
    Objects.requireNonNull(color, "color");
    Objects.requireNonNull(padding, "padding");
    Objects.requireNonNull(align, "align");
    Objects.requireNonNull(width, "width");
    expressions = Collections.unmodifiableMap(new TreeMap<>(expressions));
    if (text.isEmpty()) {
      throw new IllegalArgumentException("a text layer needs text");
    }
  }

  /** The font file below the image root that {@code ff} names, if it names one. */
  public Optional<String> fontFile() {
    return font.filter(TextLayer::isFontFile);
  }

  public static boolean isFontFile(String value) {
    String lower = value.toLowerCase(Locale.ROOT);
    return lower.endsWith(".ttf") || lower.endsWith(".otf");
  }

  /**
   * {@code pa}: CSS shorthand, {@code 10}, {@code 10_20}, {@code 10_20_30} or {@code 10_20_30_40}.
   *
   * @param top pixels
   * @param right pixels
   * @param bottom pixels
   * @param left pixels
   */
  public record Padding(int top, int right, int bottom, int left) {

    /** The canonical text: the shortest CSS shorthand giving these four sides. */
    public String token() {
      if (left == right) {
        if (top == bottom) {
          return top == right ? "" + top : top + "_" + right;
        }
        return top + "_" + right + "_" + bottom;
      }
      return top + "_" + right + "_" + bottom + "_" + left;
    }
  }
}
