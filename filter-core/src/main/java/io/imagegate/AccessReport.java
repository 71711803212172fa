package io.imagegate;

import io.imagegate.explain.Explanation.TransformationView;
import io.imagegate.failure.ImageGateException;
import io.imagegate.request.ImageRequest;
import io.imagegate.security.AccessPolicy;
import io.imagegate.security.Authorizer;
import io.imagegate.transform.Transformation;
import io.imagegate.transform.TransformationParser;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@link Explainer}'s access part: what the access policy says about the path, its symlink
 * target and each overlay file; where the path resolves below the root when the {@link Authorizer}
 * did not say; and the transformation as received, canonical and effective. It decides nothing: a
 * policy that denies is reported as a reason, the status is the {@link Authorizer}'s.
 */
final class AccessReport {
  private final AccessPolicy policy;
  private final TransformationParser transformations;
  private final Path root;

  AccessReport(AccessPolicy policy, TransformationParser transformations, Path root) {
    this.policy = policy;
    this.transformations = transformations;
    this.root = root;
  }

  /** The policy's reasons for the requested path, a denial as one more reason. */
  List<String> reasons(String path) {
    List<String> reasons = new ArrayList<>();
    try {
      policy.explain(path, reasons::add);
    } catch (ImageGateException e) {
      reasons.add("denied: " + e.getMessage());
    }
    return reasons;
  }

  /**
   * Adds the policy's reasons for the other paths the decision looked at: a symlink's target, and
   * each overlay file.
   *
   * @param resolved the path below the root the requested one resolves to, if known
   */
  void otherPaths(ImageRequest image, Optional<String> resolved, List<String> reasons) {
    resolved
        .filter(real -> !real.equals(image.path()))
        .ifPresent(real -> policyOf("symlink target", real, reasons));
    for (String overlay : overlayPaths(image)) {
      policyOf("overlay", overlay, reasons);
    }
  }

  private void policyOf(String what, String path, List<String> reasons) {
    try {
      policy.explain(
          path,
          reason -> {
            if (!reason.startsWith("global switch")) {
              reasons.add(what + " '" + path + "': " + reason);
            }
          });
    } catch (ImageGateException e) {
      reasons.add(what + " '" + path + "': denied: " + e.getMessage());
    }
  }

  private List<String> overlayPaths(ImageRequest image) {
    List<String> paths = new ArrayList<>();
    try {
      image
          .transformation()
          .filter(t -> !t.isEmpty())
          .map(transformations::parse)
          .ifPresent(
              t ->
                  t.overlays().stream()
                      .map(Authorizer::fileRead)
                      .flatMap(Optional::stream)
                      .distinct()
                      .forEach(paths::add));
    } catch (ImageGateException e) {
      // The transformation's parse error is reported on its own.
    }
    return paths;
  }

  /** The transformation as received, canonical (or why it does not parse) and effective. */
  TransformationView transformation(ImageRequest image, Optional<String> effective) {
    Optional<String> received = image.transformation().filter(t -> !t.isEmpty());
    if (received.isEmpty()) {
      return new TransformationView(
          Optional.empty(), Optional.empty(), effective, Optional.empty());
    }
    try {
      Transformation parsed = transformations.parse(received.get());
      return new TransformationView(
          received, Optional.of(parsed.canonical()), effective, Optional.empty());
    } catch (ImageGateException e) {
      return new TransformationView(
          received, Optional.empty(), effective, Optional.of(e.getMessage()));
    }
  }

  /** Where {@code path} resolves below the root, if it does; never throws. */
  Optional<String> quietlyResolve(String path) {
    try {
      Path real = root.resolve(path).toRealPath();
      return real.startsWith(root) ? Optional.of(relative(real)) : Optional.empty();
    } catch (java.io.IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** A real path below the root, relative to it with '/' separators. */
  String relative(Path real) {
    return root.relativize(real).toString().replace('\\', '/');
  }
}
