package io.imagegate.response;

import io.imagegate.failure.Failure;
import io.imagegate.failure.ImageGateException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * ImageKit's {@code ik-attachment=true}: the response is a download, {@code Content-Disposition:
 * attachment; filename="<name>"} (RFC 6266), with a UTF-8 {@code filename*} (RFC 8187) when the
 * name is not plain ASCII. Like every query parameter it is covered by the signature.
 */
public final class ContentDisposition {
  /** The query parameter. */
  static final String PARAMETER = "ik-attachment";

  private ContentDisposition() {}

  /**
   * Whether a raw query could ask for an attachment at all: it cannot name the parameter without
   * its plain name or an escape.
   *
   * @param rawQuery the query as sent, or null
   */
  public static boolean mayBeNamedIn(String rawQuery) {
    return rawQuery != null && (rawQuery.contains(PARAMETER) || rawQuery.indexOf('%') >= 0);
  }

  /**
   * Whether the request asks for an attachment: {@code ik-attachment=true}; {@code false} or absent
   * is inline.
   *
   * @throws ImageGateException 400 for another value or a repeated parameter
   */
  public static boolean requested(HttpServletRequest request) {
    // Asking the container parses the whole query into a map, on every request: first look at
    // the raw query.
    if (!mayBeNamedIn(request.getQueryString())) {
      return false;
    }
    String[] values = request.getParameterValues(PARAMETER);
    if (values == null) {
      return false;
    }
    if (values.length > 1) {
      throw new ImageGateException(Failure.BAD_URL, PARAMETER + " is given more than once");
    }
    return switch (values[0]) {
      case "true" -> true;
      case "false" -> false;
      default ->
          throw new ImageGateException(Failure.BAD_URL, PARAMETER + " must be true or false");
    };
  }

  /**
   * Sets the header when the request asks for it.
   *
   * @param fileName the name to offer, e.g. {@code burger.jpg}
   */
  public static void apply(
      HttpServletRequest request, HttpServletResponse response, String fileName) {
    if (requested(request)) {
      response.setHeader("Content-Disposition", value(fileName));
    }
  }

  /**
   * The last segment of a path below the endpoint: {@code gallery/burger.jpg} is {@code
   * burger.jpg}.
   */
  public static String lastSegment(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  /** The header value for a file name. */
  public static String value(String fileName) {
    StringBuilder ascii = new StringBuilder();
    boolean plain = true;
    for (int i = 0; i < fileName.length(); i++) {
      char c = fileName.charAt(i);
      boolean safe = c >= 0x20 && c <= 0x7E && c != '"' && c != '\\';
      ascii.append(safe ? c : '_');
      plain &= safe;
    }
    String header = "attachment; filename=\"" + ascii + "\"";
    return plain ? header : header + "; filename*=UTF-8''" + encode(fileName);
  }

  /** A file name with another extension: {@code burger.jpg} as WebP is {@code burger.webp}. */
  public static String withExtension(String fileName, Optional<String> extension) {
    if (extension.isEmpty()) {
      return fileName;
    }
    int dot = fileName.lastIndexOf('.');
    String stem = dot > 0 ? fileName.substring(0, dot) : fileName;
    String current = dot > 0 ? fileName.substring(dot + 1) : "";
    String wanted = extension.get();
    boolean same =
        current.equalsIgnoreCase(wanted)
            || (wanted.equals("jpg") && current.equalsIgnoreCase("jpeg"));
    return same ? fileName : stem + "." + wanted;
  }

  /** RFC 8187 value characters: attr-char as is, every other UTF-8 byte as %XX. */
  private static String encode(String text) {
    StringBuilder out = new StringBuilder();
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xFF;
      boolean attrChar =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || "!#$&+-.^_`|~".indexOf(c) >= 0;
      if (attrChar) {
        out.append((char) c);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)));
        out.append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
      }
    }
    return out.toString();
  }
}
