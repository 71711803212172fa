package io.imagegate.config;

import io.imagegate.keys.KeyRing;
import io.imagegate.keys.KeyScope;
import io.imagegate.keys.PathGlob;
import io.imagegate.keys.SignatureAlgorithm;
import io.imagegate.keys.SigningKey;
import io.imagegate.limits.Limits;
import io.imagegate.transform.TransformationParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * The checks behind {@link ImageGateSettings.Builder}: one value at a time for the setters (each
 * message names its configuration key), and across fields for {@code build()} (the keys read from
 * their sources, named transformations and rules' unsigned transformations parsed as the filter
 * will parse them).
 */
final class SettingsChecks {
  private SettingsChecks() {}

  /** A scoped key before its source is read. */
  record ScopeDraft(KeySource key, KeyScope scope) {}

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

  /**
   * {@code key-scope.<name>.*}: the name, the key's presence and the path globs.
   *
   * @param defined the scope names already defined
   */
  static KeyScope keyScope(String name, KeySource key, String paths, Set<String> defined) {
    String prefix = "key-scope." + name + ".";
    if (!name.matches("[A-Za-z0-9_-]+")) {
      throw new ConfigException(
          prefix + "key: a scope name may hold only letters, digits, '_' and '-'");
    }
    if (defined.contains(name)) {
      throw new ConfigException(prefix + "key: defined twice");
    }
    if (key == null) {
      throw new ConfigException(prefix + "key: every key scope needs a key");
    }
    if (paths == null || paths.isBlank()) {
      throw new ConfigException(
          prefix + "paths: every key scope needs path globs, e.g. /partners/acme/**");
    }
    List<PathGlob> globs = new ArrayList<>();
    for (String part : paths.split(",")) {
      String glob = part.trim();
      try {
        globs.add(PathGlob.compile(glob));
      } catch (IllegalArgumentException e) {
        throw new ConfigException(
            prefix + "paths: '" + glob + "' is not a valid glob: " + e.getMessage());
      }
    }
    return new KeyScope(name, List.copyOf(globs));
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

  /** Reads every key from its source: the primary, the previous ones, the scoped ones. */
  static KeyRing keyRing(
      KeySource primaryKey,
      List<KeySource> previousKeys,
      Map<String, ScopeDraft> scopedKeys,
      Function<String, String> environment) {
    List<SigningKey> previous = new ArrayList<>();
    for (KeySource source : previousKeys) {
      previous.add(keyOf("previous-keys", source.resolve("previous-keys", environment)));
    }
    SigningKey primary = keyOf("key", primaryKey.resolve("key", environment));
    return new KeyRing(primary, previous, scopedKeys(scopedKeys, primary, previous, environment));
  }

  /** Reads the scoped keys; each must differ from every other key. */
  private static List<KeyRing.Scoped> scopedKeys(
      Map<String, ScopeDraft> drafts,
      SigningKey primary,
      List<SigningKey> previous,
      Function<String, String> environment) {
    List<SigningKey> unscoped = new ArrayList<>(previous);
    unscoped.add(primary);
    List<KeyRing.Scoped> scoped = new ArrayList<>();
    List<SigningKey> seen = new ArrayList<>();
    for (Map.Entry<String, ScopeDraft> draft : drafts.entrySet()) {
      String configKey = "key-scope." + draft.getKey() + ".key";
      SigningKey key = keyOf(configKey, draft.getValue().key().resolve(configKey, environment));
      if (unscoped.contains(key) || seen.contains(key)) {
        // The same key unscoped would sign everywhere; twice, it would not say whose it is.
        throw new ConfigException(
            configKey
                + ": the same key is also configured as key, previous-keys or another"
                + " key scope; give each partner a key of its own");
      }
      seen.add(key);
      scoped.add(new KeyRing.Scoped(key, draft.getValue().scope()));
    }
    return scoped;
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

  /** A key given as text; {@code env:} and {@code file:} are refused, not taken as keys. */
  static KeySource literal(String configKey, String key) {
    Objects.requireNonNull(key, configKey);
    if (key.startsWith("env:") || key.startsWith("file:")) {
      throw new ConfigException(
          configKey
              + ": '"
              + key.substring(0, key.indexOf(':') + 1)
              + "...' is a key source, not a key: pass KeySource.env(NAME) or"
              + " KeySource.file(PATH) (or KeySource.parse(text) for configuration text)");
    }
    return KeySource.value(key);
  }

  /** A literal key's length is checked at once; environment and files are read by build(). */
  static KeySource checkedAtOnce(
      String configKey, KeySource source, Function<String, String> environment) {
    Objects.requireNonNull(source, "source");
    if (source.isValue()) {
      keyOf(configKey, source.resolve(configKey, environment));
    }
    return source;
  }

  static SigningKey keyOf(String configKey, String value) {
    try {
      return SigningKey.of(value);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(configKey + ": " + e.getMessage());
    }
  }
}
