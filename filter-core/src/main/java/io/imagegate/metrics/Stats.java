package io.imagegate.metrics;

import io.imagegate.cache.VariantCache;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counters for what the filter does: requests by outcome, renders and their time. Cache counters
 * come from Caffeine's own statistics. Cheap to update from many threads.
 */
public final class Stats {
  /** How a request ended. */
  public enum Outcome {
    /** An original was sent. */
    ORIGINAL,
    /** A variant was sent. */
    VARIANT,
    /** 304 Not Modified. */
    NOT_MODIFIED,
    /** Passed down the filter chain (not an image). */
    PASSED,
    /** 400. */
    BAD_REQUEST,
    /** 401. */
    UNAUTHORIZED,
    /** 404. */
    NOT_FOUND,
    /** 405. */
    METHOD_NOT_ALLOWED,
    /** 415, 416 or 422. */
    UNPROCESSABLE,
    /** 503. */
    OVERLOADED,
    /** 500: a bug. */
    ERROR
  }

  private final Map<Outcome, LongAdder> outcomes = new EnumMap<>(Outcome.class);
  private final Map<String, LongAdder> denials = new java.util.concurrent.ConcurrentHashMap<>();
  private final LongAdder renders = new LongAdder();
  private final LongAdder renderNanos = new LongAdder();
  private final LongAdder reloads = new LongAdder();
  private final LongAdder reloadFailures = new LongAdder();
  private volatile String lastReloadError = "";

  /** Starts every counter at zero. */
  public Stats() {
    for (Outcome outcome : Outcome.values()) {
      outcomes.put(outcome, new LongAdder());
    }
  }

  /** Counts one request. */
  public void record(Outcome outcome) {
    outcomes.get(outcome).increment();
  }

  /** Counts one refusal by its stable code ({@code signature_invalid}, ...). */
  public void recordDenial(String code) {
    denials.computeIfAbsent(code, c -> new LongAdder()).increment();
  }

  /** Counts one render and its time. */
  public void recordRender(long nanos) {
    renders.increment();
    renderNanos.add(nanos);
  }

  /** Counts one reload of the configuration that took effect. */
  public void recordReload() {
    reloads.increment();
  }

  /**
   * Counts one reload that was refused (the old settings stay).
   *
   * @param error what was wrong, naming the configuration key (never a key's value)
   */
  public void recordReloadFailure(String error) {
    reloadFailures.increment();
    lastReloadError = error;
  }

  /** A snapshot of these counters and of the cache's. */
  public StatsSnapshot snapshot(VariantCache cache) {
    cache.cleanUp();
    Map<String, Long> requests = new java.util.TreeMap<>();
    for (Outcome outcome : Outcome.values()) {
      requests.put(outcome.name().toLowerCase(java.util.Locale.ROOT), count(outcome));
    }
    var cacheStats = cache.stats();
    return new StatsSnapshot(
        requests,
        denials(),
        renders(),
        renderNanos() / 1_000_000,
        cache.hits(),
        cache.misses(),
        cacheStats.evictionCount(),
        cache.bytes(),
        cache.entries(),
        cache.maxBytes(),
        reloads.sum(),
        reloadFailures.sum(),
        lastReloadError);
  }

  long count(Outcome outcome) {
    return outcomes.get(outcome).sum();
  }

  Map<String, Long> denials() {
    Map<String, Long> snapshot = new java.util.TreeMap<>();
    denials.forEach((code, count) -> snapshot.put(code, count.sum()));
    return snapshot;
  }

  long renders() {
    return renders.sum();
  }

  long renderNanos() {
    return renderNanos.sum();
  }
}
