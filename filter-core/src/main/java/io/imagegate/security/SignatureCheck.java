package io.imagegate.security;

import io.imagegate.keys.KeyRing;
import io.imagegate.keys.SignatureAlgorithm;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Signature diagnostics for operators ({@code explain}): which configured key and algorithm a
 * signature matches, whether it would match some other string (to name what changed in transit),
 * and the first digits of the signature a key would make. {@link SignatureVerifier#verify} stays
 * the one check a request passes; this only reports, and never reveals a key.
 */
public final class SignatureCheck {
  private final KeyRing keys;
  private final List<SignatureAlgorithm> algorithms;

  /**
   * @param verifier the filter's verifier, whose keys and algorithms are checked
   */
  public SignatureCheck(SignatureVerifier verifier) {
    this.keys = verifier.keys();
    this.algorithms = verifier.algorithms();
  }

  /**
   * One key and algorithm, and whether it matches.
   *
   * @param key the key, by index and configuration name
   * @param algorithm the algorithm
   * @param matches whether the signature is this key's HMAC of the string
   */
  public record Result(KeyRing.Entry key, SignatureAlgorithm algorithm, boolean matches) {}

  /** Every configured key under every accepted algorithm, in order. */
  public List<Result> each(String stringToSign, String signature) {
    List<Result> results = new ArrayList<>();
    for (KeyRing.Entry key : keys.entries()) {
      for (SignatureAlgorithm algorithm : algorithms) {
        results.add(
            new Result(
                key,
                algorithm,
                SignatureVerifier.matches(key.key(), algorithm, stringToSign, signature)));
      }
    }
    return results;
  }

  /** The first key and algorithm under which {@code signature} signs {@code candidate}. */
  public Optional<Result> firstMatch(String candidate, String signature) {
    return each(candidate, signature).stream().filter(Result::matches).findFirst();
  }

  /**
   * The key that should have signed a path: the scoped key whose globs hold it (the partner's),
   * else the primary key.
   */
  public KeyRing.Entry supposedKey(String path) {
    for (KeyRing.Entry entry : keys.entries()) {
      if (entry.scope().map(s -> s.permits(path)).orElse(false)) {
        return entry;
      }
    }
    return keys.entries().get(0);
  }

  /**
   * The algorithm a signature of this length was made with (40 hex digits: SHA-1, 64: SHA-256),
   * among the accepted ones; else the one that signs.
   */
  public SignatureAlgorithm supposedAlgorithm(Optional<String> signature) {
    int length = signature.map(String::length).orElse(0);
    for (SignatureAlgorithm algorithm : algorithms) {
      if (algorithm == SignatureAlgorithm.HMAC_SHA1 && length == 40
          || algorithm == SignatureAlgorithm.HMAC_SHA256 && length == 64) {
        return algorithm;
      }
    }
    return algorithms.get(0);
  }

  /** The first eight hex digits of what {@code key} signs {@code stringToSign} to. */
  public static String expectedPrefix(
      KeyRing.Entry key, SignatureAlgorithm algorithm, String stringToSign) {
    return key.key().sign(algorithm, stringToSign).substring(0, 8);
  }
}
