package io.imagegate.security;

import io.imagegate.keys.KeyRing;
import io.imagegate.keys.SignatureAlgorithm;
import java.util.Objects;

/**
 * Which key a verified signature was made with: the authorization checks a scoped key's scope
 * against every path the request reads (its image, the real path behind a symlink, its overlays).
 *
 * @param key the matching key (primary, previous or scoped)
 * @param algorithm the algorithm it matched with
 */
public record VerifiedKey(KeyRing.Entry key, SignatureAlgorithm algorithm) {
  /** Checks presence. */
  public VerifiedKey {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(algorithm, "algorithm");
  }

  /**
   * Checks that this key may sign for a path: always for an unscoped key.
   *
   * @param path a path below the root the request reads
   * @param what how the path is named in the message ("the image", "the overlay 'x'")
   * @throws io.imagegate.failure.ImageGateException 401 {@code signature_out_of_scope}
   */
  void checkScope(String path, String what) {
    key.scope()
        .ifPresent(
            scope -> {
              if (!scope.permits(path)) {
                throw new io.imagegate.failure.ImageGateException(
                    io.imagegate.failure.Failure.SIGNATURE_OUT_OF_SCOPE,
                    "the URL is signed with a key that may not sign " + what);
              }
            });
  }
}
