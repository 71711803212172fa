package io.imagegate.transform.render;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The filter's helper threads for a cold render's first resample: at most one fewer than the
 * machine's cores, started only when a render hands over half its rows, and gone after {@value
 * #IDLE_SECONDS} s without work. A hand-over never waits: when every helper is busy (the machine is
 * rendering on all its cores already) the render keeps the work, so under load this changes
 * nothing, and on an idle machine a cold thumbnail uses two cores as libvips does.
 *
 * <p>Owned by {@link io.imagegate.ImageGateFilter}: made in {@code init}, {@link #close closed} in
 * {@code destroy}, which stops the threads and waits for them, so none outlives the web app.
 */
public final class RenderHelper implements Executor, AutoCloseable {
  static final int IDLE_SECONDS = 5;

  private static final AtomicInteger THREADS = new AtomicInteger();

  private final ThreadPoolExecutor pool;

  /** The threads started (dead ones are dropped when a new one starts), joined by close. */
  private final Set<Thread> started = ConcurrentHashMap.newKeySet();

  private RenderHelper(int threads) {
    this.pool =
        new ThreadPoolExecutor(
            0,
            threads,
            IDLE_SECONDS,
            TimeUnit.SECONDS,
            new SynchronousQueue<>(),
            task -> {
              Thread thread = new Thread(task, "imagegate-render-" + THREADS.incrementAndGet());
              thread.setDaemon(true);
              // Our classes come from their own loader; nothing here needs the app's.
              thread.setContextClassLoader(null);
              started.removeIf(t -> !t.isAlive());
              started.add(thread);
              return thread;
            },
            new ThreadPoolExecutor.AbortPolicy());
  }

  /** Helpers for this machine: one fewer than its cores; null on a single core. */
  public static RenderHelper forThisMachine() {
    int threads = Runtime.getRuntime().availableProcessors() - 1;
    return threads < 1 ? null : new RenderHelper(threads);
  }

  /** For tests: exactly {@code threads} helpers. */
  static RenderHelper withThreads(int threads) {
    return new RenderHelper(threads);
  }

  /**
   * Runs {@code task} on an idle helper at once.
   *
   * @throws java.util.concurrent.RejectedExecutionException when none is idle, or after close
   */
  @Override
  public void execute(Runnable task) {
    pool.execute(task);
  }

  /** Threads alive now (for tests and statistics). */
  int threads() {
    return pool.getPoolSize();
  }

  /**
   * Stops the helpers, interrupting none mid-task needlessly, and waits up to 5 s for each to have
   * ended (not only to have left the pool), so that none is alive when {@code destroy()} returns.
   */
  @Override
  public void close() {
    pool.shutdown();
    try {
      if (!pool.awaitTermination(5, TimeUnit.SECONDS)) {
        pool.shutdownNow();
        pool.awaitTermination(5, TimeUnit.SECONDS);
      }
      for (Thread thread : started) {
        thread.join(TimeUnit.SECONDS.toMillis(5));
      }
    } catch (InterruptedException e) {
      pool.shutdownNow();
      Thread.currentThread().interrupt();
    }
    started.clear();
  }
}
