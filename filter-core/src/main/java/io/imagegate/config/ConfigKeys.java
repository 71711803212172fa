package io.imagegate.config;

import static io.imagegate.config.ConfigValues.algorithms;
import static io.imagegate.config.ConfigValues.bool;
import static io.imagegate.config.ConfigValues.duration;
import static io.imagegate.config.ConfigValues.nonNegativeInt;
import static io.imagegate.config.ConfigValues.positiveDouble;
import static io.imagegate.config.ConfigValues.positiveInt;
import static io.imagegate.config.ConfigValues.positiveLong;
import static io.imagegate.config.ConfigValues.refusalLevel;
import static io.imagegate.config.ConfigValues.secret;
import static io.imagegate.config.ConfigValues.secrets;
import static io.imagegate.config.ConfigValues.size;
import static io.imagegate.config.ConfigValues.unsignedPolicy;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The configuration keys, one row each: name, default and meaning (exactly the README's
 * Configuration table, which {@code ConfigKeysReadmeTest} checks), and how the value is read and
 * which builder call it drives. {@link ConfigParser} parses and refuses unknown keys from this
 * table alone, so a new key is one row here and one in the README.
 *
 * <p>A name holding {@value #NAME} is a pattern: the operator chooses that part ({@code
 * rule.originals.path}); the builder checks the chosen name.
 */
final class ConfigKeys {
  /** The placeholder for the part of a key the operator chooses. */
  static final String NAME = "<name>";

  /** Reads a value and applies it to the settings being parsed. */
  @FunctionalInterface
  interface Apply {
    /**
     * @param draft the settings being parsed
     * @param key the key as configured, for messages
     * @param name the operator's part of a pattern key ({@code originals}), or null
     * @param value the value, trimmed
     * @throws ConfigException naming {@code key}
     */
    void apply(ConfigDraft draft, String key, String name, String value);
  }

  /**
   * One configuration key.
   *
   * @param name the key, or a pattern holding {@value #NAME}
   * @param defaultText the default, as the README's table shows it
   * @param meaning one line, as the README's table shows it
   * @param apply reads and validates the value and drives the builder
   */
  record Key(String name, String defaultText, String meaning, Apply apply) {
    boolean isPattern() {
      return name.contains(NAME);
    }

    /** {@code rule.} for {@code rule.<name>.path}. */
    String prefix() {
      return isPattern() ? name.substring(0, name.indexOf(NAME)) : name;
    }

    /** {@code .path} for {@code rule.<name>.path}. */
    String suffix() {
      return isPattern() ? name.substring(name.indexOf(NAME) + NAME.length()) : "";
    }
  }

  /** A row and the operator's part of the key it matched (null for a plain key). */
  record Match(Key key, String name) {}

