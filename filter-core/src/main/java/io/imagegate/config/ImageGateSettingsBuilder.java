package io.imagegate.config;

import io.imagegate.config.KeyChecks.ScopeDraft;
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
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Collects and checks the settings {@link ImageGateSettings#builder()} starts with; see {@link
 * ConfigParser} for the key names. Setters check their own value and name the configuration key in
 * their message; {@link #build()} reads the keys and checks everything the filter would check at
 * start-up (named transformations, rules' unsigned transformations, the rules across fields), so
 * settings that build are settings the filter accepts.
 */
public final class ImageGateSettingsBuilder {
  // Package-private for ImageGateSettings' constructor only, which copies them once built.
  Path root;
  String endpoint;
  KeySource primaryKey;
  final List<KeySource> previousKeys = new ArrayList<>();
  Function<String, String> environment = System::getenv;
  KeyRing keyRing;
  final Map<String, ScopeDraft> scopedKeys = new LinkedHashMap<>();
  List<SignatureAlgorithm> algorithms =
      List.of(SignatureAlgorithm.HMAC_SHA1, SignatureAlgorithm.HMAC_SHA256);
  boolean requireSignature;
  UnsignedTransformations unsignedTransformations = UnsignedTransformations.NAMED;
  Duration expiryLeeway = Duration.ZERO;
  String privateMarker = ".private";
  final List<PathRule> rules = new ArrayList<>();
  final Map<String, String> named = new LinkedHashMap<>();
  long cacheMaxBytes = 256L * 1024 * 1024;
  Duration cacheMaxAge = Duration.ofDays(1);
  Limits limits = Limits.defaults();
  int renderConcurrency = Runtime.getRuntime().availableProcessors();
  Duration renderQueueTimeout = Duration.ofSeconds(5);
  Clock clock = Clock.systemUTC();
  System.Logger.Level logRefusals = System.Logger.Level.INFO;

  ImageGateSettingsBuilder() {}

  /** {@code log.refusals}: {@code INFO} (the default), {@code DEBUG} or {@code OFF}. */
  public ImageGateSettingsBuilder logRefusals(System.Logger.Level level) {
    this.logRefusals = SettingsChecks.logRefusals(level);
    return this;
  }

  /** {@code root}: an existing directory. */
  public ImageGateSettingsBuilder root(Path root) {
    this.root = SettingsChecks.root(root);
    return this;
  }

  /** {@code endpoint}: e.g. {@code /img}. */
  public ImageGateSettingsBuilder endpoint(String endpoint) {
    this.endpoint = SettingsChecks.endpoint(endpoint);
    return this;
  }

  /**
   * {@code key}: the primary key itself (at least 32 bytes). Text starting with {@code env:} or
   * {@code file:} is refused rather than taken as a key: pass {@link KeySource#env} or {@link
   * KeySource#file} to {@link #key(KeySource)}.
   */
  public ImageGateSettingsBuilder key(String key) {
    return key(KeyChecks.literal("key", key));
  }

  /** {@code key}: the primary key, from the environment, a file or a value; read by build(). */
  public ImageGateSettingsBuilder key(KeySource source) {
    this.primaryKey = KeyChecks.checkedAtOnce("key", source, environment);
    return this;
  }

  /** {@code previous-keys}: one more verify-only key, the key itself (see {@link #key(String)}). */
  public ImageGateSettingsBuilder previousKey(String key) {
    return previousKey(KeyChecks.literal("previous-keys", key));
  }

  /** {@code previous-keys}: one more verify-only key, from any source; read by build(). */
  public ImageGateSettingsBuilder previousKey(KeySource source) {
    this.previousKeys.add(KeyChecks.checkedAtOnce("previous-keys", source, environment));
    return this;
  }

  /** Where {@link KeySource#env} keys are looked up (default {@code System::getenv}). */
  public ImageGateSettingsBuilder environment(Function<String, String> environment) {
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
  public ImageGateSettingsBuilder keyScope(String name, String key, String paths) {
    return keyScope(
        name, key == null ? null : KeyChecks.literal("key-scope." + name + ".key", key), paths);
  }

  /**
   * {@code key-scope.<name>.key} from any source (read by build()) and {@code
   * key-scope.<name>.paths}.
   */
  public ImageGateSettingsBuilder keyScope(String name, KeySource key, String paths) {
    KeyScope scope = KeyChecks.keyScope(name, key, paths, scopedKeys.keySet());
    String configKey = "key-scope." + name + ".key";
    scopedKeys.put(
        name, new ScopeDraft(KeyChecks.checkedAtOnce(configKey, key, environment), scope));
    return this;
  }

  /** {@code signature-algorithms}: at least one; the first signs. */
  public ImageGateSettingsBuilder algorithms(List<SignatureAlgorithm> algorithms) {
    this.algorithms = SettingsChecks.algorithms(algorithms);
    return this;
  }

  /** {@code require-signature}. */
  public ImageGateSettingsBuilder requireSignature(boolean requireSignature) {
    this.requireSignature = requireSignature;
    return this;
  }

  /** {@code unsigned-transformations}. */
  public ImageGateSettingsBuilder unsignedTransformations(UnsignedTransformations policy) {
    this.unsignedTransformations = Objects.requireNonNull(policy, "policy");
    return this;
  }

  /** {@code expiry-leeway}: zero or more. */
  public ImageGateSettingsBuilder expiryLeeway(Duration leeway) {
    this.expiryLeeway = SettingsChecks.notNegative("expiry-leeway", leeway);
    return this;
  }

  /** {@code private-marker}: a plain file name starting with a dot. */
  public ImageGateSettingsBuilder privateMarker(String name) {
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
  public ImageGateSettingsBuilder rule(String name, Consumer<PathRule.Builder> spec) {
    PathRule.Builder rule = PathRule.builder(name);
    spec.accept(rule);
    return rule(rule.build());
  }

  /** Adds a {@code rule.<name>.*}. */
  public ImageGateSettingsBuilder rule(PathRule rule) {
    rules.add(SettingsChecks.newRule(rules, rule));
    return this;
  }

  /** Adds a {@code named.<name>} transformation. */
  public ImageGateSettingsBuilder named(String name, String transformation) {
    SettingsChecks.named(name, transformation);
    named.put(name, transformation);
    return this;
  }

  /** {@code limits.max-output-pixels}: must be positive. */
  public ImageGateSettingsBuilder maxOutputPixels(long pixels) {
    this.limits = limits.withMaxOutputPixels(SettingsChecks.maxOutputPixels(pixels));
    return this;
  }

  /** {@code cache.max-bytes}: zero disables the result cache. */
  public ImageGateSettingsBuilder cacheMaxBytes(long bytes) {
    this.cacheMaxBytes = SettingsChecks.cacheMaxBytes(bytes);
    return this;
  }

  /** {@code cache.max-age}. */
  public ImageGateSettingsBuilder cacheMaxAge(Duration maxAge) {
    this.cacheMaxAge = SettingsChecks.notNegative("cache.max-age", maxAge);
    return this;
  }

  /** {@code limits.*}, all at once (replacing an earlier {@link #maxOutputPixels}). */
  public ImageGateSettingsBuilder limits(Limits limits) {
    this.limits = Objects.requireNonNull(limits, "limits");
    return this;
  }

  /** {@code render.concurrency}: 1 or more. */
  public ImageGateSettingsBuilder renderConcurrency(int renders) {
    this.renderConcurrency = SettingsChecks.renderConcurrency(renders);
    return this;
  }

  /** {@code render.queue-timeout}. */
  public ImageGateSettingsBuilder renderQueueTimeout(Duration timeout) {
    this.renderQueueTimeout = SettingsChecks.renderQueueTimeout(timeout);
    return this;
  }

  /** The clock (tests). */
  public ImageGateSettingsBuilder clock(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    return this;
  }

  /** Checks the rules across fields and builds. */
  public ImageGateSettings build() {
    if (root == null) {
      throw new ConfigException("root: no image directory is configured");
    }
    if (primaryKey == null) {
      throw new ConfigException("key: a signing key is required (a value, env:NAME or file:PATH)");
    }
    this.keyRing = KeyChecks.keyRing(primaryKey, previousKeys, scopedKeys, environment);
    SettingsChecks.unsignedTransformations(rules, SettingsChecks.transformations(named, limits));
    return new ImageGateSettings(this);
  }
}
