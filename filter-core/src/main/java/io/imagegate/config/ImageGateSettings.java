package io.imagegate.config;

import io.imagegate.config.SettingsChecks.ScopeDraft;
import io.imagegate.keys.KeyRing;
import io.imagegate.keys.KeyScope;
import io.imagegate.keys.SignatureAlgorithm;
import io.imagegate.limits.Limits;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Everything the filter needs, built once, validated whole and immutable afterwards. Built by
 * {@link ConfigParser} from init-params or a properties file, or in code with {@link #builder()}
 * (embedded Jetty, Spring Boot). Setters check their own value and name the configuration key in
 * their message; {@link Builder#build()} reads the keys and checks everything the filter would
 * check at start-up (named transformations, rules' unsigned transformations, the rules across
 * fields), so settings that build are settings the filter accepts.
 *
 * <pre>{@code
 * ImageGateSettings settings = ImageGateSettings.builder()
 *     .root(Path.of("/srv/images"))
 *     .key(KeySource.env("IMAGEGATE_KEY"))
 *     .rule("originals", r -> r.path("/originals/**").requireExpiry().maxTtl(Duration.ofHours(1)))
 *     .named("thumb", "w-300,h-300")
 *     .build();
 * }</pre>
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
    this.keys = b.keyRing;
    this.algorithms = List.copyOf(b.algorithms);
    this.requireSignature = b.requireSignature;
    this.unsignedTransformations = b.unsignedTransformations;
    this.expiryLeeway = b.expiryLeeway;
    this.privateMarker = b.privateMarker;
    this.rules = List.copyOf(b.rules);
    this.named = Map.copyOf(b.named);
    this.cacheMaxBytes = capCache(b.cacheMaxBytes, Runtime.getRuntime().maxMemory());
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

  /**
   * {@code cache.max-bytes}, at most a quarter of {@code heap}: a larger value is capped with one
   * warning naming both numbers (the rest of the heap is for renders).
   */
  static long capCache(long requested, long heap) {
    return SettingsChecks.capCache(requested, heap);
  }

  /** {@code cache.max-bytes}, capped at a quarter of the heap. */
  public long cacheMaxBytes() {
    return cacheMaxBytes;
  }

  /** {@code cache.max-age}. */
  public Duration cacheMaxAge() {
    return cacheMaxAge;
  }

  /** {@code limits.*}: every bound a request must stay within. */
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

  /** Collects and checks settings; see {@link ConfigParser} for the key names. */
  public static final class Builder {
    private Path root;
    private String endpoint;
    private KeySource primaryKey;
    private final List<KeySource> previousKeys = new ArrayList<>();
    private Function<String, String> environment = System::getenv;
    private KeyRing keyRing;
    private final Map<String, ScopeDraft> scopedKeys = new LinkedHashMap<>();
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
      this.logRefusals = SettingsChecks.logRefusals(level);
      return this;
    }

    /** {@code root}: an existing directory. */
    public Builder root(Path root) {
      this.root = SettingsChecks.root(root);
      return this;
    }

    /** {@code endpoint}: e.g. {@code /img}. */
    public Builder endpoint(String endpoint) {
      this.endpoint = SettingsChecks.endpoint(endpoint);
      return this;
    }

    /**
     * {@code key}: the primary key itself (at least 32 bytes). Text starting with {@code env:} or
     * {@code file:} is refused rather than taken as a key: pass {@link KeySource#env} or {@link
     * KeySource#file} to {@link #key(KeySource)}.
     */
    public Builder key(String key) {
      return key(SettingsChecks.literal("key", key));
    }

    /** {@code key}: the primary key, from the environment, a file or a value; read by build(). */
    public Builder key(KeySource source) {
      this.primaryKey = SettingsChecks.checkedAtOnce("key", source, environment);
      return this;
    }

    /**
     * {@code previous-keys}: one more verify-only key, the key itself (see {@link #key(String)}).
     */
    public Builder previousKey(String key) {
      return previousKey(SettingsChecks.literal("previous-keys", key));
    }

    /** {@code previous-keys}: one more verify-only key, from any source; read by build(). */
    public Builder previousKey(KeySource source) {
      this.previousKeys.add(SettingsChecks.checkedAtOnce("previous-keys", source, environment));
      return this;
    }

    /** Where {@link KeySource#env} keys are looked up (default {@code System::getenv}). */
    public Builder environment(Function<String, String> environment) {
      this.environment = Objects.requireNonNull(environment, "environment");
      return this;
    }

    /**
     * {@code key-scope.<name>.key} and {@code key-scope.<name>.paths}: a key that signs only for
     * image and overlay paths matching one of the globs.
     *
     * @param name letters, digits, '_' and '-'
     * @param key the key itself (at least 32 bytes; see {@link #key(String)})
     * @param paths comma-separated globs such as {@code /partners/acme/**}
     */
    public Builder keyScope(String name, String key, String paths) {
      return keyScope(
          name,
          key == null ? null : SettingsChecks.literal("key-scope." + name + ".key", key),
          paths);
    }

    /**
     * {@code key-scope.<name>.key} from any source (read by build()) and {@code
     * key-scope.<name>.paths}.
     */
    public Builder keyScope(String name, KeySource key, String paths) {
      KeyScope scope = SettingsChecks.keyScope(name, key, paths, scopedKeys.keySet());
      String configKey = "key-scope." + name + ".key";
      scopedKeys.put(
          name, new ScopeDraft(SettingsChecks.checkedAtOnce(configKey, key, environment), scope));
      return this;
    }

    /** {@code signature-algorithms}: at least one; the first signs. */
    public Builder algorithms(List<SignatureAlgorithm> algorithms) {
      this.algorithms = SettingsChecks.algorithms(algorithms);
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
      this.expiryLeeway = SettingsChecks.notNegative("expiry-leeway", leeway);
      return this;
    }

    /** {@code private-marker}: a plain file name starting with a dot. */
    public Builder privateMarker(String name) {
      this.privateMarker = SettingsChecks.privateMarker(name);
      return this;
    }

    /**
     * Adds a {@code rule.<name>.*} block, in the order rules are matched.
     *
     * <pre>{@code
     * .rule("originals", r -> r.path("/originals/**").requireExpiry().maxTtl(Duration.ofHours(1)))
     * }</pre>
     */
    public Builder rule(String name, Consumer<PathRule.Builder> spec) {
      PathRule.Builder rule = PathRule.builder(name);
      spec.accept(rule);
      return rule(rule.build());
    }

    /** Adds a {@code rule.<name>.*}. */
    public Builder rule(PathRule rule) {
      rules.add(SettingsChecks.newRule(rules, rule));
      return this;
    }

    /** Adds a {@code named.<name>} transformation. */
    public Builder named(String name, String transformation) {
      SettingsChecks.named(name, transformation);
      named.put(name, transformation);
      return this;
    }

    /** {@code limits.max-output-pixels}: must be positive. */
    public Builder maxOutputPixels(long pixels) {
      this.limits = limits.withMaxOutputPixels(SettingsChecks.maxOutputPixels(pixels));
      return this;
    }

    /** {@code cache.max-bytes}: zero disables the result cache. */
    public Builder cacheMaxBytes(long bytes) {
      this.cacheMaxBytes = SettingsChecks.cacheMaxBytes(bytes);
      return this;
    }

    /** {@code cache.max-age}. */
    public Builder cacheMaxAge(Duration maxAge) {
      this.cacheMaxAge = SettingsChecks.notNegative("cache.max-age", maxAge);
      return this;
    }

    /** {@code limits.*}, all at once (replacing an earlier {@link #maxOutputPixels}). */
    public Builder limits(Limits limits) {
      this.limits = Objects.requireNonNull(limits, "limits");
      return this;
    }

    /** {@code render.concurrency}: 1 or more. */
    public Builder renderConcurrency(int renders) {
      this.renderConcurrency = SettingsChecks.renderConcurrency(renders);
      return this;
    }

    /** {@code render.queue-timeout}. */
    public Builder renderQueueTimeout(Duration timeout) {
      this.renderQueueTimeout = SettingsChecks.renderQueueTimeout(timeout);
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
      this.keyRing = SettingsChecks.keyRing(primaryKey, previousKeys, scopedKeys, environment);
      SettingsChecks.unsignedTransformations(rules, SettingsChecks.transformations(named, limits));
      return new ImageGateSettings(this);
    }
  }
}
