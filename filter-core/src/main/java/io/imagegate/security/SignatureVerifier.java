package io.imagegate.security;

import io.imagegate.failure.Failure;
import io.imagegate.failure.ImageGateException;
import io.imagegate.keys.KeyRing;
import io.imagegate.keys.SignatureAlgorithm;
import io.imagegate.keys.SigningKey;
import io.imagegate.request.ImageRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Checks {@code ik-s} and {@code ik-t}. Verification throws rather than returning a boolean that a
 * caller might forget to check (Tink); the comparison is constant-time ({@link
 * MessageDigest#isEqual}); time comes from an injected {@link Clock}.
 */
public final class SignatureVerifier {
  private final KeyRing keys;
  private final List<SignatureAlgorithm> algorithms;
  private final Clock clock;
  private final Duration leeway;

  /**
   * @param keys the keys that verify
   * @param algorithms the accepted algorithms
   * @param clock the source of "now"
   * @param leeway tolerated clock skew for {@code ik-t}
   */
  public SignatureVerifier(
      KeyRing keys, List<SignatureAlgorithm> algorithms, Clock clock, Duration leeway) {
    this.keys = Objects.requireNonNull(keys, "keys");
    this.algorithms = List.copyOf(algorithms);
    this.clock = Objects.requireNonNull(clock, "clock");
    this.leeway = Objects.requireNonNull(leeway, "leeway");
  }

  /**
   * Verifies a request's signature, the matching key's scope over the request's path, and the
   * expiry.
   *
   * @return which key matched, for the scope checks of the other paths the request reads
   * @throws ImageGateException 401 {@code signature_missing}, {@code signature_invalid}, {@code
   *     signature_out_of_scope} or {@code signature_expired}
   */
  public VerifiedKey verify(ImageRequest request) {
    String given =
        request
            .signature()
            .orElseThrow(
                () ->
                    new ImageGateException(
                        Failure.SIGNATURE_MISSING, "this image needs a signed URL"));
    // The given signature as bytes, compared with each raw MAC: no hex text is made per key. Only
    // lowercase hex is a signature (what the signer writes); anything else matches no key, and
    // every key is still tried, so the time taken does not depend on the text either.
    byte[] givenMac = lowercaseHex(given);
    byte[] message = request.stringToSign().getBytes(StandardCharsets.UTF_8);
    VerifiedKey matched = null;
    for (SignatureAlgorithm algorithm : algorithms) {
      if (given.length() != algorithm.hexLength()) {
        // Its signatures have another length: skipping it depends only on what the URL shows.
        continue;
      }
      for (KeyRing.Entry key : keys.entries()) {
        // Every key and algorithm is tried, so the time taken does not tell which one matched.
        boolean equal = MessageDigest.isEqual(key.key().mac(algorithm, message), givenMac);
        if (equal && matched == null) {
          matched = new VerifiedKey(key, algorithm);
        }
      }
    }
    if (matched == null) {
      throw new ImageGateException(Failure.SIGNATURE_INVALID, "the URL's signature is not valid");
    }
    matched.checkScope(request.path(), "this image");
    if (request.expiresAt().isPresent()
        && clock.instant().getEpochSecond()
            > request.expiresAt().getAsLong() + leeway.toSeconds()) {
      throw new ImageGateException(Failure.SIGNATURE_EXPIRED, "the URL has expired");
    }
    return matched;
  }

  /**
   * Whether {@code signature} is the HMAC of {@code stringToSign} under one key and algorithm, in
   * constant time (for diagnostics: {@link #verify} is the check).
   */
  static boolean matches(
      SigningKey key, SignatureAlgorithm algorithm, String stringToSign, String signature) {
    return matches(
        key,
        algorithm,
        stringToSign.getBytes(StandardCharsets.UTF_8),
        signature.getBytes(StandardCharsets.US_ASCII));
  }

  private static boolean matches(
      SigningKey key, SignatureAlgorithm algorithm, byte[] message, byte[] given) {
    byte[] expected =
        java.util.HexFormat.of()
            .formatHex(key.mac(algorithm, message))
            .getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(expected, given);
  }

  /**
   * The bytes of a lowercase hex text; empty (no MAC is empty, so it matches none) if it is
   * anything else.
   */
  private static byte[] lowercaseHex(String text) {
    if (text.length() % 2 != 0) {
      return new byte[0];
    }
    byte[] bytes = new byte[text.length() / 2];
    for (int i = 0; i < bytes.length; i++) {
      int high = hexDigit(text.charAt(2 * i));
      int low = hexDigit(text.charAt(2 * i + 1));
      if (high < 0 || low < 0) {
        return new byte[0];
      }
      bytes[i] = (byte) (high << 4 | low);
    }
    return bytes;
  }

  private static int hexDigit(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
  }

  /** The keys this verifier tries. */
  KeyRing keys() {
    return keys;
  }

  /** The algorithms this verifier accepts. */
  List<SignatureAlgorithm> algorithms() {
    return algorithms;
  }

  /** The clock this verifier reads. */
  public Clock clock() {
    return clock;
  }
}
