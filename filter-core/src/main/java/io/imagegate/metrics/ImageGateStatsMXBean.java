package io.imagegate.metrics;

import java.util.Map;

/** The filter's statistics over JMX ({@code io.imagegate:type=ImageGate,name=<filter name>}). */
public interface ImageGateStatsMXBean {
  /** Requests by outcome. */
  Map<String, Long> getRequests();

  /** Refusals by stable error code. */
  Map<String, Long> getDenials();

  /** Variants rendered. */
  long getRenders();

  /** Total render time. */
  long getRenderMillis();

  /** Result-cache hits. */
  long getCacheHits();

  /** Result-cache misses. */
  long getCacheMisses();

  /** Result-cache evictions. */
  long getCacheEvictions();

  /** Bytes held by the result cache. */
  long getCacheBytes();

  /** Configuration reloads that took effect. */
  long getReloads();

  /** Configuration reloads refused (the previous settings stayed in force). */
  long getReloadFailures();

  /** Why the last refused reload was refused, naming the configuration key; empty if none. */
  String getLastReloadError();
}
