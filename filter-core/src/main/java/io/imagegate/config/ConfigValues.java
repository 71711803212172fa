package io.imagegate.config;

import io.imagegate.keys.SignatureAlgorithm;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How configuration values are read: each reader takes the key (for the message) and the trimmed
 * value, and throws a {@link ConfigException} naming the key and the value. Never used for a key's
 * value (see {@link #secret}).
 */
final class ConfigValues {
  private static final Pattern SIZE =
      Pattern.compile("(\\d+)\\s*(B|KB|MB|GB|K|M|G)?", Pattern.CASE_INSENSITIVE);
  private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)?");

  private ConfigValues() {}

  /** {@code env:NAME}, {@code file:PATH} or the key itself; read when the settings are built. */
  static KeySource secret(String key, String value) {
    if (value.isEmpty()) {
      throw new ConfigException(key + ": empty");
    }
    return KeySource.parse(value);
  }

  /** Comma-separated secrets; blanks skipped. */
  static List<KeySource> secrets(String key, String value) {
    List<KeySource> sources = new ArrayList<>();
    for (String part : value.split(",")) {
      if (!part.isBlank()) {
        sources.add(secret(key, part.trim()));
      }
    }
    return sources;
  }

  static List<SignatureAlgorithm> algorithms(String key, String value) {
    List<SignatureAlgorithm> algorithms = new ArrayList<>();
    for (String part : value.split(",")) {
      algorithms.add(
          SignatureAlgorithm.fromName(part)
              .orElseThrow(
                  () ->
                      new ConfigException(
                          key + ": '" + part.trim() + "' is not one of HmacSHA1, HmacSHA256")));
    }
    return algorithms;
  }

  static boolean bool(String key, String value) {
    switch (value.toLowerCase(Locale.ROOT)) {
      case "true":
        return true;
      case "false":
        return false;
      default:
        throw new ConfigException(key + ": '" + value + "' is not true or false");
    }
  }

  static System.Logger.Level refusalLevel(String key, String value) {
    switch (value.toLowerCase(Locale.ROOT)) {
      case "info":
        return System.Logger.Level.INFO;
      case "debug":
        return System.Logger.Level.DEBUG;
      case "off":
        return System.Logger.Level.OFF;
      default:
        throw new ConfigException(key + ": '" + value + "' is not one of info, debug, off");
    }
  }

  static UnsignedTransformations unsignedPolicy(String key, String value) {
    try {
      return UnsignedTransformations.valueOf(value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ConfigException(key + ": '" + value + "' is not one of any, named, none");
    }
  }

  /** Parses {@code 256MB}, {@code 1G}, {@code 1048576}; binary multiples. */
  static long size(String key, String value) {
    Matcher m = SIZE.matcher(value);
    if (!m.matches()) {
      throw new ConfigException(key + ": '" + value + "' is not a size such as 256MB");
    }
    long n = parseLong(key, m.group(1));
    String unit = m.group(2) == null ? "B" : m.group(2).toUpperCase(Locale.ROOT);
    int shift =
        unit.startsWith("K") ? 10 : unit.startsWith("M") ? 20 : unit.startsWith("G") ? 30 : 0;
    if (n > (Long.MAX_VALUE >> shift)) {
      throw new ConfigException(key + ": '" + value + "' is too large");
    }
    return n << shift;
  }

  /** Parses {@code 5s}, {@code 250ms}, {@code 2h}, or plain seconds. */
  static Duration duration(String key, String value) {
    Matcher m = DURATION.matcher(value);
    if (!m.matches()) {
      throw new ConfigException(
          key + ": '" + value + "' is not a duration such as 30 (seconds), 5s, 250ms, 2h");
    }
    long n = parseLong(key, m.group(1));
    String unit = m.group(2) == null ? "s" : m.group(2);
    try {
      switch (unit) {
        case "ms":
          return Duration.ofMillis(n);
        case "m":
          return Duration.ofMinutes(n);
        case "h":
          return Duration.ofHours(n);
        case "d":
          return Duration.ofDays(n);
        default:
          return Duration.ofSeconds(n);
      }
    } catch (ArithmeticException e) {
      throw new ConfigException(key + ": '" + value + "' is too large");
    }
  }

  private static long parseLong(String key, String digits) {
    try {
      return Long.parseLong(digits);
    } catch (NumberFormatException e) {
      throw new ConfigException(key + ": '" + digits + "' is too large");
    }
  }

  static long positiveLong(String key, String value) {
    long n;
    try {
      n = Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new ConfigException(key + ": '" + value + "' is not a whole number");
    }
    if (n < 1) {
      throw new ConfigException(key + ": must be at least 1, got " + value);
    }
    return n;
  }

  static int positiveInt(String key, String value) {
    long n = positiveLong(key, value);
    if (n > Integer.MAX_VALUE) {
      throw new ConfigException(key + ": '" + value + "' is too large");
    }
    return (int) n;
  }

  static int nonNegativeInt(String key, String value) {
    if (value.equals("0")) {
      return 0;
    }
    return positiveInt(key, value);
  }

  static double positiveDouble(String key, String value) {
    try {
      double d = Double.parseDouble(value);
      if (!(d > 0) || Double.isInfinite(d)) {
        throw new ConfigException(key + ": must be a positive number, got " + value);
      }
      return d;
    } catch (NumberFormatException e) {
      throw new ConfigException(key + ": '" + value + "' is not a number");
    }
  }
}
