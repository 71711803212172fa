package io.imagegate.source;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Image formats recognised by their leading bytes (magic numbers), never by file name: a text file
 * named {@code .jpg} is not a JPEG.
 */
public enum ImageFormat {
  JPEG("image/jpeg", "jpg", true),
  PNG("image/png", "png", true),
  GIF("image/gif", "gif", true),
  WEBP("image/webp", "webp", true),
  BMP("image/bmp", "bmp", true),
  /** Served as an original only; never rendered (scripts, entities). */
  SVG("image/svg+xml", "svg", false),
  AVIF("image/avif", "avif", false),
  TIFF("image/tiff", "tiff", false),
  ICO("image/x-icon", "ico", false);

  /** How many leading bytes {@link #sniff(byte[], int)} wants to see for binary formats. */
  public static final int SNIFF_BYTES = 512;

  /**
   * How many leading bytes to give {@link #sniff(byte[], int)} so that an SVG is recognised after a
   * long XML prolog, comments or a DOCTYPE; an XML file whose prolog runs past them counts as SVG.
   */
  public static final int SVG_SNIFF_BYTES = 64 * 1024;

  private final String mediaType;
  private final String extension;
  private final boolean renderable;

  ImageFormat(String mediaType, String extension, boolean renderable) {
    this.mediaType = mediaType;
    this.extension = extension;
    this.renderable = renderable;
  }

  /** The {@code Content-Type} value. */
  public String mediaType() {
    return mediaType;
  }

  /** The usual file extension, without a dot. */
  public String extension() {
    return extension;
  }

  /**
   * Whether imagegate decodes and transforms this format (SVG, AVIF, TIFF, ICO are served as is).
   */
  public boolean renderable() {
    return renderable;
  }

  /**
   * Recognises a format from the first bytes of a file.
   *
   * @param head the leading bytes
   * @param length how many of them are valid
   */
  public static Optional<ImageFormat> sniff(byte[] head, int length) {
    if (startsWith(head, length, 0xFF, 0xD8, 0xFF)) {
      return Optional.of(JPEG);
    }
    if (startsWith(head, length, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
      return Optional.of(PNG);
    }
    if (startsWith(head, length, 'G', 'I', 'F', '8')) {
      return Optional.of(GIF);
    }
    if (length >= 12
        && startsWith(head, length, 'R', 'I', 'F', 'F')
        && head[8] == 'W'
        && head[9] == 'E'
        && head[10] == 'B'
        && head[11] == 'P') {
      return Optional.of(WEBP);
    }
    if (startsWith(head, length, 'B', 'M')) {
      return Optional.of(BMP);
    }
    if (length >= 12
        && head[4] == 'f'
        && head[5] == 't'
        && head[6] == 'y'
        && head[7] == 'p'
        && head[8] == 'a'
        && head[9] == 'v'
        && head[10] == 'i') {
      return Optional.of(AVIF);
    }
    if (startsWith(head, length, 'I', 'I', 0x2A, 0x00)
        || startsWith(head, length, 'M', 'M', 0x00, 0x2A)) {
      return Optional.of(TIFF);
    }
    if (startsWith(head, length, 0x00, 0x00, 0x01, 0x00)) {
      return Optional.of(ICO);
    }
    if (looksLikeSvg(head, length)) {
      return Optional.of(SVG);
    }
    return Optional.empty();
  }

  /**
   * Parses an output format name from a transformation ({@code jpg}, {@code jpeg}, {@code png},
   * ...).
   */
  public static Optional<ImageFormat> fromName(String name) {
    switch (name) {
      case "jpg":
      case "jpeg":
        return Optional.of(JPEG);
      case "png":
        return Optional.of(PNG);
      case "webp":
        return Optional.of(WEBP);
      case "gif":
        return Optional.of(GIF);
      default:
        return Optional.empty();
    }
  }

  private static boolean startsWith(byte[] head, int length, int... magic) {
    if (length < magic.length) {
      return false;
    }
    for (int i = 0; i < magic.length; i++) {
      if ((head[i] & 0xFF) != magic[i]) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether the bytes are an XML document whose root element is {@code svg} (any namespace prefix):
   * a BOM, whitespace, the XML declaration, comments, processing instructions and a DOCTYPE (with
   * its internal subset) are skipped first. When the bytes end before the root element, the file is
   * taken as SVG: served with the SVG's safety headers rather than passed on as something else.
   */
  static boolean looksLikeSvg(byte[] head, int length) {
    String text = new String(head, 0, length, StandardCharsets.ISO_8859_1);
    int i = 0;
    if (text.startsWith("\u00EF\u00BB\u00BF")) {
      i = 3;
    }
    boolean sawMarkup = false;
    while (true) {
      while (i < text.length() && isXmlSpace(text.charAt(i))) {
        i++;
      }
      if (i >= text.length()) {
        return sawMarkup;
      }
      if (text.charAt(i) != '<') {
        return false;
      }
      if (text.startsWith("<?", i)) {
        int end = text.indexOf("?>", i + 2);
        if (end < 0) {
          return true;
        }
        i = end + 2;
      } else if (text.startsWith("<!--", i)) {
        int end = text.indexOf("-->", i + 4);
        if (end < 0) {
          return true;
        }
        i = end + 3;
      } else if (text.regionMatches(true, i, "<!DOCTYPE", 0, 9)) {
        int end = doctypeEnd(text, i + 9);
        if (end < 0) {
          return true;
        }
        i = end + 1;
      } else {
        int nameEnd = i + 1;
        while (nameEnd < text.length()
            && !isXmlSpace(text.charAt(nameEnd))
            && text.charAt(nameEnd) != '>'
            && text.charAt(nameEnd) != '/') {
          nameEnd++;
        }
        String name = text.substring(i + 1, nameEnd);
        int colon = name.indexOf(':');
        String local = colon < 0 ? name : name.substring(colon + 1);
        return local.equalsIgnoreCase("svg");
      }
      sawMarkup = true;
    }
  }

  /** The index of the {@code >} that closes a DOCTYPE, skipping its {@code [...]} subset. */
  private static int doctypeEnd(String text, int from) {
    int depth = 0;
    char quote = 0;
    for (int i = from; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '[') {
        depth++;
      } else if (c == ']') {
        depth--;
      } else if (c == '>' && depth <= 0) {
        return i;
      }
    }
    return -1;
  }

  private static boolean isXmlSpace(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
  }
}
