package io.imagegate.metrics;

import io.imagegate.cache.StatsSnapshot;
import java.util.function.Supplier;

/** Loaded only once Micrometer is known to be present. */
final class MicrometerBridge {
  private MicrometerBridge() {}

  static void bind(Supplier<StatsSnapshot> snapshots) {
    new ImageGateMetrics(snapshots).bindTo(io.micrometer.core.instrument.Metrics.globalRegistry);
  }
}
