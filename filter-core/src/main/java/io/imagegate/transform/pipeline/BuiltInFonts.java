package io.imagegate.transform.pipeline;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The DejaVu Sans family shipped in the jar ({@code io/imagegate/fonts/}, licence in NOTICE),
 * regular, bold, oblique and bold oblique, loaded on first use with {@link Font#createFont} from
 * the resource stream. Nothing is registered with the {@code GraphicsEnvironment}: the fonts belong
 * to this instance and go with it.
 */
final class BuiltInFonts {
  private static final String[] FILES = {
    "DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf", "DejaVuSans-BoldOblique.ttf"
  };

  private volatile Font[] fonts;

  /** The face for a style: {@link Font#PLAIN}, {@link Font#BOLD}, {@link Font#ITALIC} or both. */
  Font face(boolean bold, boolean italic) {
    Font[] loaded = fonts;
    if (loaded == null) {
      synchronized (this) {
        loaded = fonts;
        if (loaded == null) {
          loaded = load();
          fonts = loaded;
        }
      }
    }
    return loaded[(bold ? 1 : 0) + (italic ? 2 : 0)];
  }

  private static Font[] load() {
    Font[] out = new Font[FILES.length];
    for (int i = 0; i < FILES.length; i++) {
      try (InputStream in =
          BuiltInFonts.class.getResourceAsStream("/io/imagegate/fonts/" + FILES[i])) {
        if (in == null) {
          throw new IllegalStateException(
              "the built-in font " + FILES[i] + " is missing from the jar");
        }
        out[i] = Font.createFont(Font.TRUETYPE_FONT, in);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (FontFormatException e) {
        throw new IllegalStateException("the built-in font " + FILES[i] + " cannot be read", e);
      }
    }
    return out;
  }
}