  /** Every key, in the README's order. */
  static final List<Key> ALL =
      List.of(
          new Key(
              ConfigParser.CONFIG_FILE,
              "none",
              "a properties file holding the same keys (init-params win); reloaded when it changes",
              (d, k, n, v) -> {
                // Merged in before the others are read; so seen here only inside the file.
                throw new ConfigException(k + ": names the properties file, not a key inside it");
              }),
          new Key(
              "root",
              "the web app's folder at the endpoint (`<webapp>/img`)",
              "image directory; inside the web app only that folder is accepted (see \"Access"
                  + " policy\")",
              (d, k, n, v) -> {}), // read first: the web app's default depends on it
          new Key(
              "endpoint",
              "the mapping's prefix",
              "URL prefix after the context path, e.g. `/img`",
              (d, k, n, v) -> d.builder.endpoint(v)),
          new Key(
              "key",
              "(required)",
              "primary key: the value, `env:NAME` or `file:PATH`; at least 32 bytes",
              (d, k, n, v) -> d.builder.key(secret(k, v))),
          new Key(
              "previous-keys",
              "none",
              "comma-separated, same forms; verify only (rotation)",
              (d, k, n, v) -> secrets(k, v).forEach(d.builder::previousKey)),
          new Key(
              "key-scope.<name>.key",
              "none",
              "a partner's key, same forms; signs only inside its `paths`",
              (d, k, n, v) -> d.scope(n).put("key", v)),
          new Key(
              "key-scope.<name>.paths",
              "(required with the key)",
              "comma-separated globs, e.g. `/partners/acme/**`; also checked for overlays",
              (d, k, n, v) -> d.scope(n).put("paths", v)),
          new Key(
              "signature-algorithms",
              "`HmacSHA1,HmacSHA256`",
              "accepted; the first one signs",
              (d, k, n, v) -> d.builder.algorithms(algorithms(k, v))),
          new Key(
              "require-signature",
              "`false`",
              "every request needs a valid signature",
              (d, k, n, v) -> d.builder.requireSignature(bool(k, v))),
          new Key(
              "unsigned-transformations",
              "`named`",
              "`any`, `named` or `none`",
              (d, k, n, v) -> d.builder.unsignedTransformations(unsignedPolicy(k, v))),
          new Key(
              "expiry-leeway",
              "`0`",
              "seconds of clock skew tolerated",
              (d, k, n, v) -> d.builder.expiryLeeway(duration(k, v))),
          new Key(
              "private-marker",
              "`.private`",
              "marker file name",
              (d, k, n, v) -> d.builder.privateMarker(v)),
          new Key(
              "rule.<name>.path",
              "(required in a rule)",
              "glob, e.g. `/originals/**` (`*` within a segment, `**` across)",
              (d, k, n, v) -> d.rule(n).path(v)),
          new Key(
              "rule.<name>.require-signature",
              "`true` (`false` when the rule has an `unsigned-transformation`)",
              "unsigned requests here are refused",
              (d, k, n, v) -> d.rule(n).requireSignature(bool(k, v))),
          new Key(
              "rule.<name>.require-expiry",
              "`false`",
              "signed URLs here must carry `ik-t`",
              (d, k, n, v) -> d.rule(n).requireExpiry(bool(k, v))),
          new Key(
              "rule.<name>.max-ttl",
              "none",
              "seconds (or `30m`, `1h`); a later `ik-t`, or none, is refused",
              (d, k, n, v) -> d.rule(n).maxTtl(duration(k, v))),
          new Key(
              "rule.<name>.unsigned-transformation",
              "none",
              "appended to every unsigned request here",
              (d, k, n, v) -> d.rule(n).unsignedTransformation(v)),
          new Key(
              "named.<name>",
              "none",
              "a named transformation, e.g. `named.thumb=w-300,h-300`; names hold letters, digits"
                  + " and `_`",
              (d, k, n, v) -> d.builder.named(n, v)),
          new Key(
              "cache.max-bytes",
              "`256MB`",
              "result cache bound; more than a quarter of the maximum heap is capped to that"
                  + " quarter, with one warning naming both numbers",
              (d, k, n, v) -> d.builder.cacheMaxBytes(size(k, v))),
          new Key(
              "cache.max-age",
              "`86400`",
              "Cache-Control max-age, seconds",
              (d, k, n, v) -> d.builder.cacheMaxAge(duration(k, v))),
          new Key(
              "limits.max-source-pixels",
              "`50000000`",
              "checked from the header",
              (d, k, n, v) -> d.limit(k, l -> l.withMaxSourcePixels(positiveLong(k, v)))),
          new Key(
              "limits.max-output-pixels",
              "`40000000`",
              "the largest image a step may make, computed from the header and the transformation"
                  + " before decoding; more is a 422 naming this key",
              (d, k, n, v) -> d.limit(k, l -> l.withMaxOutputPixels(positiveLong(k, v)))),
          new Key(
              "limits.max-dimension",
              "`8192`",
              "output width or height",
              (d, k, n, v) -> d.limit(k, l -> l.withMaxDimension(positiveInt(k, v)))),
          new Key(
              "limits.max-dpr",
              "`5`",
              "largest `dpr`",
              (d, k, n, v) -> d.limit(k, l -> l.withMaxDpr(positiveDouble(k, v)))),
          new Key(
              "limits.max-steps",
              "`10`",
              "chained steps",
              (d, k, n, v) -> d.limit(k, l -> l.withMaxSteps(positiveInt(k, v)))),
          new Key(
              "limits.max-overlays",
              "`5`",
              "per request",
              (d, k, n, v) -> d.limit(k, l -> l.withMaxOverlays(nonNegativeInt(k, v)))),
          new Key(
              "limits.max-transformation-length",
              "`2048`",
              "characters of `tr`",
              (d, k, n, v) -> d.limit(k, l -> l.withMaxTransformationLength(positiveInt(k, v)))),
          new Key(
              "render.concurrency",
              "processors",
              "renders at once",
              (d, k, n, v) -> d.builder.renderConcurrency(positiveInt(k, v))),
          new Key(
              "render.queue-timeout",
              "`5s`",
              "then 503",
              (d, k, n, v) -> d.builder.renderQueueTimeout(duration(k, v))),
          new Key(
              "log.refusals",
              "`info`",
              "level of the one line logged per refusal: `info`, `debug` or `off`",
              (d, k, n, v) -> d.builder.logRefusals(refusalLevel(k, v))));

  private ConfigKeys() {}

  /** The row for {@code key}, or empty. */
  static Optional<Match> find(String key) {
    for (Key row : ALL) {
      if (!row.isPattern()) {
        if (row.name().equals(key)) {
          return Optional.of(new Match(row, null));
        }
        continue;
      }
      String prefix = row.prefix();
      String suffix = row.suffix();
      if (key.length() > prefix.length() + suffix.length()
          && key.startsWith(prefix)
          && key.endsWith(suffix)) {
        return Optional.of(
            new Match(row, key.substring(prefix.length(), key.length() - suffix.length())));
      }
    }
    return Optional.empty();
  }

  /**
   * The refusal of a key no row matches: {@code rule.x.colour: unknown rule setting 'colour'
   * (known: path, ...)} within a pattern's family, otherwise {@code colour: unknown configuration
   * key}.
   */
  static ConfigException unknown(String key) {
    for (Key row : ALL) {
      String prefix = row.prefix();
      int field = key.lastIndexOf('.');
      if (row.isPattern()
          && !row.suffix().isEmpty()
          && key.startsWith(prefix)
          && field > prefix.length()) {
        String known =
            ALL.stream()
                .filter(r -> r.isPattern() && r.prefix().equals(prefix))
                .map(r -> r.suffix().substring(1))
                .collect(Collectors.joining(", "));
        return new ConfigException(
            key
                + ": unknown "
                + prefix.substring(0, prefix.length() - 1)
                + " setting '"
                + key.substring(field + 1)
                + "' (known: "
                + known
                + ")");
      }
    }
    return new ConfigException(key + ": unknown configuration key");
  }
}
