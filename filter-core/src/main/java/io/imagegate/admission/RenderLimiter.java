package io.imagegate.admission;

import io.imagegate.failure.Failure;
import io.imagegate.failure.ImageGateException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Admission for renders: at most {@code render.concurrency} at once, and no more decoded pixels in
 * flight than a memory budget allows (half the heap by default), so a flood of large renders queues
 * instead of running the JVM out of memory. A render that cannot start within {@code
 * render.queue-timeout} is refused with 503; one that could never fit the budget is a 422 at once.
 * Cache hits and originals never pass through here.
 */
public final class RenderLimiter {
  /** Memory is counted in units of this many bytes, so that a semaphore's int holds any heap. */
  private static final long UNIT = 64 * 1024;

  private final Semaphore permits;
  private final Semaphore memory;
  private final long budgetBytes;
  private final Duration queueTimeout;

  /**
   * @param concurrency renders at once
   * @param queueTimeout how long a render may wait to start
   * @param budgetBytes bytes of decoded pixels that may be in flight at once
   */
  public RenderLimiter(int concurrency, Duration queueTimeout, long budgetBytes) {
    this.permits = new Semaphore(concurrency, true);
    this.budgetBytes = Math.max(UNIT, budgetBytes);
    this.memory = new Semaphore((int) Math.min(Integer.MAX_VALUE, this.budgetBytes / UNIT), true);
    this.queueTimeout = queueTimeout;
  }

  /** A limiter with a budget of half the JVM's maximum heap. */
  RenderLimiter(int concurrency, Duration queueTimeout) {
    this(concurrency, queueTimeout, Runtime.getRuntime().maxMemory() / 2);
  }

  /** Something to run under a permit. */
  @FunctionalInterface
  public interface Render<T> {
    /** Renders. */
    T run() throws Exception;
  }

  /** Runs a render whose memory need is small or unknown. */
  <T> T run(Render<T> render) throws Exception {
    return run(0, render);
  }

  /**
   * Runs {@code render} once a render slot and {@code bytes} of the memory budget are free, always
   * giving both back.
   *
   * @param bytes the decoded pixels the render will hold, estimated from the header
   * @throws ImageGateException 503 when they are not free in time; 422 when {@code bytes} exceeds
   *     the whole budget
   */
  public <T> T run(long bytes, Render<T> render) throws Exception {
    if (bytes > budgetBytes) {
      throw new ImageGateException(
          Failure.UNPROCESSABLE_IMAGE,
          "the image needs more memory to render than this server allows for one render");
    }
    int units = (int) Math.min(Integer.MAX_VALUE, (bytes + UNIT - 1) / UNIT);
    long deadline = System.nanoTime() + queueTimeout.toNanos();
    acquire(permits, 1, deadline);
    try {
      acquire(memory, units, deadline);
      try {
        return render.run();
      } finally {
        memory.release(units);
      }
    } finally {
      permits.release();
    }
  }

  /** Render slots free right now (for tests and statistics). */
  public int available() {
    return permits.availablePermits();
  }

  /** Bytes of the memory budget free right now. */
  long availableBytes() {
    return memory.availablePermits() * UNIT;
  }

  private static void acquire(Semaphore semaphore, int count, long deadline) {
    try {
      if (count > 0
          && !semaphore.tryAcquire(
              count, Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
        throw overloaded();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw overloaded();
    }
  }

  private static ImageGateException overloaded() {
    return new ImageGateException(
        Failure.OVERLOADED, "the server is busy rendering; try again shortly");
  }
}
