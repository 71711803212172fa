package io.imagegate.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * A Micrometer binder for a filter's statistics (Micrometer is an optional dependency: this class
 * is loaded only when it is on the classpath). The filter binds one to Micrometer's global registry
 * by itself when Micrometer is present, and removes its meters on {@code destroy()}. To bind to
 * your own registry: {@code new ImageGateMetrics(filter.gate()::stats, contextPath,
 * filterName).bindTo(registry)}, and {@link #close()} it when the filter goes.
 *
 * <p>Every meter is tagged {@code context} (the context path, {@code /} for the root), {@code
 * filter} (the filter name) and {@code instance} ({@code 1}, or the next free number when a filter
 * with the same context and name is already bound to the registry), so that several filters in one
 * registry each keep their own meters.
 */
public final class ImageGateMetrics implements MeterBinder, AutoCloseable {
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
  private final String context;
  private final String filter;
  private final List<Bound> bound = new ArrayList<>();

  private record Bound(MeterRegistry registry, Meter meter) {}

  /**
   * @param snapshots where snapshots come from ({@code gate::stats})
   * @param contextPath the filter's context path ({@code ""} for the root context)
   * @param filterName the filter's name
   */
  public ImageGateMetrics(
      Supplier<StatsSnapshot> snapshots, String contextPath, String filterName) {
    this.snapshots = snapshots;
    this.context = contextPath.isEmpty() ? "/" : contextPath;
    this.filter = filterName;
  }

  /**
   * Tagged {@code context=/}, {@code filter=imagegate}.
   *
   * @param snapshots where snapshots come from ({@code gate::stats})
   */
  public ImageGateMetrics(Supplier<StatsSnapshot> snapshots) {
    this(snapshots, "", "imagegate");
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    // One lock for every binder: choosing a free instance tag and registering under it is one step.
    synchronized (ImageGateMetrics.class) {
      Tags tags = freeTags(registry);
      for (String outcome : OUTCOMES) {
        counter(
            registry,
            "imagegate.requests",
            tags.and("outcome", outcome),
            s -> s.requests().getOrDefault(outcome, 0L),
            "requests by outcome");
      }
      counter(registry, "imagegate.renders", tags, s -> s.renders(), "variants rendered");
      counter(registry, "imagegate.cache.hits", tags, s -> s.cacheHits(), "result-cache hits");
      counter(
          registry, "imagegate.cache.misses", tags, s -> s.cacheMisses(), "result-cache misses");
      counter(
          registry,
          "imagegate.cache.evictions",
          tags,
          s -> s.cacheEvictions(),
          "result-cache evictions");
      Supplier<StatsSnapshot> state = snapshots;
      Gauge gauge =
          Gauge.builder("imagegate.cache.bytes", state, s -> s.get().cacheBytes())
              .tags(tags)
              .description("bytes held by the result cache")
              .baseUnit("bytes")
              .strongReference(true)
              .register(registry);
      synchronized (bound) {
        bound.add(new Bound(registry, gauge));
      }
    }
  }

  /** Removes every meter this binder registered, from every registry it was bound to. */
  @Override
  public void close() {
    synchronized (bound) {
      for (Bound b : bound) {
        b.registry().remove(b.meter());
      }
      bound.clear();
    }
  }

  private Tags freeTags(MeterRegistry registry) {
    Tags base = Tags.of("context", context, "filter", filter);
    for (int instance = 1; ; instance++) {
      Tags tags = base.and("instance", String.valueOf(instance));
      if (registry.find("imagegate.renders").tags(tags).meter() == null) {
        return tags;
      }
    }
  }

  private void counter(
      MeterRegistry registry,
      String name,
      Tags tags,
      ToDoubleFunction<StatsSnapshot> value,
      String description) {
    // Micrometer holds a function counter's state object only weakly, and the function strongly.
    // The function therefore reads the supplier it captures, not the weakly held argument: the
    // supplier (gate::stats, often referenced by nothing else) lives exactly as long as the meter
    // stays registered, instead of until the next garbage collection.
    Supplier<StatsSnapshot> state = snapshots;
    FunctionCounter meter =
        FunctionCounter.builder(name, state, ignored -> value.applyAsDouble(state.get()))
            .tags(tags)
            .description(description)
            .register(registry);
    synchronized (bound) {
      bound.add(new Bound(registry, meter));
    }
  }
}
