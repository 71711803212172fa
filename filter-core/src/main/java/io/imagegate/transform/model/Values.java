package io.imagegate.transform.model;

import io.imagegate.failure.Failure;
import io.imagegate.failure.ImageGateException;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Reads the value part of one parameter. Every reader either returns a valid value or throws a
 * {@link Failure#BAD_TRANSFORMATION} naming the key and the value; none relies on {@code
 * Integer.parseInt} or {@code Double.parseDouble} seeing untrusted text, so no input can overflow,
 * produce NaN or escape as another exception.
 */
public final class Values {
  /** Bound for coordinates and offsets: nine digits, far beyond any image and far from overflow. */
  public static final int MAX_COORDINATE = 999_999_999;

  /** Decimals kept for fractions and dpr; more precision means nothing for pixels. */
  public static final int MAX_DECIMALS = 8;

  private static final int ECHO_LIMIT = 40;

  private Values() {}

  /** A 400 with a formatted message. */
  public static ImageGateException bad(String format, Object... args) {
    return ImageGateException.of(Failure.BAD_TRANSFORMATION, format, args);
  }

  /**
   * Client text made safe to echo in an error message: control characters become {@code ?} and a
   * long value is shortened, so a hostile URL cannot forge log lines or bloat a response.
   */
  public static String echo(String text) {
    StringBuilder out = new StringBuilder();
    int end = Math.min(text.length(), ECHO_LIMIT);
    for (int i = 0; i < end; i++) {
      char c = text.charAt(i);
      out.append(Character.isISOControl(c) || Character.isSurrogate(c) ? '?' : c);
    }
    return text.length() > ECHO_LIMIT ? out + "..." : out.toString();
  }

  /** Whether the text is one or more ASCII digits (no sign, no other Unicode digits). */
  public static boolean isDigits(String text) {
    if (text.isEmpty()) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  /** ASCII digits as a long, saturating at {@link Long#MAX_VALUE} instead of overflowing. */
  public static long digits(String text) {
    int start = 0;
    while (start < text.length() - 1 && text.charAt(start) == '0') {
      start++;
    }
    if (text.length() - start > 18) {
      return Long.MAX_VALUE;
    }
    return Long.parseLong(text.substring(start));
  }

  /** An integer {@code min..max} written as plain ASCII digits. */
  public static int integer(String key, String value, int min, int max) {
    if (isDigits(value)) {
      long v = digits(value);
      if (v >= min && v <= max) {
        return (int) v;
      }
    }
    throw bad("%s must be an integer from %d to %d, got '%s'", key, min, max, echo(value));
  }

  /**
   * An integer with ImageKit's {@code N} prefix for negative values ({@code N20} is -20), within
   * plus or minus {@link #MAX_COORDINATE}.
   */
  public static int signedOffset(String key, String value) {
    boolean negative = value.startsWith("N");
    String digits = negative ? value.substring(1) : value;
    if (isDigits(digits)) {
      long v = digits(digits);
      if (v <= MAX_COORDINATE) {
        return (int) (negative ? -v : v);
      }
    }
    throw bad(
        "%s must be an integer, with N for negative (e.g. N20), up to %d, got '%s'",
        key, MAX_COORDINATE, echo(value));
  }

  /**
   * A plain decimal {@code 12} or {@code 0.25}: ASCII digits, at most one point with digits on both
   * sides and at most {@link #MAX_DECIMALS} after it; otherwise {@code null}.
   */
  public static BigDecimal decimal(String text) {
    int point = text.indexOf('.');
    String whole = point < 0 ? text : text.substring(0, point);
    String decimals = point < 0 ? "" : text.substring(point + 1);
    if (!isDigits(whole)
        || (point >= 0 && !isDigits(decimals))
        || decimals.length() > MAX_DECIMALS) {
      return null;
    }
    return new BigDecimal(text);
  }

  /** The canonical text of a decimal read by {@link #decimal}: {@code 0.5}, {@code 2}. */
  public static String decimalText(double value) {
    // Rounding the exact binary value back to MAX_DECIMALS recovers the decimal that was parsed,
    // whatever Double.toString would print.
    return new BigDecimal(value)
        .setScale(MAX_DECIMALS, RoundingMode.HALF_EVEN)
        .stripTrailingZeros()
        .toPlainString();
  }

  /** {@code w}/{@code h}/{@code ow}/{@code oh}: whole pixels 1..max, or a fraction 0-1. */
  public static Dimension dimension(String key, String value, int maxDimension) {
    if (value.equals("auto")) {
      throw bad("%s-auto (client hints) is not supported; give pixels or a fraction 0-1", key);
    }
    BigDecimal d = decimal(value);
    if (d != null) {
      if (value.indexOf('.') < 0) {
        long pixels = digits(value);
        if (pixels > maxDimension) {
          throw bad("%s must be at most %d pixels, got '%s'", key, maxDimension, echo(value));
        }
        if (pixels >= 1) {
          return Dimension.ofPixels((int) pixels);
        }
      } else {
        double fraction = d.doubleValue();
        if (fraction > 0 && fraction < 1) {
          return Dimension.ofFraction(fraction);
        }
      }
    }
    throw bad("%s must be a positive integer or a fraction 0-1, got '%s'", key, echo(value));
  }

  /** {@code true} or {@code false}. */
  public static boolean bool(String key, String value) {
    switch (value) {
      case "true":
        return true;
      case "false":
        return false;
      default:
        throw bad("%s must be true or false, got '%s'", key, echo(value));
    }
  }

  /**
   * A colour: {@code RRGGBB}, {@code RRGGBBOO} (opacity 00-99) or a CSS name such as {@code white}.
   */
  public static Color color(String key, String value) {
    return Color.parse(value)
        .orElseThrow(
            () ->
                bad(
                    "%s must be a colour RRGGBB, RRGGBBOO (OO: opacity 00-99) or a CSS colour name such as "
                        + "white, got '%s'",
                    key, echo(value)));
  }
}
