package io.imagegate.request;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One request under the endpoint, split into what the rest of the flow needs. Nothing here has been
 * verified or looked up on disk yet.
 *
 * @param path the image path below the root, decoded once, no leading slash ({@code food/a.jpg})
 * @param transformation the decoded transformation string, from either URL form
 * @param signature the {@code ik-s} value
 * @param expiry the {@code ik-t} value as sent: 1-10 ASCII digits, epoch seconds
 * @param signedPart what the signature covers, less the expiry: the raw URI after the endpoint and
 *     the remaining raw query, in canonical percent-encoding
 */
public record ImageRequest(
    String path,
    Optional<String> transformation,
    Optional<String> signature,
    Optional<String> expiry,
    String signedPart) {

  /** The expiry ImageKit signs when a URL has no {@code ik-t}. */
  public static final String NO_EXPIRY = "9999999999";

  /** Checks presence of every field. */
  public ImageRequest {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(transformation, "transformation");
    Objects.requireNonNull(signature, "signature");
    Objects.requireNonNull(expiry, "expiry");
    Objects.requireNonNull(signedPart, "signedPart");
  }

  /** The exact string the HMAC is computed over: the signed part and the expiry. */
  public String stringToSign() {
    return signedPart + expiry.orElse(NO_EXPIRY);
  }

  /** The expiry as epoch seconds, if the URL has one. */
  public OptionalLong expiresAt() {
    return expiry.isPresent()
        ? OptionalLong.of(Long.parseLong(expiry.get()))
        : OptionalLong.empty();
  }

  /** Whether the URL carries {@code ik-s}. */
  public boolean signed() {
    return signature.isPresent();
  }
}
