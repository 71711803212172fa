package io.imagegate.config;

import io.imagegate.security.KeyRing;
import io.imagegate.security.KeyScope;
import io.imagegate.security.SignatureAlgorithm;
import io.imagegate.security.SigningKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the filter needs, built once, validated whole and immutable afterwards. Built by
 * {@link ConfigParser} from init-params or a properties file, or in code with {@link #builder()}
 * (embedded Jetty, Spring Boot). Setters check their own value and name the configuration key in
 * their message; {@link Builder#build()} checks the rules across fields.
 */
public final class ImageGateSettings {
  private final Path root;
  private final Optional<String> endpoint;
  private final KeyRing keys;
  private final List<SignatureAlgorithm> algorithms;
  private final boolean requireSignature;
  private final UnsignedTransformations unsignedTransformations;
  private final Duration expiryLeeway;
  private final String privateMarker;
  private final List<PathRule> rules;
  private final Map<String, String> named;
  private final long cacheMaxBytes;
  private final Duration cacheMaxAge;
  private final Limits limits;
  private final int renderConcurrency;
  private final Duration renderQueueTimeout;
  private final Clock clock;
  private final System.Logger.Level logRefusals;

  private ImageGateSettings(Builder b) {
    this.root = b.root;
    this.endpoint = Optional.ofNullable(b.endpoint);
    this.keys = new KeyRing(b.primaryKey, b.previousKeys, List.copyOf(b.scopedKeys.values()));
    this.algorithms = List.copyOf(b.algorithms);
    this.requireSignature = b.requireSignature;
    this.unsignedTransformations = b.unsignedTransformations;
    this.expiryLeeway = b.expiryLeeway;
    this.privateMarker = b.privateMarker;
    this.rules = List.copyOf(b.rules);
    this.named = Map.copyOf(b.named);
    this.cacheMaxBytes = b.cacheMaxBytes;
    this.cacheMaxAge = b.cacheMaxAge;
    this.limits = b.limits;
    this.renderConcurrency = b.renderConcurrency;
    this.renderQueueTimeout = b.renderQueueTimeout;
    this.clock = b.clock;
    this.logRefusals = b.logRefusals;
  }

  /** {@code log.refusals}: the level of the one line logged per refusal ({@code OFF}: none). */
  public System.Logger.Level logRefusals() {
    return logRefusals;
  }

  /** Starts a builder with every default (the README's Configuration table). */
  public static Builder builder() {
    return new Builder();
  }

  /** {@code root}: the image directory, as a real path. */
  public Path root() {
    return root;
  }

  /** {@code endpoint}: the URL prefix after the context path; empty means the mapping's prefix. */
  public Optional<String> endpoint() {
    return endpoint;
  }

  /** {@code key}, {@code previous-keys}, {@code key-scope.<name>.*}. */
  public KeyRing keys() {
    return keys;
  }

  /** {@code signature-algorithms}: accepted; the first one signs. */
  public List<SignatureAlgorithm> algorithms() {
    return algorithms;
  }

  /** {@code require-signature}: every request needs a valid signature. */
  public boolean requireSignature() {
    return requireSignature;
  }

  /** {@code unsigned-transformations}. */
  public UnsignedTransformations unsignedTransformations() {
    return unsignedTransformations;
  }

  /** {@code expiry-leeway}. */
  public Duration expiryLeeway() {
    return expiryLeeway;
  }

  /** {@code private-marker}: the marker file name. */
  public String privateMarker() {
    return privateMarker;
  }

  /** {@code rule.<name>.*}, in configuration order. */
  public List<PathRule> rules() {
    return rules;
  }

  /** {@code named.<name>}: named transformations. */
  public Map<String, String> named() {
    return named;
  }

  /** {@code cache.max-bytes}. */
  public long cacheMaxBytes() {
    return cacheMaxBytes;
  }

  /** {@code cache.max-age}. */
  public Duration cacheMaxAge() {
    return cacheMaxAge;
  }

  /** {@code limits.*}. */
  public Limits limits() {
    return limits;
  }

  /** {@code render.concurrency}. */
  public int renderConcurrency() {
    return renderConcurrency;
  }

  /** {@code render.queue-timeout}. */
  public Duration renderQueueTimeout() {
    return renderQueueTimeout;
  }

  /** The clock for expiry checks and marker-file freshness (tests inject one). */
  public Clock clock() {
    return clock;
  }

  /**
   * The {@code limits.*} keys.
   *
   * @param maxSourcePixels source width × height, read from the header before decoding
   * @param maxDimension output width or height
   * @param maxDpr largest {@code dpr}
   * @param maxSteps chained steps
   * @param maxOverlays overlays per request
   * @param maxTransformationLength characters of the transformation string
   */
  public record Limits(
      long maxSourcePixels,
      int maxDimension,
      double maxDpr,
      int maxSteps,
      int maxOverlays,
      int maxTransformationLength) {
    /** The defaults of the {@code limits.*} keys (the README's Configuration table). */
    public static Limits defaults() {
      return new Limits(50_000_000L, 8192, 5.0, 10, 5, 2048);
    }
  }

  /** Collects and checks settings; see {@link ConfigParser} for the key names. */
  public static final class Builder {
    private Path root;
    private String endpoint;
    private SigningKey primaryKey;
    private final List<SigningKey> previousKeys = new ArrayList<>();
    private final Map<String, KeyRing.Scoped> scopedKeys = new LinkedHashMap<>();
    private List<SignatureAlgorithm> algorithms =
        List.of(SignatureAlgorithm.HMAC_SHA1, SignatureAlgorithm.HMAC_SHA256);
    private boolean requireSignature;
    private UnsignedTransformations unsignedTransformations = UnsignedTransformations.NAMED;
    private Duration expiryLeeway = Duration.ZERO;
    private String privateMarker = ".private";
    private final List<PathRule> rules = new ArrayList<>();
    private final Map<String, String> named = new LinkedHashMap<>();
    private long cacheMaxBytes = 256L * 1024 * 1024;
    private Duration cacheMaxAge = Duration.ofDays(1);
    private Limits limits = Limits.defaults();
    private int renderConcurrency = Runtime.getRuntime().availableProcessors();
    private Duration renderQueueTimeout = Duration.ofSeconds(5);
    private Clock clock = Clock.systemUTC();
    private System.Logger.Level logRefusals = System.Logger.Level.INFO;

    private Builder() {}

    /** {@code log.refusals}: {@code INFO} (the default), {@code DEBUG} or {@code OFF}. */
    public Builder logRefusals(System.Logger.Level level) {
      Objects.requireNonNull(level, "level");
      if (level != System.Logger.Level.INFO
          && level != System.Logger.Level.DEBUG
          && level != System.Logger.Level.OFF) {
        throw new ConfigException("log.refusals: must be info, debug or off, got " + level);
      }
      this.logRefusals = level;
      return this;
    }

    /** {@code root}: an existing directory. */
    public Builder root(Path root) {
      Objects.requireNonNull(root, "root");
      if (!Files.isDirectory(root)) {
        throw new ConfigException("root: '" + root + "' is not a directory");
      }
      try {
        this.root = root.toRealPath();
      } catch (java.io.IOException e) {
        throw new ConfigException("root: '" + root + "' cannot be resolved: " + e.getMessage());
      }
      return this;
    }

    /** {@code endpoint}: e.g. {@code /img}. */
    public Builder endpoint(String endpoint) {
      if (!endpoint.startsWith("/")
          || endpoint.contains("?")
          || endpoint.contains(";")
          || endpoint.contains("*")) {
        throw new ConfigException("endpoint: '" + endpoint + "' must be a path starting with '/'");
      }
      this.endpoint =
          endpoint.length() > 1 && endpoint.endsWith("/")
              ? endpoint.substring(0, endpoint.length() - 1)
              : endpoint;
      return this;
    }

    /** {@code key}: the primary key's value (at least 32 bytes). */
    public Builder key(String key) {
      this.primaryKey = keyOf("key", key);
      return this;
    }

    /** {@code previous-keys}: one more verify-only key. */
    public Builder previousKey(String key) {
      this.previousKeys.add(keyOf("previous-keys", key));
      return this;
    }

    /**
     * {@code key-scope.<name>.key} and {@code key-scope.<name>.paths}: a key that signs only for
     * image and overlay paths matching one of the globs.
     *
     * @param name letters, digits, '_' and '-'
     * @param key the key's value (at least 32 bytes)
     * @param paths comma-separated globs such as {@code /partners/acme/**}
     */
    public Builder keyScope(String name, String key, String paths) {
      String prefix = "key-scope." + name + ".";
      if (!name.matches("[A-Za-z0-9_-]+")) {
        throw new ConfigException(
            prefix + "key: a scope name may hold only letters, digits, '_' and '-'");
      }
      if (scopedKeys.containsKey(name)) {
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
      scopedKeys.put(
          name,
          new KeyRing.Scoped(keyOf(prefix + "key", key), new KeyScope(name, List.copyOf(globs))));
      return this;
    }

    /** {@code signature-algorithms}: at least one; the first signs. */
    public Builder algorithms(List<SignatureAlgorithm> algorithms) {
      if (algorithms.isEmpty()) {
        throw new ConfigException("signature-algorithms: at least one algorithm is needed");
      }
      this.algorithms = List.copyOf(algorithms);
      return this;
    }

    /** {@code require-signature}. */
    public Builder requireSignature(boolean requireSignature) {
      this.requireSignature = requireSignature;
      return this;
    }

    /** {@code unsigned-transformations}. */
    public Builder unsignedTransformations(UnsignedTransformations policy) {
      this.unsignedTransformations = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /** {@code expiry-leeway}: zero or more. */
    public Builder expiryLeeway(Duration leeway) {
      if (leeway.isNegative()) {
        throw new ConfigException("expiry-leeway: must not be negative, got " + leeway.toSeconds());
      }
      this.expiryLeeway = leeway;
      return this;
    }

    /** {@code private-marker}: a plain file name starting with a dot. */
    public Builder privateMarker(String name) {
      if (!name.startsWith(".") || name.contains("/") || name.contains("\\") || name.length() < 2) {
        throw new ConfigException(
            "private-marker: '" + name + "' must be a file name starting with '.'");
      }
      this.privateMarker = name;
      return this;
    }

    /** Adds a {@code rule.<name>.*}. */
    public Builder rule(PathRule rule) {
      for (PathRule existing : rules) {
        if (existing.name().equals(rule.name())) {
          throw new ConfigException("rule." + rule.name() + ": defined twice");
        }
      }
      rules.add(rule);
      return this;
    }

    /** Adds a {@code named.<name>} transformation. */
    public Builder named(String name, String transformation) {
      if (!name.matches("[A-Za-z0-9_]+")) {
        throw new ConfigException(
            "named." + name + ": a name may hold only letters, digits and '_'");
      }
      if (transformation.isBlank()) {
        throw new ConfigException("named." + name + ": the transformation is empty");
      }
      named.put(name, transformation);
      return this;
    }

    /** {@code cache.max-bytes}: zero disables the result cache. */
    public Builder cacheMaxBytes(long bytes) {
      if (bytes < 0) {
        throw new ConfigException("cache.max-bytes: must not be negative, got " + bytes);
      }
      this.cacheMaxBytes = bytes;
      return this;
    }

    /** {@code cache.max-age}. */
    public Builder cacheMaxAge(Duration maxAge) {
      if (maxAge.isNegative()) {
        throw new ConfigException("cache.max-age: must not be negative, got " + maxAge.toSeconds());
      }
      this.cacheMaxAge = maxAge;
      return this;
    }

    /** {@code limits.*}. */
    public Builder limits(Limits limits) {
      this.limits = Objects.requireNonNull(limits, "limits");
      return this;
    }

    /** {@code render.concurrency}: 1 or more. */
    public Builder renderConcurrency(int renders) {
      if (renders < 1) {
        throw new ConfigException("render.concurrency: must be at least 1, got " + renders);
      }
      this.renderConcurrency = renders;
      return this;
    }

    /** {@code render.queue-timeout}. */
    public Builder renderQueueTimeout(Duration timeout) {
      if (timeout.isNegative()) {
        throw new ConfigException("render.queue-timeout: must not be negative");
      }
      this.renderQueueTimeout = timeout;
      return this;
    }

    /** The clock (tests). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Checks the rules across fields and builds. */
    public ImageGateSettings build() {
      if (root == null) {
        throw new ConfigException("root: no image directory is configured");
      }
      if (primaryKey == null) {
        throw new ConfigException(
            "key: a signing key is required (a value, env:NAME or file:PATH)");
      }
      List<SigningKey> unscoped = new ArrayList<>(previousKeys);
      unscoped.add(primaryKey);
      List<SigningKey> seen = new ArrayList<>();
      for (Map.Entry<String, KeyRing.Scoped> scoped : scopedKeys.entrySet()) {
        SigningKey key = scoped.getValue().key();
        if (unscoped.contains(key) || seen.contains(key)) {
          // The same key unscoped would sign everywhere; twice, it would not say whose it is.
          throw new ConfigException(
              "key-scope."
                  + scoped.getKey()
                  + ".key: the same key is also configured as key, previous-keys or another"
                  + " key scope; give each partner a key of its own");
        }
        seen.add(key);
      }
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
                });
      }
      return new ImageGateSettings(this);
    }

    private static SigningKey keyOf(String configKey, String value) {
      try {
        return SigningKey.of(value);
      } catch (IllegalArgumentException e) {
        throw new ConfigException(configKey + ": " + e.getMessage());
      }
    }
  }
}
