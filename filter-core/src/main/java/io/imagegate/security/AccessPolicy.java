package io.imagegate.security;

import io.imagegate.config.ImageGateSettings;
import io.imagegate.config.PathRule;
import io.imagegate.config.UnsignedTransformations;
import io.imagegate.request.ImageRequest;
import io.imagegate.response.Failure;
import io.imagegate.response.ImageGateException;
import java.time.Clock;
import java.util.Optional;

/**
 * Decides, for every request under the mapping, whether it is public, needs a signature, or is
 * denied (the README's Access policy), and enforces that decision. Sources of "signature required",
 * any one of which is enough: the global switch, a matching path rule, a private marker file, and
 * (for overlays) a private overlay source.
 */
public final class AccessPolicy {
  private final ImageGateSettings settings;
  private final PrivateMarkers markers;
  private final Clock clock;

  /**
   * @param settings the global switch, rules, marker name and transformation policy
   */
  public AccessPolicy(ImageGateSettings settings) {
    this.settings = settings;
    this.markers = new PrivateMarkers(settings.root(), settings.privateMarker(), settings.clock());
    this.clock = settings.clock();
  }

  /**
   * What a path demands. Dotfiles (which include marker files) are denied outright.
   *
   * @param path a checked relative path
   * @throws ImageGateException 404 for denied paths
   */
  public Requirement requirementFor(String path) {
    for (String segment : path.split("/")) {
      if (segment.startsWith(".")) {
        throw new ImageGateException(Failure.NOT_FOUND, "no such image");
      }
    }
    Requirement requirement = settings.requireSignature() ? Requirement.SIGNED : Requirement.PUBLIC;
    for (PathRule rule : settings.rules()) {
      if (rule.path().matches(path)) {
        requirement =
            requirement.and(
                new Requirement(
                    rule.requireSignature(),
                    rule.requireExpiry(),
                    rule.maxTtl(),
                    rule.unsignedTransformation()));
      }
    }
    if (!requirement.signatureRequired() && markers.isPrivate(path)) {
      requirement = requirement.and(Requirement.SIGNED);
    }
    return requirement;
  }

  /**
   * Enforces a requirement on a request whose signature, if any, has already been verified.
   *
   * @return the transformation to apply: the request's, with the rule's forced unsigned
   *     transformation appended when the request is not signed
   * @throws ImageGateException 401 when the request falls short
   */
  public Optional<String> enforce(ImageRequest request, Requirement requirement) {
    if (!request.signed()) {
      if (requirement.signatureRequired()) {
        throw new ImageGateException(Failure.SIGNATURE_MISSING, "this image needs a signed URL");
      }
      request.transformation().ifPresent(this::checkUnsignedTransformation);
      if (requirement.unsignedTransformation().isPresent()) {
        String forced = requirement.unsignedTransformation().get();
        return Optional.of(request.transformation().map(t -> t + ":" + forced).orElse(forced));
      }
      return request.transformation();
    }
    if (requirement.expiryRequired() && request.expiry().isEmpty()) {
      throw new ImageGateException(
          Failure.EXPIRY_REQUIRED, "signed URLs for this image must expire (ik-t)");
    }
    if (requirement.maxTtl().isPresent()) {
      long now = clock.instant().getEpochSecond();
      long latest = now + requirement.maxTtl().get().toSeconds();
      if (request.expiresAt().isEmpty() || request.expiresAt().getAsLong() > latest) {
        throw new ImageGateException(
            Failure.EXPIRY_TOO_FAR,
            "signed URLs for this image may be valid for at most "
                + requirement.maxTtl().get().toSeconds()
                + " seconds");
      }
    }
    return request.transformation();
  }

  private void checkUnsignedTransformation(String transformation) {
    UnsignedTransformations policy = settings.unsignedTransformations();
    if (policy == UnsignedTransformations.ANY) {
      return;
    }
    if (policy == UnsignedTransformations.NAMED && namedOnly(transformation)) {
      return;
    }
    throw new ImageGateException(
        Failure.UNSIGNED_TRANSFORMATION,
        policy == UnsignedTransformations.NAMED
            ? "this transformation needs a signed URL; unsigned URLs may use only named transformations (n-<name>)"
            : "transformations need a signed URL");
  }

  /** Whether every parameter of every step is {@code n-<name>}. */
  static boolean namedOnly(String transformation) {
    for (String step : transformation.split(":", -1)) {
      for (String param : step.split(",", -1)) {
        if (!param.startsWith("n-") || param.length() == 2) {
          return false;
        }
      }
    }
    return true;
  }
}
