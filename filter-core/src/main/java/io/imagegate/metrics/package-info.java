/**
 * Request statistics and their publication: {@link io.imagegate.metrics.StatsSnapshot}, the {@link
 * io.imagegate.metrics.ImageGateStatsMXBean} the filter registers (and unregisters on {@code
 * destroy()}), and {@link io.imagegate.metrics.ImageGateMetrics} for Micrometer. API.
 */
package io.imagegate.metrics;
