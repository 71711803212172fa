package io.imagegate.transform;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A colour for {@code bg} and borders, from {@code RRGGBB}, {@code RRGGBBAA} or a name. Names are
 * resolved at parse time so that {@code bg-white} and {@code bg-FFFFFF} are one model.
 *
 * @param red 0-255
 * @param green 0-255
 * @param blue 0-255
 * @param alpha 0-255, 255 opaque
 */
public record Color(int red, int green, int blue, int alpha) {

  /** The padding colour when {@code bg} is absent, as ImageKit pads. */
  public static final Color WHITE = new Color(255, 255, 255, 255);

  /** CSS basic colours plus a few common aliases; all lower case, matched case-insensitively. */
  private static final Map<String, Color> NAMES =
      Map.ofEntries(
          Map.entry("black", rgb(0x000000)),
          Map.entry("silver", rgb(0xC0C0C0)),
          Map.entry("gray", rgb(0x808080)),
          Map.entry("grey", rgb(0x808080)),
          Map.entry("white", rgb(0xFFFFFF)),
          Map.entry("maroon", rgb(0x800000)),
          Map.entry("red", rgb(0xFF0000)),
          Map.entry("purple", rgb(0x800080)),
          Map.entry("fuchsia", rgb(0xFF00FF)),
          Map.entry("magenta", rgb(0xFF00FF)),
          Map.entry("green", rgb(0x008000)),
          Map.entry("lime", rgb(0x00FF00)),
          Map.entry("olive", rgb(0x808000)),
          Map.entry("yellow", rgb(0xFFFF00)),
          Map.entry("navy", rgb(0x000080)),
          Map.entry("blue", rgb(0x0000FF)),
          Map.entry("teal", rgb(0x008080)),
          Map.entry("aqua", rgb(0x00FFFF)),
          Map.entry("cyan", rgb(0x00FFFF)),
          Map.entry("orange", rgb(0xFFA500)),
          Map.entry("transparent", new Color(0, 0, 0, 0)));

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

  /** The canonical text: {@code RRGGBB} when opaque, else {@code RRGGBBAA}; upper case. */
  public String hex() {
    String rgb = String.format(Locale.ROOT, "%02X%02X%02X", red, green, blue);
    return alpha == 255 ? rgb : rgb + String.format(Locale.ROOT, "%02X", alpha);
  }

  /** Parses {@code RRGGBB}, {@code RRGGBBAA} (any case) or a colour name. */
  static Optional<Color> parse(String text) {
    if ((text.length() == 6 || text.length() == 8) && isHex(text)) {
      int r = Integer.parseInt(text.substring(0, 2), 16);
      int g = Integer.parseInt(text.substring(2, 4), 16);
      int b = Integer.parseInt(text.substring(4, 6), 16);
      int a = text.length() == 8 ? Integer.parseInt(text.substring(6, 8), 16) : 255;
      return Optional.of(new Color(r, g, b, a));
    }
    return Optional.ofNullable(NAMES.get(text.toLowerCase(Locale.ROOT)));
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

  private static Color rgb(int rgb) {
    return new Color(rgb >> 16 & 0xFF, rgb >> 8 & 0xFF, rgb & 0xFF, 255);
  }
}
