package io.imagegate.transform.model;

import java.util.Locale;
import java.util.Optional;

/**
 * A colour for {@code bg}, {@code co} and borders, from {@code RRGGBB}, {@code RRGGBBOO} or a CSS
 * colour name ({@link CssColors}). As in ImageKit, the last two digits of the 8-digit form are a
 * <em>decimal</em> opacity {@code 00}-{@code 99} ({@code FF000050} is red at 50 %), not hex alpha.
 * Names are resolved at parse time so that {@code bg-white} and {@code bg-FFFFFF} are one model.
 *
 * @param red 0-255
 * @param green 0-255
 * @param blue 0-255
 * @param alpha 0-255, 255 opaque
 */
public record Color(int red, int green, int blue, int alpha) {

  /** The padding colour when {@code bg} is absent, as ImageKit pads. */
  public static final Color WHITE = new Color(255, 255, 255, 255);

  /** Rejects channels outside 0-255. */
  public Color {
    for (int channel : new int[] {red, green, blue, alpha}) {
      if (channel < 0 || channel > 255) {
        throw new IllegalArgumentException("colour channels are 0-255, got " + channel);
      }
    }
  }

  /** The colour as one {@code int} in ARGB order, as {@code java.awt.Color(int, true)} takes it. */
  public int argb() {
    return alpha << 24 | red << 16 | green << 8 | blue;
  }

  /**
   * The canonical text: {@code RRGGBB} when opaque, else {@code RRGGBBOO} with the opacity in
   * percent, two decimal digits; upper case.
   */
  public String hex() {
    String rgb = String.format(Locale.ROOT, "%02X%02X%02X", red, green, blue);
    return alpha == 255 ? rgb : rgb + String.format(Locale.ROOT, "%02d", opacityPercent(alpha));
  }

  /**
   * Parses {@code RRGGBB} (any case), {@code RRGGBBOO} with a decimal opacity {@code 00}-{@code
   * 99}, or a CSS colour name.
   */
  public static Optional<Color> parse(String text) {
    boolean opacity = text.length() == 8 && Values.isDigits(text.substring(6));
    if ((text.length() == 6 || opacity) && isHex(text.substring(0, 6))) {
      int r = Integer.parseInt(text.substring(0, 2), 16);
      int g = Integer.parseInt(text.substring(2, 4), 16);
      int b = Integer.parseInt(text.substring(4, 6), 16);
      int a = opacity ? alphaOf(Integer.parseInt(text.substring(6))) : 255;
      return Optional.of(new Color(r, g, b, a));
    }
    return CssColors.named(text);
  }

  /** Opacity 0-99 % as alpha 0-255, rounded half up: 50 gives 128. */
  public static int alphaOf(int percent) {
    return (int) Math.round(percent * 255 / 100.0);
  }

  /** The inverse of {@link #alphaOf} for every alpha it produces. */
  private static int opacityPercent(int alpha) {
    return (int) Math.min(99, Math.round(alpha * 100 / 255.0));
  }

  private static boolean isHex(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
      if (!hex) {
        return false;
      }
    }
    return true;
  }
}
