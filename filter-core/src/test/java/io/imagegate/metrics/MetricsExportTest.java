package io.imagegate.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.imagegate.config.ImageGateSettings;
import io.imagegate.testing.Fixtures;
import io.imagegate.testing.RawHttp;
import io.imagegate.testing.TestGate;
import io.imagegate.testing.TestServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The statistics reach JMX and Micrometer, and move with requests. */
class MetricsExportTest {
  @TempDir Path root;

  @Test
  void jmxAndMicrometer_followTheRequests() throws Exception {
    Fixtures.write(root.resolve("a.jpg"), Fixtures.jpeg(50, 40));
    ImageGateSettings settings = TestGate.settings(root).build();
    try (TestServer server = new TestServer(settings)) {
      SimpleMeterRegistry registry = new SimpleMeterRegistry();
      new ImageGateMetrics(server.filter().gate()::stats, "", "metrics-export").bindTo(registry);
      RawHttp.get(server.port(), "/img/a.jpg");
      RawHttp.get(server.port(), "/img/nope.jpg");

      ObjectName name = server.filter().mbeanName();
      assertThat(name).isNotNull();
      assertThat(name.getKeyProperty("type")).isEqualTo("ImageGate");
      @SuppressWarnings("unchecked")
      var requests =
          (javax.management.openmbean.TabularData)
              ManagementFactory.getPlatformMBeanServer().getAttribute(name, "Requests");
      assertThat(requests.get(new Object[] {"original"}).get("value")).isEqualTo(1L);

      assertThat(
              registry
                  .get("imagegate.requests")
                  .tag("outcome", "original")
                  .functionCounter()
                  .count())
          .isEqualTo(1.0);
      assertThat(
              registry
                  .get("imagegate.requests")
                  .tag("outcome", "not_found")
                  .functionCounter()
                  .count())
          .isEqualTo(1.0);
      assertThat(registry.get("imagegate.cache.bytes").gauge().value()).isZero();
      server.close();
      assertThat(ManagementFactory.getPlatformMBeanServer().isRegistered(name))
          .as("unregistered on destroy")
          .isFalse();
    }
  }
}
