package io.imagegate;

import io.imagegate.explain.Explanation.KeyCheck;
import io.imagegate.keys.KeyRing;
import io.imagegate.request.ImageRequest;
import io.imagegate.security.SignatureCheck;
import io.imagegate.security.SignatureVerifier;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@link Explainer}'s signature and key part: which configured key and algorithm match the
 * received signature, the first digits of the signature the filter expects (only when asked), and
 * how the expiry reads against the verifier's clock. It never prints a key.
 */
final class SignatureReport {
  private final SignatureCheck signatures;
  private final Clock clock;
  private final Duration leeway;

  SignatureReport(SignatureVerifier verifier, Duration leeway) {
    this.signatures = new SignatureCheck(verifier);
    this.clock = verifier.clock();
    this.leeway = leeway;
  }

  /** The check the diagnoses try their candidate strings with. */
  SignatureCheck signatures() {
    return signatures;
  }

  /** Each configured key and algorithm against the received signature; none when unsigned. */
  List<KeyCheck> keys(ImageRequest image) {
    List<KeyCheck> keys = new ArrayList<>();
    Optional<String> given = image.signature();
    if (given.isPresent()) {
      for (SignatureCheck.Result result : signatures.each(image.stringToSign(), given.get())) {
        keys.add(
            new KeyCheck(
                result.key().index(),
                result.key().name(),
                result.algorithm().jcaName(),
                result.matches(),
                result.key().scope().map(s -> s.paths().toString())));
      }
    }
    return keys;
  }

  /** The key's name, the algorithm and the first eight hex digits the filter expects. */
  String expected(ImageRequest image) {
    Optional<String> given = image.signature();
    KeyRing.Entry supposed = signatures.supposedKey(image.path());
    return supposed.name()
        + " "
        + signatures.supposedAlgorithm(given).jcaName()
        + " "
        + SignatureCheck.expectedPrefix(
            supposed, signatures.supposedAlgorithm(given), image.stringToSign());
  }

  /** The expiry against the clock, with the leeway that still accepts it. */
  String expiry(ImageRequest image) {
    if (image.expiresAt().isEmpty()) {
      return "none: the URL does not expire";
    }
    long at = image.expiresAt().getAsLong();
    long now = clock.instant().getEpochSecond();
    String when = " (ik-t=" + at + ", " + Instant.ofEpochSecond(at) + ")";
    if (now <= at) {
      return "valid for " + human(at - now) + when;
    }
    String since = "expired " + human(now - at) + " ago" + when;
    return now <= at + leeway.toSeconds()
        ? since + ", still accepted within expiry-leeway " + leeway.toSeconds() + "s"
        : since;
  }

  static String human(long seconds) {
    long d = seconds / 86400;
    long h = seconds % 86400 / 3600;
    long m = seconds % 3600 / 60;
    long s = seconds % 60;
    StringBuilder out = new StringBuilder();
    if (d > 0) {
      out.append(d).append("d ");
    }
    if (d > 0 || h > 0) {
      out.append(h).append("h ");
    }
    if (d > 0 || h > 0 || m > 0) {
      out.append(m).append("m ");
    }
    return out.append(s).append('s').toString();
  }
}
