package io.imagegate.config;

import io.imagegate.keys.PathGlob;
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

  /**
   * Starts the rule {@code name}, as {@link ImageGateSettingsBuilder#rule(String,
   * java.util.function.Consumer)} does.
   */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  /**
   * Builds a rule with the defaults of the {@code rule.<name>.*} keys: a signature is required
   * unless the rule has an unsigned transformation (a rule that watermarks unsigned requests serves
   * them), no expiry is required, the lifetime is not capped. Each setter checks its own value and
   * names its configuration key ({@code rule.<name>.max-ttl}, ...).
   *
   * <pre>{@code
   * .rule("originals", r -> r.path("/originals/**").requireExpiry().maxTtl(Duration.ofHours(1)))
   * .rule("previews", r -> r.path("/previews/**").unsignedTransformation("l-text,i-Preview,l-end"))
   * }</pre>
   */
  public static final class Builder {
    private final String name;
    private PathGlob path;
    private Boolean requireSignature;
    private boolean requireExpiry;
    private Duration maxTtl;
    private String unsignedTransformation;

    private Builder(String name) {
      if (name == null || !name.matches("[A-Za-z0-9_-]+")) {
        throw new ConfigException(
            "rule." + name + ": a rule name may hold only letters, digits, '_' and '-'");
      }
      this.name = name;
    }

    /** {@code rule.<name>.path}: the glob, e.g. {@code /originals/**}. */
    public Builder path(String glob) {
      if (glob == null || glob.isEmpty()) {
        throw new ConfigException(
            key("path") + ": every rule needs a path glob, e.g. /originals/**");
      }
      try {
        this.path = PathGlob.compile(glob);
      } catch (IllegalArgumentException e) {
        throw new ConfigException(
            key("path") + ": '" + glob + "' is not a valid glob: " + e.getMessage());
      }
      return this;
    }

    /** {@code rule.<name>.require-signature}. */
    public Builder requireSignature(boolean required) {
      this.requireSignature = required;
      return this;
    }

    /** {@code rule.<name>.require-signature=false}: unsigned requests are served here. */
    public Builder publicAccess() {
      return requireSignature(false);
    }

    /** {@code rule.<name>.require-expiry=true}: signed URLs must carry {@code ik-t}. */
    public Builder requireExpiry() {
      return requireExpiry(true);
    }

    /** {@code rule.<name>.require-expiry}. */
    public Builder requireExpiry(boolean required) {
      this.requireExpiry = required;
      return this;
    }

    /** {@code rule.<name>.max-ttl}: how far ahead {@code ik-t} may lie; at least one second. */
    public Builder maxTtl(Duration maxTtl) {
      if (maxTtl == null || maxTtl.toSeconds() < 1) {
        throw new ConfigException(
            key("max-ttl")
                + ": must be at least 1 second, got "
                + (maxTtl == null ? null : maxTtl));
      }
      this.maxTtl = maxTtl;
      return this;
    }

    /**
     * {@code rule.<name>.unsigned-transformation}: appended to every unsigned request here (e.g. a
     * watermark); checked against the named transformations and limits when the settings are built.
     */
    public Builder unsignedTransformation(String transformation) {
      if (transformation == null || transformation.isBlank()) {
        throw new ConfigException(key("unsigned-transformation") + ": empty");
      }
      this.unsignedTransformation = transformation;
      return this;
    }

    /** The rule; a path is required. */
    public PathRule build() {
      if (path == null) {
        throw new ConfigException(
            key("path") + ": every rule needs a path glob, e.g. /originals/**");
      }
      boolean signature =
          requireSignature != null ? requireSignature : unsignedTransformation == null;
      return new PathRule(
          name,
          path,
          signature,
          requireExpiry,
          Optional.ofNullable(maxTtl),
          Optional.ofNullable(unsignedTransformation));
    }

    private String key(String field) {
      return "rule." + name + "." + field;
    }
  }
}
