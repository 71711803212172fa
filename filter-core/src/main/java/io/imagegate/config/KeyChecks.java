package io.imagegate.config;

import io.imagegate.keys.KeyRing;
import io.imagegate.keys.KeyScope;
import io.imagegate.keys.PathGlob;
import io.imagegate.keys.SigningKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * The key checks behind {@link ImageGateSettingsBuilder}: a literal key's length at once, the
 * scopes' names and globs as they are set, and for {@code build()} every key read from its source
 * (environment, file, value), each scoped key different from every other. Messages name the
 * configuration key ({@code key}, {@code previous-keys}, {@code key-scope.<name>.*}) and never the
 * key itself.
 */
final class KeyChecks {
  private KeyChecks() {}

  /** A scoped key before its source is read. */
  record ScopeDraft(KeySource key, KeyScope scope) {}

  /**
   * {@code key-scope.<name>.*}: the name, the key's presence and the path globs.
   *
   * @param defined the scope names already defined
   */
  static KeyScope keyScope(String name, KeySource key, String paths, Set<String> defined) {
    String prefix = "key-scope." + name + ".";
    if (!name.matches("[A-Za-z0-9_-]+")) {
      throw new ConfigException(
          prefix + "key: a scope name may hold only letters, digits, '_' and '-'");
    }
    if (defined.contains(name)) {
      throw new ConfigException(prefix + "key: defined twice");
    }
    if (key == null) {
      throw new ConfigException(prefix + "key: every key scope needs a key");
    }
    if (paths == null || paths.isBlank()) {
      throw new ConfigException(
          prefix + "paths: every key scope needs path globs, e.g. /partners/acme/**");
    }
    List<PathGlob> globs = new ArrayList<>();
    for (String part : paths.split(",")) {
      String glob = part.trim();
      try {
        globs.add(PathGlob.compile(glob));
      } catch (IllegalArgumentException e) {
        throw new ConfigException(
            prefix + "paths: '" + glob + "' is not a valid glob: " + e.getMessage());
      }
    }
    return new KeyScope(name, List.copyOf(globs));
  }

  /** Reads every key from its source: the primary, the previous ones, the scoped ones. */
  static KeyRing keyRing(
      KeySource primaryKey,
      List<KeySource> previousKeys,
      Map<String, ScopeDraft> scopedKeys,
      Function<String, String> environment) {
    List<SigningKey> previous = new ArrayList<>();
    for (KeySource source : previousKeys) {
      previous.add(keyOf("previous-keys", source.resolve("previous-keys", environment)));
    }
    SigningKey primary = keyOf("key", primaryKey.resolve("key", environment));
    return new KeyRing(primary, previous, scopedKeys(scopedKeys, primary, previous, environment));
  }

  /** Reads the scoped keys; each must differ from every other key. */
  private static List<KeyRing.Scoped> scopedKeys(
      Map<String, ScopeDraft> drafts,
      SigningKey primary,
      List<SigningKey> previous,
      Function<String, String> environment) {
    List<SigningKey> unscoped = new ArrayList<>(previous);
    unscoped.add(primary);
    List<KeyRing.Scoped> scoped = new ArrayList<>();
    List<SigningKey> seen = new ArrayList<>();
    for (Map.Entry<String, ScopeDraft> draft : drafts.entrySet()) {
      String configKey = "key-scope." + draft.getKey() + ".key";
      SigningKey key = keyOf(configKey, draft.getValue().key().resolve(configKey, environment));
      if (unscoped.contains(key) || seen.contains(key)) {
        // The same key unscoped would sign everywhere; twice, it would not say whose it is.
        throw new ConfigException(
            configKey
                + ": the same key is also configured as key, previous-keys or another"
                + " key scope; give each partner a key of its own");
      }
      seen.add(key);
      scoped.add(new KeyRing.Scoped(key, draft.getValue().scope()));
    }
    return scoped;
  }

  /** A key given as text; {@code env:} and {@code file:} are refused, not taken as keys. */
  static KeySource literal(String configKey, String key) {
    Objects.requireNonNull(key, configKey);
    if (key.startsWith("env:") || key.startsWith("file:")) {
      throw new ConfigException(
          configKey
              + ": '"
              + key.substring(0, key.indexOf(':') + 1)
              + "...' is a key source, not a key: pass KeySource.env(NAME) or"
              + " KeySource.file(PATH) (or KeySource.parse(text) for configuration text)");
    }
    return KeySource.value(key);
  }

  /** A literal key's length is checked at once; environment and files are read by build(). */
  static KeySource checkedAtOnce(
      String configKey, KeySource source, Function<String, String> environment) {
    Objects.requireNonNull(source, "source");
    if (source.isValue()) {
      keyOf(configKey, source.resolve(configKey, environment));
    }
    return source;
  }

  static SigningKey keyOf(String configKey, String value) {
    try {
      return SigningKey.of(value);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(configKey + ": " + e.getMessage());
    }
  }
}
