package io.imagegate.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;

/**
 * Rendered variants in memory, bounded by bytes through a weigher (Caffeine), with one render per
 * key however many requests want it at once: the first request renders, the others wait for its
 * result. A failed render leaves nothing behind, so the next request tries again.
 */
public final class VariantCache {
  private final Cache<VariantKey, Variant> cache;
  private final Map<VariantKey, CompletableFuture<Variant>> inFlight = new ConcurrentHashMap<>();
  private final long maxBytes;

  /**
   * @param maxBytes {@code cache.max-bytes}; 0 keeps nothing (every request renders, still
   *     single-flight)
   */
  public VariantCache(long maxBytes) {
    this.maxBytes = maxBytes;
    this.cache =
        Caffeine.newBuilder()
            .maximumWeight(maxBytes)
            .weigher((VariantKey key, Variant variant) -> variant.weight())
            .recordStats()
            .executor(Runnable::run)
            .build();
  }

  /** Something that renders a variant. */
  @FunctionalInterface
  public interface Renderer {
    /** Renders; may throw {@link io.imagegate.response.ImageGateException}. */
    Variant render() throws Exception;
  }

  /**
   * The cached variant, or the result of rendering it once.
   *
   * @throws Exception what the render threw, unwrapped
   */
  public Variant get(VariantKey key, Renderer renderer) throws Exception {
    Variant cached = cache.getIfPresent(key);
    if (cached != null) {
      return cached;
    }
    CompletableFuture<Variant> mine = new CompletableFuture<>();
    CompletableFuture<Variant> leader = inFlight.putIfAbsent(key, mine);
    if (leader != null) {
      return await(leader);
    }
    try {
      Variant rendered = renderer.render();
      if (maxBytes > 0) {
        cache.put(key, rendered);
      }
      mine.complete(rendered);
      return rendered;
    } catch (Exception | Error e) {
      mine.completeExceptionally(e);
      throw e;
    } finally {
      inFlight.remove(key, mine);
    }
  }

  /** Forgets a variant (e.g. its client went away before it was sent). */
  public void invalidate(VariantKey key) {
    cache.invalidate(key);
  }

  /** Whether a variant is held. */
  public boolean contains(VariantKey key) {
    return cache.getIfPresent(key) != null;
  }

  /** Bytes held now. */
  public long bytes() {
    return cache.policy().eviction().map(e -> e.weightedSize().orElse(0L)).orElse(0L);
  }

  /** Entries held now. */
  public long entries() {
    return cache.estimatedSize();
  }

  /** Caffeine's statistics. */
  public CacheStats stats() {
    return cache.stats();
  }

  /** The bound. */
  public long maxBytes() {
    return maxBytes;
  }

  /** Runs pending maintenance (evictions), for exact numbers in tests and snapshots. */
  public void cleanUp() {
    cache.cleanUp();
  }

  private static Variant await(CompletableFuture<Variant> leader) throws Exception {
    try {
      return leader.get();
    } catch (ExecutionException | CompletionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof Exception exception) {
        throw exception;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw e;
    }
  }
}
