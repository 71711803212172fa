package io.imagegate.config;

import io.imagegate.keys.SignatureAlgorithm;
import io.imagegate.limits.Limits;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the configuration keys listed in the README's Configuration table (web.xml init-params, a
 * properties file named by {@code config-file}, or any map) into {@link ImageGateSettings}. Fails
 * closed: an unknown key or a bad value stops start-up with a message naming the key and the value;
 * key values are never repeated in a message.
 */
public final class ConfigParser {
  /** The init-param that names a properties file holding the same keys. */
  public static final String CONFIG_FILE = "config-file";

  private static final Set<String> KEYS =
      Set.of(
          "root",
          "endpoint",
          "key",
          "previous-keys",
          "signature-algorithms",
          "require-signature",
          "unsigned-transformations",
          "expiry-leeway",
          "private-marker",
          "cache.max-bytes",
          "cache.max-age",
          "limits.max-source-pixels",
          "limits.max-output-pixels",
          "limits.max-dimension",
          "limits.max-dpr",
          "limits.max-steps",
          "limits.max-overlays",
          "limits.max-transformation-length",
          "render.concurrency",
          "render.queue-timeout",
          "log.refusals");
  private static final Set<String> RULE_FIELDS =
      Set.of("path", "require-signature", "require-expiry", "max-ttl", "unsigned-transformation");
  private static final Pattern RULE_KEY = Pattern.compile("rule\\.([A-Za-z0-9_-]+)\\.([a-z-]+)");
  private static final Pattern NAMED_KEY = Pattern.compile("named\\.(.+)");
  private static final Pattern SCOPE_KEY = Pattern.compile("key-scope\\.([^.]+)\\.([a-z-]+)");
  private static final Pattern SIZE =
      Pattern.compile("(\\d+)\\s*(B|KB|MB|GB|K|M|G)?", Pattern.CASE_INSENSITIVE);
  private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)?");

  private final Function<String, String> environment;

  /** Every plain configuration key (not {@code rule.<name>.*}, {@code named.<name>}). */
  public static Set<String> keys() {
    return KEYS;
  }

  /** The fields of a {@code rule.<name>.*} block. */
  public static Set<String> ruleFields() {
    return RULE_FIELDS;
  }

  /**
   * @param environment looks up {@code env:NAME} values (normally {@code System::getenv})
   */
  public ConfigParser(Function<String, String> environment) {
    this.environment = environment;
  }

  /**
   * Parses a map of keys, first merging in the properties file named by {@code config-file} (keys
   * given directly win).
   *
   * @param params the keys and values
   * @param defaultRoot the root used when {@code root} is absent (the web app's own files), or null
   * @throws ConfigException naming the first bad key
   */
  public ImageGateSettings.Builder parse(Map<String, String> params, Path defaultRoot) {
    Map<String, String> all = new TreeMap<>();
    String configFile = params.get(CONFIG_FILE);
    if (configFile != null) {
      all.putAll(readProperties(Path.of(configFile)));
    }
    params.forEach(
        (k, v) -> {
          if (!k.equals(CONFIG_FILE)) {
            all.put(k, v);
          }
        });
    ImageGateSettings.Builder builder = ImageGateSettings.builder().environment(environment);
    Map<String, Map<String, String>> rules = new LinkedHashMap<>();
    Map<String, Map<String, String>> scopes = new LinkedHashMap<>();
    Limits limits = Limits.defaults();

    String root = all.get("root");
    if (root != null) {
      builder.root(Path.of(root.trim()));
    } else if (defaultRoot != null) {
      builder.root(defaultRoot);
    }
    for (Map.Entry<String, String> entry : all.entrySet()) {
      String key = entry.getKey();
      String value = entry.getValue() == null ? "" : entry.getValue().trim();
      Matcher rule = RULE_KEY.matcher(key);
      Matcher named = NAMED_KEY.matcher(key);
      if (rule.matches()) {
        if (!RULE_FIELDS.contains(rule.group(2))) {
          throw new ConfigException(
              key + ": unknown rule setting '" + rule.group(2) + "' (known: " + RULE_FIELDS + ")");
        }
        rules.computeIfAbsent(rule.group(1), n -> new LinkedHashMap<>()).put(rule.group(2), value);
        continue;
      }
      if (named.matches()) {
        builder.named(named.group(1), value);
        continue;
      }
      Matcher scope = SCOPE_KEY.matcher(key);
      if (scope.matches()) {
        if (!scope.group(2).equals("key") && !scope.group(2).equals("paths")) {
          throw new ConfigException(
              key + ": unknown key-scope setting '" + scope.group(2) + "' (known: key, paths)");
        }
        String field = scope.group(2);
        scopes.computeIfAbsent(scope.group(1), n -> new LinkedHashMap<>()).put(field, value);
        continue;
      }
      if (!KEYS.contains(key)) {
        throw new ConfigException(key + ": unknown configuration key");
      }
      Limits current = limits;
      switch (key) {
        case "root":
          break;
        case "endpoint":
          builder.endpoint(value);
          break;
        case "key":
          builder.key(secret(key, value));
          break;
        case "previous-keys":
          for (String part : value.split(",")) {
            if (!part.isBlank()) {
              builder.previousKey(secret(key, part.trim()));
            }
          }
          break;
        case "signature-algorithms":
          List<SignatureAlgorithm> algorithms = new ArrayList<>();
          for (String part : value.split(",")) {
            algorithms.add(
                SignatureAlgorithm.fromName(part)
                    .orElseThrow(
                        () ->
                            new ConfigException(
                                key
                                    + ": '"
                                    + part.trim()
                                    + "' is not one of HmacSHA1, HmacSHA256")));
          }
          builder.algorithms(algorithms);
          break;
        case "require-signature":
          builder.requireSignature(bool(key, value));
          break;
        case "unsigned-transformations":
          builder.unsignedTransformations(unsignedPolicy(key, value));
          break;
        case "expiry-leeway":
          builder.expiryLeeway(duration(key, value));
          break;
        case "private-marker":
          builder.privateMarker(value);
          break;
        case "cache.max-bytes":
          builder.cacheMaxBytes(size(key, value));
          break;
        case "cache.max-age":
          builder.cacheMaxAge(duration(key, value));
          break;
        case "limits.max-source-pixels":
          limits = limit(key, () -> current.withMaxSourcePixels(positiveLong(key, value)));
          break;
        case "limits.max-output-pixels":
          limits = limit(key, () -> current.withMaxOutputPixels(positiveLong(key, value)));
          break;
        case "limits.max-dimension":
          limits = limit(key, () -> current.withMaxDimension(positiveInt(key, value)));
          break;
        case "limits.max-dpr":
          limits = limit(key, () -> current.withMaxDpr(positiveDouble(key, value)));
          break;
        case "limits.max-steps":
          limits = limit(key, () -> current.withMaxSteps(positiveInt(key, value)));
          break;
        case "limits.max-overlays":
          limits = limit(key, () -> current.withMaxOverlays(nonNegativeInt(key, value)));
          break;
        case "limits.max-transformation-length":
          limits = limit(key, () -> current.withMaxTransformationLength(positiveInt(key, value)));
          break;
        case "render.concurrency":
          builder.renderConcurrency(positiveInt(key, value));
          break;
        case "render.queue-timeout":
          builder.renderQueueTimeout(duration(key, value));
          break;
        case "log.refusals":
          builder.logRefusals(refusalLevel(key, value));
          break;
        default:
          throw new ConfigException(key + ": unknown configuration key");
      }
    }
    builder.limits(limits);
    rules.forEach((name, fields) -> builder.rule(rule(name, fields)));
    scopes.forEach(
        (name, fields) ->
            builder.keyScope(
                name,
                fields.containsKey("key")
                    ? secret("key-scope." + name + ".key", fields.get("key"))
                    : null,
                fields.get("paths")));
    return builder;
  }

  /**
   * The files a configuration is read from, to watch for changes: the {@code config-file} and every
   * key file named by {@code file:} (in {@code key}, {@code previous-keys} and {@code
   * key-scope.<name>.key}), in that order.
   *
   * @param params the keys and values, as given to {@link #parse}
   * @throws ConfigException if the {@code config-file} cannot be read
   */
  public static List<Path> watchedFiles(Map<String, String> params) {
    Map<String, String> all = new TreeMap<>();
    List<Path> files = new ArrayList<>();
    String configFile = params.get(CONFIG_FILE);
    if (configFile != null) {
      files.add(Path.of(configFile));
      all.putAll(readProperties(Path.of(configFile)));
    }
    all.putAll(params);
    all.forEach(
        (key, value) -> {
          if (value == null
              || !(key.equals("key")
                  || key.equals("previous-keys")
                  || (key.startsWith("key-scope.") && key.endsWith(".key")))) {
            return;
          }
          String[] parts = key.equals("previous-keys") ? value.split(",") : new String[] {value};
          for (String part : parts) {
            String trimmed = part.trim();
            if (trimmed.startsWith("file:")) {
              files.add(Path.of(trimmed.substring(5)));
            }
          }
        });
    return files;
  }

  private static PathRule rule(String name, Map<String, String> fields) {
    String prefix = "rule." + name + ".";
    PathRule.Builder rule = PathRule.builder(name).path(fields.get("path"));
    if (fields.containsKey("require-signature")) {
      rule.requireSignature(bool(prefix + "require-signature", fields.get("require-signature")));
    }
    if (fields.containsKey("require-expiry")) {
      rule.requireExpiry(bool(prefix + "require-expiry", fields.get("require-expiry")));
    }
    if (fields.containsKey("max-ttl")) {
      rule.maxTtl(duration(prefix + "max-ttl", fields.get("max-ttl")));
    }
    if (fields.containsKey("unsigned-transformation")) {
      rule.unsignedTransformation(fields.get("unsigned-transformation"));
    }
    return rule.build();
  }

  /** {@code env:NAME}, {@code file:PATH} or the key itself; read when the settings are built. */
  private static KeySource secret(String key, String value) {
    if (value.isEmpty()) {
      throw new ConfigException(key + ": empty");
    }
    return KeySource.parse(value);
  }

  /** A changed limit; a bound the record refuses names the key. */
  private static Limits limit(String key, java.util.function.Supplier<Limits> changed) {
    try {
      return changed.get();
    } catch (ConfigException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw new ConfigException(key + ": " + e.getMessage());
    }
  }

  private static Map<String, String> readProperties(Path file) {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (IOException e) {
      throw new ConfigException(
          CONFIG_FILE + ": cannot read '" + file + "' (" + e.getClass().getSimpleName() + ")");
    }
    Map<String, String> map = new TreeMap<>();
    properties.forEach((k, v) -> map.put(k.toString(), v.toString()));
    return map;
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

  private static System.Logger.Level refusalLevel(String key, String value) {
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

  private static UnsignedTransformations unsignedPolicy(String key, String value) {
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

  private static long positiveLong(String key, String value) {
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

  private static int positiveInt(String key, String value) {
    long n = positiveLong(key, value);
    if (n > Integer.MAX_VALUE) {
      throw new ConfigException(key + ": '" + value + "' is too large");
    }
    return (int) n;
  }

  private static int nonNegativeInt(String key, String value) {
    if (value.equals("0")) {
      return 0;
    }
    return positiveInt(key, value);
  }

  private static double positiveDouble(String key, String value) {
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
