package io.imagegate.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imagegate.testing.TestGate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code cache.max-bytes} capped at a quarter of the heap; {@code limits.max-output-pixels}. */
class CacheCapAndOutputLimitTest {
  @Test
  void cacheLargerThanAQuarterOfTheHeap_isCapped() {
    long heap = 256L * 1024 * 1024;
    assertThat(ImageGateSettings.capCache(256L * 1024 * 1024, heap)).isEqualTo(heap / 4);
    assertThat(ImageGateSettings.capCache(64L * 1024 * 1024, heap)).isEqualTo(64L * 1024 * 1024);
    assertThat(ImageGateSettings.capCache(0, heap)).isZero();
  }

  @Test
  void builtSettings_neverHoldMoreThanAQuarterOfThisHeap() {
    ImageGateSettings settings =
        TestGate.settings(java.nio.file.Path.of("/tmp")).cacheMaxBytes(Long.MAX_VALUE / 2).build();
    assertThat(settings.cacheMaxBytes()).isEqualTo(Runtime.getRuntime().maxMemory() / 4);
  }

  @Test
  void maxOutputPixels_defaultsTo40MegapixelsAndIsParsed() {
    ImageGateSettings defaults =
        new ConfigParser(name -> null)
            .parse(Map.of("root", "/tmp", "key", "output-limit-test-key-0123456789abcdef"), null)
            .build();
    assertThat(defaults.limits().maxOutputPixels()).isEqualTo(40_000_000L);
    ImageGateSettings set =
        new ConfigParser(name -> null)
            .parse(
                Map.of(
                    "root",
                    "/tmp",
                    "key",
                    "output-limit-test-key-0123456789abcdef",
                    "limits.max-output-pixels",
                    "1000000"),
                null)
            .build();
    assertThat(set.limits().maxOutputPixels()).isEqualTo(1_000_000L);
    assertThatThrownBy(
            () ->
                new ConfigParser(name -> null)
                    .parse(
                        Map.of(
                            "root",
                            "/tmp",
                            "key",
                            "output-limit-test-key-0123456789abcdef",
                            "limits.max-output-pixels",
                            "0"),
                        null))
        .hasMessageContaining("limits.max-output-pixels");
  }
}
