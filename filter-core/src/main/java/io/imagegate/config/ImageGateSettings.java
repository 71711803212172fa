package io.imagegate.config;

import io.imagegate.keys.KeyRing;
import io.imagegate.keys.SignatureAlgorithm;
import io.imagegate.limits.Limits;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the filter needs, built once, validated whole and immutable afterwards. Built by
 * {@link ConfigParser} from init-params or a properties file, or in code with {@link #builder()}
 * (embedded Jetty, Spring Boot); {@link ImageGateSettingsBuilder} says what it checks, so that
 * settings that build are settings the filter accepts.
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

  /** Copies a builder whose {@code build()} has checked it. */
  ImageGateSettings(ImageGateSettingsBuilder b) {
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
  public static ImageGateSettingsBuilder builder() {
    return new ImageGateSettingsBuilder();
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
}
