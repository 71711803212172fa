package io.imagegate.testing;

import io.imagegate.admission.RenderLimiter;
import java.util.concurrent.CountDownLatch;

/**
 * A render that holds its slot (and memory) in a {@link RenderLimiter} until closed: the "slow
 * render" of overload tests, without sleeping.
 */
public final class HeldRender implements AutoCloseable {
  private final CountDownLatch release = new CountDownLatch(1);
  private final Thread thread;

  private HeldRender(RenderLimiter limiter, long bytes) throws InterruptedException {
    CountDownLatch holding = new CountDownLatch(1);
    thread =
        new Thread(
            () -> {
              try {
                limiter.run(
                    bytes,
                    () -> {
                      holding.countDown();
                      release.await();
                      return null;
                    });
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    thread.start();
    holding.await();
  }

  /**
   * Starts a render that holds one slot and {@code bytes} of the budget; returns once it holds
   * them.
   */
  public static HeldRender hold(RenderLimiter limiter, long bytes) throws InterruptedException {
    return new HeldRender(limiter, bytes);
  }

  /** Lets the render finish and waits for it. */
  @Override
  public void close() throws InterruptedException {
    release.countDown();
    thread.join();
  }
}
