package io.imagegate.transform.pipeline;

import io.imagegate.failure.Failure;
import io.imagegate.failure.ImageGateException;
import io.imagegate.transform.model.Arithmetic;
import io.imagegate.transform.model.Color;
import io.imagegate.transform.model.Overlay;
import io.imagegate.transform.model.Step;
import io.imagegate.transform.model.TextLayer;
import io.imagegate.transform.ops.Corners;
import io.imagegate.transform.ops.Rotate;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.font.LineBreakMeasurer;
import java.awt.font.TextAttribute;
import java.awt.font.TextLayout;
import java.awt.image.BufferedImage;
import java.text.AttributedCharacterIterator;
import java.text.AttributedString;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Draws a text layer into its own image: the text, antialiased, in {@code ff} at {@code fs} (times
 * the scale), wrapped at {@code w}, lines aligned by {@code ia}; trimmed to its ink, as ImageKit
 * trims text layers; then {@code pa} around it, the box filled with {@code bg} and rounded by
 * {@code r}, and last rotated by {@code rt}. The result is placed and blended like an image
 * overlay.
 *
 * <p>A character the font lacks is drawn in the JDK's logical {@code SansSerif} font when that has
 * it (on Linux: whatever fontconfig offers, e.g. CJK fonts), else as U+FFFD, so unknown text is
 * visible and never an error. Sizes are checked before pixels are allocated.
 */
final class TextRenderer {
  private static final FontRenderContext CONTEXT = new FontRenderContext(null, true, true);
  private static final int REPLACEMENT = 0xFFFD;

  private final BuiltInFonts builtIn = new BuiltInFonts();
  private final int maxDimension;

  TextRenderer(int maxDimension) {
    this.maxDimension = maxDimension;
  }

