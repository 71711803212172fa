package io.imagegate.transform.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** The filter's helper threads: never queue, never outlive {@link RenderHelper#close()}. */
class RenderHelperTest {
  @Test
  void aHelperRunsATaskAtOnce_onItsOwnDaemonThread_withoutTheAppsClassLoader() throws Exception {
    try (RenderHelper helper = RenderHelper.withThreads(1)) {
      AtomicReference<Thread> ran = new AtomicReference<>();
      CountDownLatch done = new CountDownLatch(1);
      helper.execute(
          () -> {
            ran.set(Thread.currentThread());
            done.countDown();
          });
      assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
      assertThat(ran.get().getName()).startsWith("imagegate-render-");
      assertThat(ran.get().isDaemon()).isTrue();
      assertThat(ran.get().getContextClassLoader()).isNull();
    }
  }

  @Test
  void aBusyHelperRefuses_ratherThanQueueing() throws Exception {
    try (RenderHelper helper = RenderHelper.withThreads(1)) {
      CountDownLatch started = new CountDownLatch(1);
      CountDownLatch release = new CountDownLatch(1);
      helper.execute(
          () -> {
            started.countDown();
            awaitQuietly(release);
          });
      assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
      assertThatThrownBy(() -> helper.execute(() -> {}))
          .isInstanceOf(RejectedExecutionException.class);
      release.countDown();
    }
  }

  @RepeatedTest(20) // the thread must be dead, not only out of the pool: a race if it were not
  void close_stopsAndWaitsForEveryThread_andRefusesWorkAfter() throws Exception {
    RenderHelper helper = RenderHelper.withThreads(2);
    AtomicReference<Thread> worker = new AtomicReference<>();
    CountDownLatch started = new CountDownLatch(1);
    helper.execute(
        () -> {
          worker.set(Thread.currentThread());
          started.countDown();
        });
    assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
    helper.close();
    assertThat(worker.get().isAlive()).as("the helper thread is gone after close").isFalse();
    assertThat(helper.threads()).isZero();
    assertThatThrownBy(() -> helper.execute(() -> {}))
        .isInstanceOf(RejectedExecutionException.class);
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
