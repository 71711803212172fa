package io.imagegate.request;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Percent-encoding as the signature scheme needs it. The signer and the verifier share these
 * functions, so that what one signs the other checks byte for byte.
 */
public final class UriText {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  /**
   * What JavaScript's {@code encodeURI} leaves alone in a path, less {@code ;} {@code ?} {@code #}.
   */
  private static final String PATH_SAFE = "-_.!~*'()/,:@&=+$";

  /** What {@code encodeURIComponent} leaves alone, plus the grammar's {@code , : @}. */
  private static final String COMPONENT_SAFE = "-_.!~*'(),:@";

  private UriText() {}

  /**
   * The form of raw URI text that is signed: percent-escapes in upper case (RFC 3986 §6.2.2.1) and
   * characters outside ASCII as their UTF-8 percent-escapes.
   *
   * @throws IllegalArgumentException if a {@code %} is not followed by two hex digits
   */
  static String canonical(String raw) {
    StringBuilder out = null;
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '%') {
        if (i + 2 >= raw.length() || hex(raw.charAt(i + 1)) < 0 || hex(raw.charAt(i + 2)) < 0) {
          throw new IllegalArgumentException("a '%' is not followed by two hex digits");
        }
        char a = Character.toUpperCase(raw.charAt(i + 1));
        char b = Character.toUpperCase(raw.charAt(i + 2));
        if (out == null && (a != raw.charAt(i + 1) || b != raw.charAt(i + 2))) {
          out = new StringBuilder(raw.length() + 16).append(raw, 0, i);
        }
        if (out != null) {
          out.append('%').append(a).append(b);
        }
        i += 2;
      } else if (c > 0x7E || c < 0x21) {
        if (out == null) {
          out = new StringBuilder(raw.length() + 16).append(raw, 0, i);
        }
        int end = Character.isHighSurrogate(c) && i + 1 < raw.length() ? i + 2 : i + 1;
        appendEscaped(out, raw.substring(i, end).getBytes(StandardCharsets.UTF_8));
        i = end - 1;
      } else if (out != null) {
        out.append(c);
      }
    }
    return out == null ? raw : out.toString();
  }

  /**
   * Encodes an image path for a URL the way ImageKit's SDKs do ({@code encodeURI}), except that
   * {@code ;}, {@code ?}, {@code #} and {@code %} are always escaped so a file name cannot change
   * the URL's structure.
   */
  public static String encodePath(String path) {
    StringBuilder out = new StringBuilder(path.length() + 16);
    byte[] bytes = path.getBytes(StandardCharsets.UTF_8);
    for (byte b : bytes) {
      int c = b & 0xFF;
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || (c < 0x80 && PATH_SAFE.indexOf(c) >= 0)) {
        out.append((char) c);
      } else {
        out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
      }
    }
    return out.toString();
  }

  /**
   * Encodes a transformation or a query parameter name or value: everything but the characters
   * JavaScript's {@code encodeURIComponent} keeps, and {@code , : @} that the transformation
   * grammar uses and that are legal in paths and queries alike.
   */
  public static String encodeQueryComponent(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xFF;
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || (c < 0x80 && COMPONENT_SAFE.indexOf(c) >= 0)) {
        out.append((char) c);
      } else {
        out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
      }
    }
    return out.toString();
  }

  /**
   * Decodes percent-escapes once, strictly: the bytes must be valid UTF-8.
   *
   * @param plusIsSpace whether {@code +} means a space (form encoding, for query values)
   * @throws IllegalArgumentException on a malformed escape or invalid UTF-8
   */
  static String decode(String raw, boolean plusIsSpace) {
    if (raw.indexOf('%') < 0 && (!plusIsSpace || raw.indexOf('+') < 0)) {
      return raw;
    }
    ByteBuffer bytes = ByteBuffer.allocate(raw.length() * 3);
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '%') {
        if (i + 2 >= raw.length() || hex(raw.charAt(i + 1)) < 0 || hex(raw.charAt(i + 2)) < 0) {
          throw new IllegalArgumentException("a '%' is not followed by two hex digits");
        }
        bytes.put((byte) (hex(raw.charAt(i + 1)) << 4 | hex(raw.charAt(i + 2))));
        i += 2;
      } else if (c == '+' && plusIsSpace) {
        bytes.put((byte) ' ');
      } else if (c < 0x80) {
        bytes.put((byte) c);
      } else {
        int end = Character.isHighSurrogate(c) && i + 1 < raw.length() ? i + 2 : i + 1;
        bytes.put(raw.substring(i, end).getBytes(StandardCharsets.UTF_8));
        i = end - 1;
      }
    }
    bytes.flip();
    try {
      CharBuffer chars =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(bytes);
      return chars.toString();
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException("percent-escapes are not valid UTF-8");
    }
  }

  private static void appendEscaped(StringBuilder out, byte[] bytes) {
    for (byte b : bytes) {
      out.append('%').append(HEX[(b & 0xFF) >> 4]).append(HEX[b & 0xF]);
    }
  }

  private static int hex(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }
}