  /**
   * @param overlay a text layer
   * @param scale the scale ({@code dpr}) of the image it is drawn on, applied to {@code fs}, {@code
   *     w} and {@code pa} given as numbers (expressions over {@code bw}/{@code bh} are in that
   *     image's pixels already)
   * @param vars {@code bw}/{@code bh} of that image
   * @param fonts loads an {@code ff-} font file
   */
  BufferedImage render(
      Overlay overlay, double scale, Arithmetic.Variables vars, OverlayImages fonts) {
    TextLayer t = overlay.text().orElseThrow();
    Step box = overlay.transformation();
    int size = size(t, "fs", t.fontSize().orElse(TextLayer.DEFAULT_FONT_SIZE), scale, vars);
    Integer wrap =
        t.width().isPresent() || t.expressions().containsKey("w")
            ? size(t, "w", t.width().orElse(0), scale, vars)
            : null;
    Font base =
        t.fontFile().isPresent()
            ? styled(fonts.font(t.fontFile().get()), t)
            : builtIn.face(t.bold(), t.italic());
    Font font = base.deriveFont((float) size);
    Font fallback = new Font(Font.SANS_SERIF, style(t), size);
    List<TextLayout> lines = layout(text(t.text(), font, fallback), wrap);

    float width = 0;
    float height = 0;
    for (TextLayout line : lines) {
      width = Math.max(width, line.getAdvance());
      height += line.getAscent() + line.getDescent() + line.getLeading();
    }
    // Room for italic overhang and glyphs reaching past their advance; trimmed away below.
    int margin = size / 4 + 2;
    BufferedImage ink =
        allocate(Math.ceil(width) + 2.0 * margin, Math.ceil(height) + 2.0 * margin, "the text");
    Graphics2D g = ink.createGraphics();
    try {
      g.setRenderingHint(
          RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(
          RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
      g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
      g.setColor(new java.awt.Color(t.color().orElse(new Color(0, 0, 0, 255)).argb(), true));
      float y = margin;
      String align = t.align().orElse("center");
      for (TextLayout line : lines) {
        y += line.getAscent();
        float spare = width - line.getAdvance();
        float x = margin + (align.equals("left") ? 0 : align.equals("right") ? spare : spare / 2);
        line.draw(g, x, y);
        y += line.getDescent() + line.getLeading();
      }
    } finally {
      g.dispose();
    }
    BufferedImage text = trimToInk(ink);
    TextLayer.Padding pad = t.padding().orElse(new TextLayer.Padding(0, 0, 0, 0));
    int top = scaled(pad.top(), scale);
    int right = scaled(pad.right(), scale);
    int bottom = scaled(pad.bottom(), scale);
    int left = scaled(pad.left(), scale);
    Arithmetic uniform = t.expressions().get("pa");
    if (uniform != null) {
      long value = Math.round(uniform.evaluate(vars));
      if (value < 0 || value > maxDimension) {
        throw ImageGateException.of(
            Failure.BAD_TRANSFORMATION,
            "the text layer's pa-%s gives %d pixels here; it must be 0 to %d",
            uniform.token(),
            value,
            maxDimension);
      }
      top = right = bottom = left = (int) value;
    }
    BufferedImage out =
        allocate(
            (double) text.getWidth() + left + right,
            (double) text.getHeight() + top + bottom,
            "the text box with its padding");
    Graphics2D b = out.createGraphics();
    try {
      box.background()
          .ifPresent(
              c -> {
                b.setColor(new java.awt.Color(c.argb(), true));
                b.fillRect(0, 0, out.getWidth(), out.getHeight());
              });
      b.drawImage(text, left, top, null);
    } finally {
      b.dispose();
    }
    BufferedImage result = out;
    if (box.radius().isPresent()) {
      int r = box.radius().get().max() ? Corners.MAX : scaled(box.radius().get().pixels(), scale);
      result = Corners.round(result, r, 0);
    }
    if (box.rotation().isPresent() && !box.rotation().get().auto()) {
      double degrees = box.rotation().get().degrees();
      if (degrees % 360 != 0) {
        result = Rotate.rotate(result, degrees, 0);
      }
    }
    return result;
  }

  private int size(TextLayer t, String key, int literal, double scale, Arithmetic.Variables vars) {
    Arithmetic e = t.expressions().get(key);
    long value = e != null ? Math.round(e.evaluate(vars)) : Math.round(literal * scale);
    if (value < 1 || value > maxDimension) {
      throw ImageGateException.of(
          Failure.BAD_TRANSFORMATION,
          "the text layer's %s gives %d pixels here; it must be 1 to %d",
          key,
          value,
          maxDimension);
    }
    return (int) value;
  }

  private static int scaled(int pixels, double scale) {
    return (int) Math.round(pixels * scale);
  }

  private static int style(TextLayer t) {
    return (t.bold() ? Font.BOLD : 0) | (t.italic() ? Font.ITALIC : 0);
  }

  /** A custom font file has one face: bold and italic are derived from it. */
  private static Font styled(Font font, TextLayer t) {
    return style(t) == Font.PLAIN ? font : font.deriveFont(style(t));
  }

  /** The text with each character in the first font that has it, or U+FFFD. */
  private static AttributedCharacterIterator text(String text, Font font, Font fallback) {
    StringBuilder shown = new StringBuilder();
    List<Font> fonts = new ArrayList<>();
    text.codePoints()
        .forEach(
            cp -> {
              Font use;
              int drawn = cp;
              if (font.canDisplay(cp)) {
                use = font;
              } else if (fallback.canDisplay(cp)) {
                use = fallback;
              } else {
                drawn = font.canDisplay(REPLACEMENT) ? REPLACEMENT : '?';
                use = font;
              }
              for (char c : Character.toChars(drawn)) {
                shown.append(c);
                fonts.add(use);
              }
            });
    AttributedString attributed = new AttributedString(shown.toString());
    int start = 0;
    for (int i = 1; i <= fonts.size(); i++) {
      if (i == fonts.size() || fonts.get(i) != fonts.get(start)) {
        attributed.addAttributes(Map.of(TextAttribute.FONT, fonts.get(start)), start, i);
        start = i;
      }
    }
    return attributed.getIterator();
  }

  private static List<TextLayout> layout(AttributedCharacterIterator text, Integer wrap) {
    List<TextLayout> lines = new ArrayList<>();
    if (wrap == null) {
      lines.add(new TextLayout(text, CONTEXT));
      return lines;
    }
    LineBreakMeasurer measurer = new LineBreakMeasurer(text, CONTEXT);
    while (measurer.getPosition() < text.getEndIndex()) {
      int before = measurer.getPosition();
      TextLayout line = measurer.nextLayout(wrap);
      if (line == null || measurer.getPosition() == before) {
        break;
      }
      lines.add(line);
    }
    return lines;
  }

  private BufferedImage allocate(double width, double height, String what) {
    if (width > maxDimension || height > maxDimension) {
      throw ImageGateException.of(
          Failure.BAD_TRANSFORMATION,
          "%s would be %dx%d pixels, above the limit of %d",
          what,
          (long) width,
          (long) height,
          maxDimension);
    }
    return new BufferedImage(
        Math.max(1, (int) width), Math.max(1, (int) height), BufferedImage.TYPE_INT_ARGB);
  }

  /** The smallest rectangle holding every pixel with ink; the image as it is when it has none. */
  private static BufferedImage trimToInk(BufferedImage image) {
    int w = image.getWidth();
    int h = image.getHeight();
    int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
    int minX = w;
    int minY = h;
    int maxX = -1;
    int maxY = -1;
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        if ((argb[y * w + x] >>> 24) != 0) {
          minX = Math.min(minX, x);
          maxX = Math.max(maxX, x);
          minY = Math.min(minY, y);
          maxY = Math.max(maxY, y);
        }
      }
    }
    if (maxX < 0) {
      return image;
    }
    return image.getSubimage(minX, minY, maxX - minX + 1, maxY - minY + 1);
  }
}
