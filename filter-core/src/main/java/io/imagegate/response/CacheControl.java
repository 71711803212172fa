package io.imagegate.response;

import java.time.Clock;
import java.time.Duration;
import java.util.OptionalLong;

/**
 * The {@code Cache-Control} value for an image: cacheable by browsers and shared caches (the URL
 * itself is the capability), but never for longer than the time left before {@code ik-t}, so a CDN
 * cannot keep serving a link after it has expired.
 */
public final class CacheControl {
  private CacheControl() {}

  /**
   * The value for a lifetime already capped (the grant's, see {@link
   * io.imagegate.security.Grant#maxAge()}).
   *
   * @param maxAge the lifetime: zero or less is {@code no-store}
   */
  public static String of(Duration maxAge) {
    long seconds = maxAge.toSeconds();
    return seconds <= 0 ? "no-store" : "public, max-age=" + seconds;
  }

  /**
   * The value for {@code cache.max-age}, capped here by the URL's expiry.
   *
   * @param maxAge {@code cache.max-age}
   * @param expiry the URL's {@code ik-t}, if any
   * @param clock now
   */
  public static String of(Duration maxAge, OptionalLong expiry, Clock clock) {
    long seconds = maxAge.toSeconds();
    if (expiry.isPresent()) {
      seconds = Math.min(seconds, expiry.getAsLong() - clock.instant().getEpochSecond());
    }
    return of(Duration.ofSeconds(seconds));
  }
}
