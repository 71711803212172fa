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
   * @param maxAge {@code cache.max-age}
   * @param expiry the URL's {@code ik-t}, if any
   * @param clock now
   */
  /**
   * @param maxAge the lifetime already capped by the grant: zero is {@code no-store}
   */
  public static String of(Duration maxAge) {
    long seconds = maxAge.toSeconds();
    return seconds <= 0 ? "no-store" : "public, max-age=" + seconds;
  }

  public static String of(Duration maxAge, OptionalLong expiry, Clock clock) {
    long seconds = maxAge.toSeconds();
    if (expiry.isPresent()) {
      seconds = Math.min(seconds, expiry.getAsLong() - clock.instant().getEpochSecond());
    }
    return seconds <= 0 ? "no-store" : "public, max-age=" + seconds;
  }
}
