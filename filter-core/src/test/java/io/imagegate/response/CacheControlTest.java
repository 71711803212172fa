package io.imagegate.response;

import static org.assertj.core.api.Assertions.assertThat;

import io.imagegate.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** What a shared cache is told: relative max-age without ik-t, absolute Expires with it. */
class CacheControlTest {
  static final long NOW = 1_800_000_000L;
  final MutableClock clock = new MutableClock(Instant.ofEpochSecond(NOW));

  @Test
  void withoutExpiry_isPublicMaxAge() {
    assertThat(CacheControl.of(Duration.ofDays(1), OptionalLong.empty(), clock))
        .isEqualTo(new CacheControl("public, max-age=86400", Optional.empty()));
  }

  @Test
  void withExpiry_isAnAbsoluteExpiresAtIkT_andNoMaxAge() {
    assertThat(CacheControl.of(Duration.ofDays(1), OptionalLong.of(NOW + 5), clock))
        .isEqualTo(new CacheControl("public", Optional.of(Instant.ofEpochSecond(NOW + 5))));
  }

  @Test
  void sameExpiresLater_soAProxysCopyNeverOutlivesIkT() {
    CacheControl first = CacheControl.of(Duration.ofDays(1), OptionalLong.of(NOW + 300), clock);
    clock.advance(Duration.ofSeconds(200));
    assertThat(CacheControl.of(Duration.ofDays(1), OptionalLong.of(NOW + 300), clock))
        .isEqualTo(first);
  }

  @Test
  void expiryBeyondMaxAge_expiresAtMaxAge() {
    assertThat(
            CacheControl.of(Duration.ofMinutes(10), OptionalLong.of(NOW + 3600), clock).expires())
        .contains(Instant.ofEpochSecond(NOW + 600));
  }

  @Test
  void lastSecondOrPast_isNoStore() {
    for (long expiry : new long[] {NOW, NOW - 1}) {
      assertThat(CacheControl.of(Duration.ofDays(1), OptionalLong.of(expiry), clock))
          .isEqualTo(new CacheControl("no-store", Optional.empty()));
    }
    assertThat(CacheControl.of(Duration.ZERO, OptionalLong.empty(), clock).value())
        .isEqualTo("no-store");
  }
}
