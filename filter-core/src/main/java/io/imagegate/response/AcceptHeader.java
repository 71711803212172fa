package io.imagegate.response;

import java.util.Locale;

/**
 * Reads an {@code Accept} header (RFC 9110 §12.5.1) with its quality values: {@code image/webp;q=0}
 * refuses WebP, it does not ask for it.
 */
public final class AcceptHeader {
  private AcceptHeader() {}

  /**
   * Whether the header names {@code mediaType} itself (wildcards do not count: a browser that sends
   * only {@code *}{@code /*} is not assumed to decode WebP) with a quality above zero.
   *
   * @param header the header value, or null
   * @param mediaType e.g. {@code image/webp}
   */
  public static boolean names(String header, String mediaType) {
    if (header == null) {
      return false;
    }
    boolean named = false;
    for (String range : header.split(",")) {
      String[] parts = range.split(";");
      if (!parts[0].trim().equalsIgnoreCase(mediaType)) {
        continue;
      }
      double q = 1;
      for (int i = 1; i < parts.length; i++) {
        String param = parts[i].trim();
        if (param.toLowerCase(Locale.ROOT).startsWith("q=")) {
          q = quality(param.substring(2).trim());
        }
      }
      if (q <= 0) {
        // An explicit refusal wins over any other mention.
        return false;
      }
      named = true;
    }
    return named;
  }

  /** A {@code qvalue}: 0 to 1 with up to three decimals; anything else counts as 0 (refused). */
  private static double quality(String value) {
    if (!value.matches("(0(\\.\\d{0,3})?|1(\\.0{0,3})?)")) {
      return 0;
    }
    return Double.parseDouble(value);
  }
}
