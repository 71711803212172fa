package io.imagegate.testing;

import java.time.Duration;
import java.util.List;
import net.jqwik.api.lifecycle.AroundTryHook;
import net.jqwik.api.lifecycle.PropagationMode;
import net.jqwik.api.lifecycle.TryExecutionResult;
import net.jqwik.api.lifecycle.TryExecutor;
import net.jqwik.api.lifecycle.TryLifecycleContext;

/**
 * Fails a jqwik try that takes longer than {@link #LIMIT}, naming its inputs, so that a parser or
 * pipeline turning superlinear on some input is a failure rather than a suite that slowly grinds.
 * Jupiter's default timeout (junit-platform.properties) does not reach jqwik properties; a try that
 * never returns at all is stopped by Surefire's {@code forkedProcessTimeoutInSeconds}.
 *
 * <p>Use it with {@code @AddLifecycleHook(TryTimeLimit.class)} on a property class.
 */
public final class TryTimeLimit implements AroundTryHook {
  /** Far above any try here (milliseconds on a loaded 2-core machine). */
  public static final Duration LIMIT = Duration.ofSeconds(10);

  /** Registered on a class, it applies to every property in it. */
  @Override
  public PropagationMode propagateTo() {
    return PropagationMode.ALL_DESCENDANTS;
  }

  @Override
  public TryExecutionResult aroundTry(
      TryLifecycleContext context, TryExecutor aTry, List<Object> parameters) {
    long start = System.nanoTime();
    TryExecutionResult result = aTry.execute(parameters);
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    if (took.compareTo(LIMIT) > 0 && !result.isFalsified()) {
      return TryExecutionResult.falsified(
          new AssertionError(
              "one try took " + took.toMillis() + " ms (limit " + LIMIT + "): " + parameters));
    }
    return result;
  }
}
