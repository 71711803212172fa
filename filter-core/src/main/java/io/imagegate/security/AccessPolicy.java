package io.imagegate.security;

import io.imagegate.config.ImageGateSettings;
import io.imagegate.config.PathRule;
import io.imagegate.config.UnsignedTransformations;
import io.imagegate.failure.Failure;
import io.imagegate.failure.ImageGateException;
import io.imagegate.request.ImageRequest;
import java.time.Clock;
import java.util.function.Consumer;

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
  Requirement requirementFor(String path) {
    return requirementFor(path, why -> {});
  }

  /**
   * What a path demands, and why, in words ({@code explain}): the global switch, each rule that
   * matches, the marker file and line, and the outcome. The same decision as {@link
   * #requirementFor(String)}, which is this without the words.
   *
   * @param path a checked relative path
   * @param why told each reason, in order
   * @throws ImageGateException 404 for denied paths
   */
  public Requirement explain(String path, Consumer<String> why) {
    Requirement requirement = requirementFor(path, why);
    why.accept(
        "decision for '"
            + path
            + "': "
            + (requirement.signatureRequired() ? "a signature is required" : "public")
            + conditions(requirement));
    return requirement;
  }

  private Requirement requirementFor(String path, Consumer<String> why) {
    if (denied(path)) {
      why.accept("'" + path + "' has a dotfile, WEB-INF or META-INF segment: never served");
      throw new ImageGateException(Failure.NOT_FOUND, "no such image");
    }
    Requirement requirement = settings.requireSignature() ? Requirement.SIGNED : Requirement.PUBLIC;
    why.accept(
        settings.requireSignature()
            ? "global switch require-signature=true: every image needs a signature"
            : "global switch require-signature=false: public unless a rule or marker says so");
    for (PathRule rule : settings.rules()) {
      if (rule.path().matches(path)) {
        Requirement own =
            new Requirement(
                rule.requireSignature(),
                rule.requireExpiry(),
                rule.maxTtl(),
                rule.unsignedTransformation());
        why.accept(
            "rule '"
                + rule.name()
                + "' ("
                + rule.path()
                + ") matches: "
                + (own.signatureRequired() ? "a signature is required" : "no signature needed")
                + conditions(own));
        requirement = requirement.and(own);
      }
    }
    if (!requirement.signatureRequired()) {
      java.util.Optional<String> marker = markers.why(path);
      if (marker.isPresent()) {
        why.accept(marker.get() + ": a signature is required");
        requirement = requirement.and(Requirement.SIGNED);
      }
    }
    return requirement;
  }

  private static String conditions(Requirement requirement) {
    StringBuilder text = new StringBuilder();
    if (requirement.expiryRequired()) {
      text.append("; signed URLs must carry ik-t");
    }
    requirement
        .maxTtl()
        .ifPresent(ttl -> text.append("; ik-t at most ").append(ttl.toSeconds()).append("s ahead"));
    requirement
        .unsignedTransformation()
        .ifPresent(t -> text.append("; unsigned requests get `").append(t).append("` appended"));
    return text.toString();
  }

  /**
   * Whether a path is never served, signed or not: any segment that is a dotfile (marker files
   * included) or {@code WEB-INF} / {@code META-INF} in any letter case (as Tomcat refuses them).
   *
   * @param path a relative path, segments joined by {@code /}
   */
  static boolean denied(String path) {
    // Each segment in place (this runs on every request): what split("/") gives, without arrays.
    for (int start = 0; start <= path.length(); ) {
      int slash = path.indexOf('/', start);
      int end = slash < 0 ? path.length() : slash;
      int length = end - start;
      if ((length > 0 && path.charAt(start) == '.')
          || (length == 7 && path.regionMatches(true, start, "WEB-INF", 0, 7))
          || (length == 8 && path.regionMatches(true, start, "META-INF", 0, 8))) {
        return true;
      }
      if (slash < 0) {
        break;
      }
      start = slash + 1;
    }
    return false;
  }

  /**
   * Checks a requirement against a request whose signature, if any, has already been verified. It
   * decides nothing about transformations: {@link Authorizer} does.
   *
   * @throws ImageGateException 401 when the request falls short
   */
  void enforce(ImageRequest request, Requirement requirement) {
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
  void checkUnsignedTransformation(String transformation) {
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
