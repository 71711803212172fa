package io.imagegate.metrics;

import java.util.function.Supplier;

/** Loaded only once Micrometer is known to be present. */
final class MicrometerBridge {
  private MicrometerBridge() {}

  static Runnable bind(Supplier<StatsSnapshot> snapshots, String contextPath, String filterName) {
    ImageGateMetrics metrics = new ImageGateMetrics(snapshots, contextPath, filterName);
    metrics.bindTo(io.micrometer.core.instrument.Metrics.globalRegistry);
    return metrics::close;
  }
}
