package io.imagegate.config;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@code rule.<name>.*} block: requests whose path matches {@link #path()} get these
 * requirements.
 *
 * @param name the rule's name, as in the configuration key
 * @param path the glob it applies to
 * @param requireSignature whether a valid signature is needed (default true)
 * @param requireExpiry whether signed URLs must carry {@code ik-t}
 * @param maxTtl how far ahead {@code ik-t} may lie, if capped
 * @param unsignedTransformation a transformation appended to every request here without a valid
 *     signature (e.g. a watermark), if any
 */
public record PathRule(
    String name,
    PathGlob path,
    boolean requireSignature,
    boolean requireExpiry,
    Optional<Duration> maxTtl,
    Optional<String> unsignedTransformation) {

  /** Checks that every field is present. */
  public PathRule {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(maxTtl, "maxTtl");
    Objects.requireNonNull(unsignedTransformation, "unsignedTransformation");
  }
}
