package io.imagegate.security;

import io.imagegate.config.ImageGateSettings;
import io.imagegate.config.PathRule;
import io.imagegate.config.UnsignedTransformations;
import io.imagegate.request.ImageRequest;
import io.imagegate.response.Failure;
import io.imagegate.response.ImageGateException;
import java.time.Clock;

/**
 * What one path demands (the README's Access policy): public, a signature (with its expiry
 * conditions), or denied; and whether a request meets a demand. Sources of "signature required",
 * any one of which is enough: the global switch, a matching path rule, a private marker file.
 * {@link Authorizer} asks this for every path a request touches and makes the one decision.
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
    if (denied(path)) {
      throw new ImageGateException(Failure.NOT_FOUND, "no such image");
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
   * Whether a path is never served, signed or not: any segment that is a dotfile (marker files
   * included) or {@code WEB-INF} / {@code META-INF} in any letter case (as Tomcat refuses them).
   *
   * @param path a relative path, segments joined by {@code /}
   */
  public static boolean denied(String path) {
    for (String segment : path.split("/")) {
      if (segment.startsWith(".")
          || segment.equalsIgnoreCase("WEB-INF")
          || segment.equalsIgnoreCase("META-INF")) {
        return true;
      }
    }
    return false;
  }

  /**
   * Checks a requirement against a request whose signature, if any, has already been verified. It
   * decides nothing about transformations: {@link Authorizer} does.
   *
   * @throws ImageGateException 401 when the request falls short
   */
  public void enforce(ImageRequest request, Requirement requirement) {
    if (!request.signed()) {
      if (requirement.signatureRequired()) {
        throw new ImageGateException(Failure.SIGNATURE_MISSING, "this image needs a signed URL");
      }
      return;
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
  }

  /**
   * Checks what an unsigned request asks for against {@code unsigned-transformations}.
   *
   * @param transformation the raw transformation text of an unsigned request
   * @throws ImageGateException 401 {@code unsigned_transformation}
   */
  public void checkUnsignedTransformation(String transformation) {
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
