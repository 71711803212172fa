package io.imagegate.cache;

import io.imagegate.response.Failure;
import io.imagegate.response.ImageGateException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * At most {@code render.concurrency} renders at once; a render that cannot start within
 * {@code render.queue-timeout} is refused with 503 so the server sheds load instead of queueing
 * without bound. Cache hits and originals never pass through here.
 */
public final class RenderLimiter {
  private final Semaphore permits;
  private final Duration queueTimeout;

  /**
   * @param concurrency renders at once
   * @param queueTimeout how long a render may wait for a permit
   */
  public RenderLimiter(int concurrency, Duration queueTimeout) {
    this.permits = new Semaphore(concurrency, true);
    this.queueTimeout = queueTimeout;
  }

  /** Something to run under a permit. */
  @FunctionalInterface
  public interface Render<T> {
    /** Renders. */
    T run() throws Exception;
  }

  /**
   * Runs {@code render} under a permit, always releasing it.
   *
   * @throws ImageGateException 503 when no permit came in time
   */
  public <T> T run(Render<T> render) throws Exception {
    boolean acquired;
    try {
      acquired = permits.tryAcquire(queueTimeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw overloaded();
    }
    if (!acquired) {
      throw overloaded();
    }
    try {
      return render.run();
    } finally {
      permits.release();
    }
  }

  /** Permits free right now (for tests and statistics). */
  public int available() {
    return permits.availablePermits();
  }

  private static ImageGateException overloaded() {
    return new ImageGateException(Failure.OVERLOADED, "the server is busy rendering; try again shortly");
  }
}
