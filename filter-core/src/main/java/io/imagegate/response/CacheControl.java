package io.imagegate.response;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.BiConsumer;

/**
 * How long browsers and shared caches may keep an image: cacheable by both (the URL itself is the
 * capability), but never beyond the URL's {@code ik-t}, so a proxy or CDN cannot keep serving a
 * link after it has expired.
 *
 * <p>A URL without {@code ik-t} gets {@code Cache-Control: public, max-age=<cache.max-age>}. A URL
 * with one gets {@code Cache-Control: public} and an absolute {@code Expires} at the earlier of
 * {@code ik-t} and now + {@code cache.max-age}, without {@code max-age} (which would override it).
 * A relative {@code max-age} is only right when every cache on the way reports how long it held the
 * response in {@code Age}; nginx's {@code proxy_cache} does not, so a browser behind it would count
 * the full {@code max-age} again from the moment nginx served its copy and keep the image past
 * {@code ik-t}. {@code Expires} is counted against the {@code Date} of the response that carries it
 * (RFC 9111 §4.2.1), which a proxy sets when it serves, so the time left is right at every hop. It
 * is {@code ik-t} itself, not a second later: the URL is valid through the second {@code ik-t}, and
 * nginx treats an entry as fresh through the second its expiry names.
 *
 * @param value the {@code Cache-Control} value
 * @param expires the {@code Expires} instant, for URLs that expire
 */
public record CacheControl(String value, Optional<Instant> expires) {

  /**
   * The value for {@code cache.max-age}, capped here by the URL's expiry.
   *
   * @param maxAge {@code cache.max-age}
   * @param expiry the URL's {@code ik-t}, if any
   * @param clock now
   */
  public static CacheControl of(Duration maxAge, OptionalLong expiry, Clock clock) {
    long now = clock.instant().getEpochSecond();
    if (expiry.isEmpty()) {
      long seconds = maxAge.toSeconds();
      return seconds <= 0
          ? NO_STORE
          : new CacheControl("public, max-age=" + seconds, Optional.empty());
    }
    long until = Math.min(expiry.getAsLong(), now + maxAge.toSeconds());
    return until <= now
        ? NO_STORE
        : new CacheControl("public", Optional.of(Instant.ofEpochSecond(until)));
  }

  private static final CacheControl NO_STORE = new CacheControl("no-store", Optional.empty());

  /** HTTP's one date format (RFC 9110 §5.6.7, IMF-fixdate), as containers write date headers. */
  private static final DateTimeFormatter HTTP_DATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
          .withZone(ZoneOffset.UTC);

  /** Gives {@code Cache-Control}, and {@code Expires} when the URL expires, to {@code header}. */
  void forEach(BiConsumer<String, String> header) {
    header.accept("Cache-Control", value);
    if (expires.isPresent()) {
      header.accept("Expires", HTTP_DATE.format(expires.get()));
    }
  }
}
