package io.imagegate.config;

import io.imagegate.keys.SignatureAlgorithm;
import io.imagegate.limits.Limits;
import io.imagegate.transform.TransformationParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The checks behind {@link ImageGateSettingsBuilder} (the keys' own are in {@link KeyChecks}): one
 * value at a time for the setters (each message names its configuration key), and across fields for
 * {@code build()} (named transformations and rules' unsigned transformations parsed as the filter
 * will parse them).
 */
final class SettingsChecks {
  private SettingsChecks() {}

  /** {@code log.refusals}: {@code INFO}, {@code DEBUG} or {@code OFF}. */
  static System.Logger.Level logRefusals(System.Logger.Level level) {
    Objects.requireNonNull(level, "level");
    if (level != System.Logger.Level.INFO
        && level != System.Logger.Level.DEBUG
        && level != System.Logger.Level.OFF) {
      throw new ConfigException("log.refusals: must be info, debug or off, got " + level);
    }
    return level;
  }

  /** {@code endpoint}: a path starting with '/', without a trailing slash. */
  static String endpoint(String endpoint) {
    if (!endpoint.startsWith("/")
        || endpoint.contains("?")
        || endpoint.contains(";")
        || endpoint.contains("*")) {
      throw new ConfigException("endpoint: '" + endpoint + "' must be a path starting with '/'");
    }
    return endpoint.length() > 1 && endpoint.endsWith("/")
        ? endpoint.substring(0, endpoint.length() - 1)
        : endpoint;
  }

  /** {@code private-marker}: a plain file name starting with a dot. */
  static String privateMarker(String name) {
    if (!name.startsWith(".") || name.contains("/") || name.contains("\\") || name.length() < 2) {
      throw new ConfigException(
          "private-marker: '" + name + "' must be a file name starting with '.'");
    }
    return name;
  }

  /** {@code named.<name>}: a valid name and a transformation that is not blank. */
  static void named(String name, String transformation) {
    if (!TransformationParser.NAME.matcher(name).matches()) {
      throw new ConfigException("named." + name + ": a name may hold only letters, digits and '_'");
    }
    if (transformation.isBlank()) {
      throw new ConfigException("named." + name + ": the transformation is empty");
    }
  }

  /** A duration of zero or more, the message naming {@code configKey} and the seconds given. */
  static Duration notNegative(String configKey, Duration duration) {
    if (duration.isNegative()) {
      throw new ConfigException(configKey + ": must not be negative, got " + duration.toSeconds());
    }
    return duration;
  }

  /** {@code root}: an existing directory, as a real path. */
  static Path root(Path root) {
    Objects.requireNonNull(root, "root");
    if (!Files.isDirectory(root)) {
      throw new ConfigException("root: '" + root + "' is not a directory");
    }
    try {
      return root.toRealPath();
    } catch (java.io.IOException e) {
      throw new ConfigException("root: '" + root + "' cannot be resolved: " + e.getMessage());
    }
  }

  /** {@code signature-algorithms}: at least one. */
  static List<SignatureAlgorithm> algorithms(List<SignatureAlgorithm> algorithms) {
    if (algorithms.isEmpty()) {
      throw new ConfigException("signature-algorithms: at least one algorithm is needed");
    }
    return List.copyOf(algorithms);
  }

  /** {@code rule.<name>.*}: a name no earlier rule has. */
  static PathRule newRule(List<PathRule> rules, PathRule rule) {
    for (PathRule existing : rules) {
      if (existing.name().equals(rule.name())) {
        throw new ConfigException("rule." + rule.name() + ": defined twice");
      }
    }
    return rule;
  }

  /** {@code limits.max-output-pixels}: positive. */
  static long maxOutputPixels(long pixels) {
    if (pixels < 1) {
      throw new ConfigException("limits.max-output-pixels: must be positive, got " + pixels);
    }
    return pixels;
  }

  /** {@code cache.max-bytes}: zero or more. */
  static long cacheMaxBytes(long bytes) {
    if (bytes < 0) {
      throw new ConfigException("cache.max-bytes: must not be negative, got " + bytes);
    }
    return bytes;
  }

  /**
   * {@code cache.max-bytes}, at most a quarter of {@code heap}: a larger value is capped with one
   * warning naming both numbers (the rest of the heap is for renders).
   */
  static long capCache(long requested, long heap) {
    long cap = heap / 4;
    if (requested <= cap) {
      return requested;
    }
    System.getLogger(ImageGateSettings.class.getName())
        .log(
            System.Logger.Level.WARNING,
            "cache.max-bytes="
                + requested
                + " is more than a quarter of the maximum heap ("
                + heap
                + " bytes); capped to "
                + cap);
    return cap;
  }

  /** {@code render.concurrency}: 1 or more. */
  static int renderConcurrency(int renders) {
    if (renders < 1) {
      throw new ConfigException("render.concurrency: must be at least 1, got " + renders);
    }
    return renders;
  }

  /** {@code render.queue-timeout}: zero or more. */
  static Duration renderQueueTimeout(Duration timeout) {
    if (timeout.isNegative()) {
      throw new ConfigException("render.queue-timeout: must not be negative");
    }
    return timeout;
  }

  /** Each rule's unsigned transformation: reachable, and parsed as the filter will parse it. */
  static void unsignedTransformations(List<PathRule> rules, TransformationParser transformations) {
    for (PathRule rule : rules) {
      rule.unsignedTransformation()
          .ifPresent(
              t -> {
                if (rule.requireSignature()) {
                  throw new ConfigException(
                      "rule."
                          + rule.name()
                          + ".unsigned-transformation: the rule requires a"
                          + " signature, so no unsigned request reaches it; set rule."
                          + rule.name()
                          + ".require-signature=false");
                }
                try {
                  transformations.parse(t);
                } catch (RuntimeException e) {
                  throw new ConfigException(
                      "rule." + rule.name() + ".unsigned-transformation: " + e.getMessage());
                }
              });
    }
  }

  /** Checks every named transformation as the filter will parse them. */
  static TransformationParser transformations(Map<String, String> named, Limits limits) {
    // One at a time first, so the message names the key (named.thumb), then all together.
    named.forEach(
        (name, text) -> {
          try {
            new TransformationParser(Map.of(name, text), limits);
          } catch (IllegalArgumentException e) {
            throw new ConfigException("named." + name + ": " + e.getMessage());
          }
        });
    try {
      return new TransformationParser(named, limits);
    } catch (IllegalArgumentException e) {
      throw new ConfigException("named: " + e.getMessage());
    }
  }
}
