package io.imagegate.security;

import java.time.Duration;
import java.util.Optional;

/**
 * What the access policy demands of one request.
 *
 * @param signatureRequired whether a valid signature is needed
 * @param expiryRequired whether a signed URL must carry {@code ik-t}
 * @param maxTtl how far ahead {@code ik-t} may lie, if capped
 * @param unsignedTransformation appended to the request when it has no valid signature
 */
record Requirement(
    boolean signatureRequired,
    boolean expiryRequired,
    Optional<Duration> maxTtl,
    Optional<String> unsignedTransformation) {

  /** Public, no conditions. */
  static final Requirement PUBLIC =
      new Requirement(false, false, Optional.empty(), Optional.empty());

  /** A signature, with no expiry conditions. */
  static final Requirement SIGNED =
      new Requirement(true, false, Optional.empty(), Optional.empty());

  /** Combines two requirements: each condition of either holds; the tighter cap wins. */
  Requirement and(Requirement other) {
    Optional<Duration> ttl =
        maxTtl.isEmpty()
            ? other.maxTtl
            : other.maxTtl.isEmpty()
                ? maxTtl
                : Optional.of(
                    maxTtl.get().compareTo(other.maxTtl.get()) <= 0
                        ? maxTtl.get()
                        : other.maxTtl.get());
    Optional<String> forced =
        unsignedTransformation.isPresent() ? unsignedTransformation : other.unsignedTransformation;
    return new Requirement(
        signatureRequired || other.signatureRequired,
        expiryRequired || other.expiryRequired,
        ttl,
        forced);
  }
}
