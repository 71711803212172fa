package io.imagegate.keys;

import java.util.Locale;
import java.util.Optional;

/** The HMAC algorithms a signature may be made with. ImageKit's SDKs use {@link #HMAC_SHA1}. */
public enum SignatureAlgorithm {
  /** What ImageKit's SDKs produce: 40 hex characters. */
  HMAC_SHA1("HmacSHA1", 40),
  /** A stronger alternative: 64 hex characters. */
  HMAC_SHA256("HmacSHA256", 64);

  private final String jcaName;
  private final int hexLength;

  SignatureAlgorithm(String jcaName, int hexLength) {
    this.jcaName = jcaName;
    this.hexLength = hexLength;
  }

  /** The length of its signatures in hex characters. */
  public int hexLength() {
    return hexLength;
  }

  /** The JCA algorithm name, e.g. {@code HmacSHA1}. */
  public String jcaName() {
    return jcaName;
  }

  /** Parses a JCA name case-insensitively ({@code HmacSHA1}, {@code hmacsha256}). */
  public static Optional<SignatureAlgorithm> fromName(String name) {
    String wanted = name.trim().toLowerCase(Locale.ROOT);
    for (SignatureAlgorithm algorithm : values()) {
      if (algorithm.jcaName.toLowerCase(Locale.ROOT).equals(wanted)) {
        return Optional.of(algorithm);
      }
    }
    return Optional.empty();
  }
}
