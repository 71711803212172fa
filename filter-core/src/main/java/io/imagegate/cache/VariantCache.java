package io.imagegate.cache;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import io.imagegate.transform.render.Variant;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.LongAdder;

/**
 * Rendered variants in memory, bounded by bytes through a weigher (Caffeine), with one render per
 * key however many requests want it at once: the first request renders, the others wait for its
 * result. A failed render leaves nothing behind, so the next request tries again.
 *
 * <p>Single-flight is Caffeine's own: the cache maps each key to the future of its render, put in
 * atomically by the first request ({@link AsyncCache#get(Object, java.util.function.BiFunction)}),
 * so "being rendered" and "cached" are one entry and no request can fall between them. A render
 * still in flight weighs nothing and is never evicted; once done, it weighs its bytes.
 */
public final class VariantCache {
  /**
   * A cached variant with its ETag, so that a cache hit is one lookup.
   *
   * @param variant the rendered bytes
   * @param etag the variant's validator, or null when it was cached without one
   */
  public record Hit(Variant variant, String etag) {}

  /** A render's result: the variant, or what the render threw (handed to every waiter). */
  private record Rendered(Hit hit, Throwable failure) {
    /** Bytes counted against {@code cache.max-bytes}: the image and a little bookkeeping. */
    int weight() {
      return hit == null ? 0 : hit.variant().bytes().length + 256;
    }

    Variant variant() {
      return hit == null ? null : hit.variant();
    }
  }

  private final AsyncCache<VariantKey, Rendered> cache;
  private final long maxBytes;

  /**
   * Hits and misses counted here, not by Caffeine: a hit is found by {@link #cached} without
   * Caffeine counting it, and a miss then goes on to {@link #get}, which must count it once.
   */
  private final LongAdder hits = new LongAdder();

  private final LongAdder misses = new LongAdder();

  /**
   * @param maxBytes {@code cache.max-bytes}; 0 keeps nothing (every request renders, still
   *     single-flight)
   */
  public VariantCache(long maxBytes) {
    this.maxBytes = maxBytes;
    this.cache =
        Caffeine.newBuilder()
            .maximumWeight(maxBytes)
            .weigher((VariantKey key, Rendered rendered) -> rendered.weight())
            .recordStats()
            .executor(Runnable::run)
            .buildAsync();
  }

  /** Something that renders a variant. */
  @FunctionalInterface
  public interface Renderer {
    /** Renders; may throw {@link io.imagegate.failure.ImageGateException}. */
    Variant render() throws Exception;
  }

  /**
   * The variant and its ETag if the cache holds it rendered (not in flight, not failed): the hit
   * path's one lookup, which allocates nothing.
   *
   * @return null if it is not held
   */
  public Hit cached(VariantKey key) {
    // Caffeine's own read (it keeps the entry's recency and frequency for eviction), then the
    // count: a key that is absent or in flight is counted by the get that follows.
    CompletableFuture<Rendered> future = cache.asMap().get(key);
    if (future == null || !future.isDone()) {
      return null;
    }
    Hit hit = future.join().hit();
    if (hit != null) {
      hits.increment();
    }
    return hit;
  }

  /**
   * The cached variant, or the result of rendering it once.
   *
   * @throws Exception what the render threw, unwrapped
   */
  public Variant get(VariantKey key, Renderer renderer) throws Exception {
    return get(key, null, renderer);
  }

  /**
   * The cached variant, or the result of rendering it once, kept with its ETag for {@link #cached}.
   *
   * @param etag the variant's validator, a function of the key
   * @throws Exception what the render threw, unwrapped
   */
  public Variant get(VariantKey key, String etag, Renderer renderer) throws Exception {
    CompletableFuture<Rendered> mine = new CompletableFuture<>();
    CompletableFuture<Rendered> shared = cache.get(key, (k, executor) -> mine);
    if (shared != mine) {
      hits.increment(); // rendered, or being rendered by another request: not rendered again
      return unwrap(await(shared));
    }
    misses.increment();
    Rendered rendered;
    try {
      rendered =
          new Rendered(
              new Hit(
                  Objects.requireNonNull(renderer.render(), "the render gave no variant"), etag),
              null);
    } catch (Exception | Error e) {
      rendered = new Rendered(null, e);
    }
    if (rendered.failure() != null || maxBytes == 0) {
      // Out of the cache before anyone can see it done: a failure is never served from the cache
      // (the next request renders again), and a zero bound keeps nothing. A failure completes the
      // future normally, so Caffeine does not log it as a failed load.
      cache.asMap().remove(key, mine);
    }
    mine.complete(rendered);
    return unwrap(rendered);
  }

  /** Forgets a variant (e.g. its client went away before it was sent). */
  public void invalidate(VariantKey key) {
    cache.synchronous().invalidate(key);
  }

  /** Whether a variant is held (a render in flight is not). */
  boolean contains(VariantKey key) {
    return cached(key) != null;
  }

  /** Bytes held now. */
  public long bytes() {
    return cache.synchronous().policy().eviction().map(e -> e.weightedSize().orElse(0L)).orElse(0L);
  }

  /** Entries held now (renders in flight included). */
  public long entries() {
    return cache.synchronous().estimatedSize();
  }

  /** Requests answered from the cache, or from a render another request had started. */
  public long hits() {
    return hits.sum();
  }

  /** Requests that rendered. */
  public long misses() {
    return misses.sum();
  }

  /** Caffeine's statistics (its hit and miss counts miss the hits of {@link #cached}). */
  public CacheStats stats() {
    return cache.synchronous().stats();
  }

  /** The bound. */
  public long maxBytes() {
    return maxBytes;
  }

  /** Runs pending maintenance (evictions), for exact numbers in tests and snapshots. */
  public void cleanUp() {
    cache.synchronous().cleanUp();
  }

  private static Rendered await(CompletableFuture<Rendered> shared) throws InterruptedException {
    try {
      return shared.get();
    } catch (ExecutionException e) {
      // Never happens: every render's future completes normally, with its variant or its failure.
      return new Rendered(null, e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw e;
    }
  }

  private static Variant unwrap(Rendered rendered) throws Exception {
    Throwable failure = rendered.failure();
    if (failure == null) {
      return rendered.variant();
    }
    if (failure instanceof Exception exception) {
      throw exception;
    }
    if (failure instanceof Error error) {
      throw error;
    }
    throw new IllegalStateException(failure);
  }
}
