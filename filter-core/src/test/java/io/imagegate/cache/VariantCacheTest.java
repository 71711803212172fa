package io.imagegate.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imagegate.cache.VariantKey.SourceId;
import io.imagegate.failure.Failure;
import io.imagegate.failure.ImageGateException;
import io.imagegate.source.ImageFormat;
import io.imagegate.transform.render.Variant;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class VariantCacheTest {
  static VariantKey key(String transformation) {
    return new VariantKey(
        new SourceId(Path.of("/images/a.jpg"), 100, 1),
        transformation,
        ImageFormat.JPEG,
        List.of());
  }

  static Variant variant(int bytes) {
    return new Variant(new byte[bytes], ImageFormat.JPEG, 10, 10);
  }

  @Test
  void concurrentRequestsForOneColdVariant_renderOnce() throws Exception {
    VariantCache cache = new VariantCache(1 << 20);
    AtomicInteger renders = new AtomicInteger();
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(32);
    try {
      List<Future<Variant>> results = new ArrayList<>();
      for (int i = 0; i < 32; i++) {
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  return cache.get(
                      key("w-300"),
                      () -> {
                        renders.incrementAndGet();
                        Thread.sleep(200);
                        return variant(1000);
                      });
                }));
      }
      start.countDown();
      Variant first = results.get(0).get(10, TimeUnit.SECONDS);
      for (Future<Variant> result : results) {
        assertThat(result.get(10, TimeUnit.SECONDS)).isSameAs(first);
      }
      assertThat(renders).hasValue(1);
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Many rounds of many threads on one cold key each, renders counted per round. The hand-written
   * in-flight map this replaced rendered twice in some rounds: a thread that missed the cache just
   * before the leader stored its variant asked the in-flight map just after the leader had left it.
   */
  @Test
  void stress_manyThreadsOnOneColdKey_renderOncePerRound() throws Exception {
    int rounds = 2000;
    int threads = 16;
    VariantCache cache = new VariantCache(1 << 20);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      for (int round = 0; round < rounds; round++) {
        VariantKey key = key("stress-" + round);
        AtomicInteger renders = new AtomicInteger();
        CyclicBarrier start = new CyclicBarrier(threads);
        boolean slow = round % 2 == 0;
        List<Future<Variant>> results = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
          results.add(
              pool.submit(
                  () -> {
                    start.await(10, TimeUnit.SECONDS);
                    return cache.get(
                        key,
                        () -> {
                          renders.incrementAndGet();
                          if (slow) {
                            Thread.sleep(1);
                          }
                          return variant(100);
                        });
                  }));
        }
        Variant first = results.get(0).get(10, TimeUnit.SECONDS);
        for (Future<Variant> result : results) {
          assertThat(result.get(10, TimeUnit.SECONDS)).as("round %d", round).isSameAs(first);
        }
        assertThat(renders).as("renders in round %d", round).hasValue(1);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aHit_isOneLookup_givingTheVariantAndTheEtagItWasKeptWith() throws Exception {
    VariantCache cache = new VariantCache(1 << 20);
    assertThat(cache.cached(key("w-2"))).isNull();
    Variant rendered = cache.get(key("w-2"), "\"vtag\"", () -> variant(20));
    VariantCache.Hit hit = cache.cached(key("w-2"));
    assertThat(hit).isNotNull();
    assertThat(hit.variant()).isSameAs(rendered);
    assertThat(hit.etag()).isEqualTo("\"vtag\"");
    assertThat(cache.cached(key("w-3"))).isNull();
  }

  @Test
  void aRenderInFlight_isNoHit_andItsWaitersAreHitsThatWait() throws Exception {
    VariantCache cache = new VariantCache(1 << 20);
    CountDownLatch rendering = new CountDownLatch(1);
    CountDownLatch finish = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<Variant> leader =
          pool.submit(
              () ->
                  cache.get(
                      key("w-4"),
                      "\"v4\"",
                      () -> {
                        rendering.countDown();
                        finish.await(10, TimeUnit.SECONDS);
                        return variant(40);
                      }));
      assertThat(rendering.await(10, TimeUnit.SECONDS)).isTrue();
      assertThat(cache.cached(key("w-4"))).isNull();
      Future<Variant> waiter = pool.submit(() -> cache.get(key("w-4"), "\"v4\"", () -> variant(1)));
      finish.countDown();
      assertThat(waiter.get(10, TimeUnit.SECONDS)).isSameAs(leader.get(10, TimeUnit.SECONDS));
      assertThat(cache.cached(key("w-4")).variant().bytes()).hasSize(40);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void hitsAndMisses_areCountedOncePerRequest() throws Exception {
    VariantCache cache = new VariantCache(1 << 20);
    // A request as Variants makes it: the lookup, and on a miss the render through get.
    for (int i = 0; i < 3; i++) {
      if (cache.cached(key("w-5")) == null) {
        cache.get(key("w-5"), "\"v5\"", () -> variant(50));
      }
    }
    assertThat(cache.misses()).isEqualTo(1);
    assertThat(cache.hits()).isEqualTo(2);
    cache.get(key("w-5"), () -> variant(1));
    assertThat(cache.hits()).isEqualTo(3);
  }

  @Test
  void failedRender_leavesNothingBehind() throws Exception {
    VariantCache cache = new VariantCache(1 << 20);
    assertThatThrownBy(
            () ->
                cache.get(
                    key("w-1"),
                    () -> {
                      throw new ImageGateException(Failure.UNPROCESSABLE_IMAGE, "broken");
                    }))
        .isInstanceOf(ImageGateException.class);
    assertThat(cache.contains(key("w-1"))).isFalse();
    assertThat(cache.get(key("w-1"), () -> variant(10)).bytes()).hasSize(10);
    assertThat(cache.contains(key("w-1"))).isTrue();
  }

  @Test
  void failedRender_isEveryWaitersFailure_andLeavesNothing() throws Exception {
    VariantCache cache = new VariantCache(1 << 20);
    AtomicInteger renders = new AtomicInteger();
    CountDownLatch rendering = new CountDownLatch(1);
    CountDownLatch fail = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(5);
    try {
      Future<Variant> leader =
          pool.submit(
              () ->
                  cache.get(
                      key("w-2"),
                      () -> {
                        renders.incrementAndGet();
                        rendering.countDown();
                        fail.await();
                        throw new ImageGateException(Failure.UNPROCESSABLE_IMAGE, "broken");
                      }));
      assertThat(rendering.await(10, TimeUnit.SECONDS)).isTrue();
      List<Future<Variant>> waiters = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        waiters.add(
            pool.submit(
                () ->
                    cache.get(
                        key("w-2"),
                        () -> {
                          renders.incrementAndGet();
                          return variant(10);
                        })));
      }
      Thread.sleep(100); // let the waiters join the render in flight
      assertThat(cache.contains(key("w-2"))).as("in flight is not held").isFalse();
      fail.countDown();
      for (Future<Variant> f : waiters) {
        try {
          // A waiter either shared the failure or, arriving after it, rendered anew.
          assertThat(f.get(10, TimeUnit.SECONDS).bytes()).hasSize(10);
        } catch (java.util.concurrent.ExecutionException e) {
          assertThat(e.getCause()).isInstanceOf(ImageGateException.class).hasMessage("broken");
        }
      }
      assertThatThrownBy(() -> leader.get(10, TimeUnit.SECONDS))
          .hasCauseInstanceOf(ImageGateException.class);
      assertThat(renders.get()).as("waiters shared the leader's render").isLessThanOrEqualTo(2);
    } finally {
      pool.shutdownNow();
    }
    assertThat(cache.bytes()).isLessThanOrEqualTo(10 + 256);
    cache.invalidate(key("w-2"));
    assertThatThrownBy(
            () ->
                cache.get(
                    key("w-2"),
                    () -> {
                      throw new OutOfMemoryError("no room");
                    }))
        .isInstanceOf(OutOfMemoryError.class);
    assertThat(cache.contains(key("w-2"))).isFalse();
    assertThat(cache.entries()).isZero();
  }

  @Test
  void renderInFlight_outlivesAFlood_andIsStillRenderedOnce() throws Exception {
    VariantCache cache = new VariantCache(50_000);
    AtomicInteger renders = new AtomicInteger();
    CountDownLatch rendering = new CountDownLatch(1);
    CountDownLatch finish = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<Variant> first =
          pool.submit(
              () ->
                  cache.get(
                      key("slow"),
                      () -> {
                        renders.incrementAndGet();
                        rendering.countDown();
                        finish.await();
                        return variant(1_000);
                      }));
      assertThat(rendering.await(10, TimeUnit.SECONDS)).isTrue();
      for (int i = 0; i < 500; i++) {
        cache.get(key("flood-" + i), () -> variant(5_000));
      }
      cache.cleanUp();
      assertThat(cache.bytes()).isLessThanOrEqualTo(50_000);
      Future<Variant> second =
          pool.submit(
              () ->
                  cache.get(
                      key("slow"),
                      () -> {
                        renders.incrementAndGet();
                        return variant(1_000);
                      }));
      Thread.sleep(50);
      finish.countDown();
      assertThat(second.get(10, TimeUnit.SECONDS)).isSameAs(first.get(10, TimeUnit.SECONDS));
      assertThat(renders).as("the flood did not evict the render in flight").hasValue(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void zeroBound_keepsNothing_butStillRendersOnceForConcurrentRequests() throws Exception {
    VariantCache cache = new VariantCache(0);
    AtomicInteger renders = new AtomicInteger();
    CountDownLatch release = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Variant>> results = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        results.add(
            pool.submit(
                () ->
                    cache.get(
                        key("w-0"),
                        () -> {
                          renders.incrementAndGet();
                          release.await();
                          return variant(10);
                        })));
      }
      Thread.sleep(100);
      release.countDown();
      for (Future<Variant> f : results) {
        assertThat(f.get(10, TimeUnit.SECONDS).bytes()).hasSize(10);
      }
      assertThat(renders).hasValue(1);
    } finally {
      pool.shutdownNow();
    }
    assertThat(cache.contains(key("w-0"))).isFalse();
    assertThat(cache.entries()).isZero();
    cache.get(key("w-0"), () -> variant(10));
    assertThat(cache.entries()).isZero();
  }

  @Test
  void byteBound_holdsUnderAFlood() throws Exception {
    long bound = 100_000;
    VariantCache cache = new VariantCache(bound);
    for (int i = 0; i < 2000; i++) {
      cache.get(key("w-" + i), () -> variant(5_000));
      cache.cleanUp();
      assertThat(cache.bytes()).isLessThanOrEqualTo(bound);
    }
    assertThat(cache.entries()).isBetween(1L, bound / 5_000);
    assertThat(cache.stats().evictionCount()).isGreaterThan(1900);
  }

  @Test
  void changedSource_isADifferentKey() throws Exception {
    VariantKey before = key("w-300");
    VariantKey after =
        new VariantKey(
            new SourceId(Path.of("/images/a.jpg"), 100, 2), "w-300", ImageFormat.JPEG, List.of());
    assertThat(after).isNotEqualTo(before);
    assertThat(after.etag()).isNotEqualTo(before.etag());
    VariantKey overlayChanged =
        new VariantKey(
            before.source(),
            "w-300",
            ImageFormat.JPEG,
            List.of(new SourceId(Path.of("/images/logo.png"), 5, 9)));
    assertThat(overlayChanged.etag()).isNotEqualTo(before.etag());
  }
}
