package io.imagegate.transform;

import static io.imagegate.transform.model.Values.bad;
import static io.imagegate.transform.model.Values.echo;

import io.imagegate.transform.model.Arithmetic;
import io.imagegate.transform.model.TextLayer;
import io.imagegate.transform.model.Values;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/**
 * The values only a text layer ({@code l-text ... l-end}) takes: its text ({@code i}, {@code ie}),
 * font ({@code ff}), padding ({@code pa}), alignment ({@code ia}) and typography ({@code tg}). The
 * {@link Keys} table says where each is read.
 */
final class TextValues {
  private TextValues() {}

  /** Text for {@code i}/{@code ie}: 1 to 144 characters, no control characters. */
  static String text(String key, String text) {
    int length = text.codePointCount(0, text.length());
    if (length > TextLayer.MAX_LENGTH) {
      throw bad(
          "%s: the text has %d characters, above ImageKit's limit of %d",
          key, length, TextLayer.MAX_LENGTH);
    }
    boolean forbidden =
        text.codePoints()
            .anyMatch(
                cp -> Character.isISOControl(cp) || Character.getType(cp) == Character.SURROGATE);
    if (forbidden) {
      throw bad("%s: the text contains a control character, got '%s'", key, echo(text));
    }
    return text;
  }

  /**
   * URL-safe (or standard) base64, padding optional, decoding to UTF-8. Spaces count as {@code +},
   * which is what form decoding of the query makes of an unescaped {@code +}.
   */
  static String decodeBase64(String key, String value) {
    String normalised = value.replace(' ', '+').replace('-', '+').replace('_', '/');
    int end = normalised.length();
    while (end > 0 && normalised.charAt(end - 1) == '=') {
      end--;
    }
    String body = normalised.substring(0, end);
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(body + "=".repeat((4 - body.length() % 4) % 4));
    } catch (IllegalArgumentException e) {
      throw bad("%s must be URL-safe base64, got '%s'", key, echo(value));
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw bad("%s must decode to UTF-8 text, got '%s'", key, echo(value));
    }
  }

  /** URL-safe base64 without padding: the canonical form of a text. */
  static String encodeBase64(String text) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  static String font(String value) {
    if (TextLayer.isFontFile(value)) {
      return OverlayPaths.parse("ff", value);
    }
    if (value.equalsIgnoreCase(TextLayer.BUILT_IN_FONT)) {
      return TextLayer.BUILT_IN_FONT;
    }
    throw bad(
        "ff must be %s (the font shipped with imagegate) or a font file below the image root "
            + "ending in .ttf or .otf (@@ for /), got '%s'",
        TextLayer.BUILT_IN_FONT, echo(value));
  }

  private static boolean isPaddingShorthand(String value) {
    for (String part : value.split("_", -1)) {
      if (!Values.isDigits(part)) {
        return !Arithmetic.looksLike(value);
      }
    }
    return true;
  }

  /**
   * {@code pa}: 1 to 4 sizes joined by {@code _}; or one expression for all four sides, which is
   * kept in the draft's expressions (and null returned).
   */
  static TextLayer.Padding padding(Key.Input p, StepDraft d, int max) {
    if (isPaddingShorthand(p.value())) {
      return padding(p.value(), max);
    }
    // ImageKit: an expression is one padding for all four sides.
    return d.expression(p, true, true);
  }

  static TextLayer.Padding padding(String value, int max) {
    String[] parts = value.split("_", -1);
    if (parts.length > 4) {
      throw bad("pa takes 1 to 4 sizes joined by _, e.g. pa-10_20, got '%s'", echo(value));
    }
    int[] v = new int[parts.length];
    for (int i = 0; i < parts.length; i++) {
      v[i] = Values.integer("pa", parts[i], 0, max);
    }
    return switch (v.length) {
      case 1 -> new TextLayer.Padding(v[0], v[0], v[0], v[0]);
      case 2 -> new TextLayer.Padding(v[0], v[1], v[0], v[1]);
      case 3 -> new TextLayer.Padding(v[0], v[1], v[2], v[1]);
      default -> new TextLayer.Padding(v[0], v[1], v[2], v[3]);
    };
  }

  static String align(String value) {
    String lower = value.toLowerCase(Locale.ROOT);
    return switch (value) {
      case "left", "center", "right" -> lower;
      default -> throw bad("ia must be left, center or right, got '%s'", echo(value));
    };
  }

  /** {@code tg}: {@code b}, {@code i}, or both as {@code b_i} (also written {@code i_b}). */
  static String typography(String value) {
    return switch (value) {
      case "b", "i", "b_i" -> value;
      case "i_b" -> "b_i";
      default -> throw bad("tg must be b, i or b_i, got '%s'", echo(value));
    };
  }
}
