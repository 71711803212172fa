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

  /** How many leading bytes {@link #sniff(byte[], int)} wants to see. */
  public static final int SNIFF_BYTES = 512;

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
      case "avif":
        return Optional.of(AVIF);
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

  private static boolean looksLikeSvg(byte[] head, int length) {
    String text = new String(head, 0, Math.min(length, SNIFF_BYTES), StandardCharsets.ISO_8859_1);
    String trimmed = text.stripLeading();
    if (trimmed.startsWith("\uFEFF") || trimmed.startsWith("\u00EF\u00BB\u00BF")) {
      trimmed = trimmed.substring(trimmed.startsWith("\uFEFF") ? 1 : 3).stripLeading();
    }
    return (trimmed.startsWith("<?xml")
            || trimmed.startsWith("<svg")
            || trimmed.startsWith("<!DOCTYPE svg"))
        && text.contains("<svg");
  }
}
