package io.imagegate.transform.model;

import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * What a text layer ({@code l-text,i-<text>,...,l-end}) draws: the text and its typography, keyed
 * like a {@link Step}'s values by the rows of the transformation key table ({@link Param}); the
 * named accessors are one-line delegates for the {@link TextParams}. Where it goes ({@code lx},
 * {@code ly}, {@code lfo}), its opacity ({@code al}), and its box's background, corner radius and
 * rotation ({@code bg}, {@code r}, {@code rt}) are on the {@link Overlay} and its transformation,
 * as for image layers.
 *
 * @param values the text ({@link TextParams#TEXT}, required) and what else was given, by param
 * @param expressions {@code fs}, {@code w} and {@code pa} (one padding for all sides) given as
 *     arithmetic expressions, by key
 */
public record TextLayer(Map<Param<?>, Object> values, Map<String, Arithmetic> expressions) {

  /** ImageKit's limit on the text of one layer, in characters (code points). */
  public static final int MAX_LENGTH = 144;

  /** The font size when {@code fs} is absent (ImageKit's default). */
  public static final int DEFAULT_FONT_SIZE = 45;

  /** The family shipped with imagegate and used when {@code ff} is absent. */
  public static final String BUILT_IN_FONT = "DejaVuSans";

  /** Checks every value against its param's type, that there is a text, and freezes. */
  public TextLayer {
    values.forEach((param, value) -> param.cast(Objects.requireNonNull(value, param.name())));
    values = Map.copyOf(values);
    expressions = Collections.unmodifiableMap(new TreeMap<>(expressions));
    if (!(values.get(TextParams.TEXT) instanceof String text) || text.isEmpty()) {
      throw new IllegalArgumentException("a text layer needs text");
    }
  }

  /** The value of a key, if given. */
  public <T> Optional<T> get(Param<T> param) {
    return Optional.ofNullable(param.cast(values.get(param)));
  }

  /** The text, 1 to {@value #MAX_LENGTH} characters, from {@code i-} or {@code ie-}. */
  public String text() {
    return get(TextParams.TEXT).orElse("");
  }

  /** {@code fs}, pixels ({@value #DEFAULT_FONT_SIZE} when absent, as ImageKit). */
  public OptionalInt fontSize() {
    return get(TextParams.FONT_SIZE).map(OptionalInt::of).orElse(OptionalInt.empty());
  }

  /**
   * {@code ff}: a built-in family ({@link #BUILT_IN_FONT}) or a font file below the image root,
   * {@code /}-separated, ending in {@code .ttf} or {@code .otf}.
   */
  public Optional<String> font() {
    return get(TextParams.FONT);
  }

  /** {@code co}; black when absent. */
  public Optional<Color> color() {
    return get(TextParams.COLOR);
  }

  /** {@code pa}: top, right, bottom, left. */
  public Optional<Padding> padding() {
    return get(TextParams.PADDING);
  }

  /** {@code ia}: {@code left}, {@code center} (default) or {@code right}. */
  public Optional<String> align() {
    return get(TextParams.ALIGN);
  }

  /** {@code tg-b} or {@code tg-b_i}. */
  public boolean bold() {
    return get(TextParams.TYPOGRAPHY).map(t -> t.contains("b")).orElse(false);
  }

  /** {@code tg-i} or {@code tg-b_i}. */
  public boolean italic() {
    return get(TextParams.TYPOGRAPHY).map(t -> t.contains("i")).orElse(false);
  }

  /** {@code w}: the wrap width in pixels. */
  public OptionalInt width() {
    return get(TextParams.WIDTH).map(OptionalInt::of).orElse(OptionalInt.empty());
  }

  /** The font file below the image root that {@code ff} names, if it names one. */
  public Optional<String> fontFile() {
    return font().filter(TextLayer::isFontFile);
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
