package io.imagegate.metrics;

import io.imagegate.cache.StatsSnapshot;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * A Micrometer binder for a filter's statistics (Micrometer is an optional dependency: this class
 * is loaded only when it is on the classpath). Bind it to your registry: {@code new
 * ImageGateMetrics(filter.gate()::stats).bindTo(registry)}. The filter binds it to Micrometer's
 * global registry by itself when Micrometer is present.
 */
public final class ImageGateMetrics implements MeterBinder {
  private static final String[] OUTCOMES = {
    "original",
    "variant",
    "not_modified",
    "passed",
    "bad_request",
    "unauthorized",
    "not_found",
    "method_not_allowed",
    "unprocessable",
    "overloaded",
    "error"
  };

  private final Supplier<StatsSnapshot> snapshots;

  /**
   * @param snapshots where snapshots come from ({@code gate::stats})
   */
  public ImageGateMetrics(Supplier<StatsSnapshot> snapshots) {
    this.snapshots = snapshots;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    for (String outcome : OUTCOMES) {
      FunctionCounter.builder(
              "imagegate.requests", snapshots, s -> s.get().requests().getOrDefault(outcome, 0L))
          .tag("outcome", outcome)
          .description("requests by outcome")
          .register(registry);
    }
    counter(registry, "imagegate.renders", s -> s.renders(), "variants rendered");
    counter(registry, "imagegate.cache.hits", s -> s.cacheHits(), "result-cache hits");
    counter(registry, "imagegate.cache.misses", s -> s.cacheMisses(), "result-cache misses");
    counter(
        registry, "imagegate.cache.evictions", s -> s.cacheEvictions(), "result-cache evictions");
    Gauge.builder("imagegate.cache.bytes", snapshots, s -> s.get().cacheBytes())
        .description("bytes held by the result cache")
        .baseUnit("bytes")
        .register(registry);
  }

  private void counter(
      MeterRegistry registry,
      String name,
      ToDoubleFunction<StatsSnapshot> value,
      String description) {
    FunctionCounter.builder(name, snapshots, s -> value.applyAsDouble(s.get()))
        .description(description)
        .register(registry);
  }
}
