package io.imagegate.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.imagegate.config.ImageGateSettings;
import io.imagegate.testing.Fixtures;
import io.imagegate.testing.RawHttp;
import io.imagegate.testing.TestGate;
import io.imagegate.testing.TestServer;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.ref.WeakReference;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The meters keep following their filter after a garbage collection, each filter bound to one
 * registry keeps meters of its own, and destroy() takes them away again.
 */
class MeterLifecycleTest {
  @TempDir Path root;

  @Test
  void twoFilters_oneRegistry_eachCountsItsOwn_afterAGc_andDestroyRemovesThem() throws Exception {
    Fixtures.write(root.resolve("a.jpg"), Fixtures.jpeg(30, 20));
    ImageGateSettings settings = TestGate.settings(root).build();
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    Metrics.addRegistry(registry); // the filters bind to the global registry by themselves
    try (TestServer first = new TestServer(settings);
        TestServer second = new TestServer(settings)) {
      String firstName = filterName(first);
      String secondName = filterName(second);
      assertThat(firstName).isNotEqualTo(secondName);
      assertThat(meters(registry, firstName)).hasSize(16);
      assertThat(meters(registry, secondName)).hasSize(16);

      collectGarbage();
      RawHttp.get(first.port(), "/img/a.jpg");
      RawHttp.get(first.port(), "/img/a.jpg");
      RawHttp.get(second.port(), "/img/nope.jpg");

      assertThat(requests(registry, firstName, "original")).isEqualTo(2.0);
      assertThat(requests(registry, firstName, "not_found")).isZero();
      assertThat(requests(registry, secondName, "original")).isZero();
      assertThat(requests(registry, secondName, "not_found")).isEqualTo(1.0);

      first.close();
      assertThat(meters(registry, firstName)).as("removed on destroy").isEmpty();
      assertThat(meters(registry, secondName)).hasSize(16);
      second.close();
      assertThat(meters(registry, secondName)).as("removed on destroy").isEmpty();
    } finally {
      Metrics.removeRegistry(registry);
    }
  }

  @Test
  void aBinderNobodyKeeps_followsItsStatsAfterAGc() throws Exception {
    MeterRegistry registry = new SimpleMeterRegistry();
    AtomicLong renders = new AtomicLong();
    // The supplier and the binder are referenced by nothing but the registry's meters.
    new ImageGateMetrics(() -> snapshot(renders.get()), "/shop", "images").bindTo(registry);
    renders.set(3);
    collectGarbage();
    renders.set(5);
    assertThat(registry.get("imagegate.renders").functionCounter().count()).isEqualTo(5.0);
    assertThat(registry.get("imagegate.cache.bytes").gauge().value()).isEqualTo(50.0);
  }

  @Test
  void sameContextAndName_twice_getTheirOwnInstanceTag() {
    MeterRegistry registry = new SimpleMeterRegistry();
    ImageGateMetrics one = new ImageGateMetrics(() -> snapshot(1), "", "imagegate");
    ImageGateMetrics two = new ImageGateMetrics(() -> snapshot(2), "", "imagegate");
    one.bindTo(registry);
    two.bindTo(registry);
    assertThat(renders(registry, "1")).isEqualTo(1.0);
    assertThat(renders(registry, "2")).isEqualTo(2.0);
    assertThat(registry.get("imagegate.renders").tag("context", "/").functionCounters()).hasSize(2);
    one.close();
    assertThat(registry.find("imagegate.renders").tag("instance", "1").meters()).isEmpty();
    assertThat(renders(registry, "2")).isEqualTo(2.0);
    two.close();
    assertThat(registry.getMeters()).isEmpty();
  }

  private static double renders(MeterRegistry registry, String instance) {
    return registry.get("imagegate.renders").tag("instance", instance).functionCounter().count();
  }

  private static double requests(MeterRegistry registry, String filter, String outcome) {
    return registry
        .get("imagegate.requests")
        .tag("filter", filter)
        .tag("outcome", outcome)
        .functionCounter()
        .count();
  }

  private static List<Meter> meters(MeterRegistry registry, String filter) {
    return registry.getMeters().stream()
        .filter(m -> m.getId().getName().startsWith("imagegate."))
        .filter(m -> filter.equals(m.getId().getTag("filter")))
        .toList();
  }

  private static String filterName(TestServer server) {
    ObjectName mbean = server.filter().mbeanName();
    return ObjectName.unquote(mbean.getKeyProperty("name"));
  }

  private static StatsSnapshot snapshot(long renders) {
    return new StatsSnapshot(Map.of(), Map.of(), renders, 0, 0, 0, 0, renders * 10, 0, 0);
  }

  /** Until a weakly held canary is gone, which shows that a collection cleared weak references. */
  private static void collectGarbage() throws InterruptedException {
    WeakReference<Object> canary = new WeakReference<>(new Object());
    for (int i = 0; i < 100 && canary.get() != null; i++) {
      System.gc();
      Thread.sleep(10);
    }
    assertThat(canary.get()).as("a garbage collection cleared weak references").isNull();
  }
}
