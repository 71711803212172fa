package io.imagegate.config;

import io.imagegate.limits.Limits;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/** The settings being parsed: the builder, and what is applied to it once all keys are read. */
final class ConfigDraft {
  final ImageGateSettingsBuilder builder;
  private Limits limits = Limits.defaults();
  private final Map<String, PathRule.Builder> rules = new LinkedHashMap<>();
  private final Map<String, Map<String, String>> scopes = new LinkedHashMap<>();

  ConfigDraft(ImageGateSettingsBuilder builder) {
    this.builder = builder;
  }

  /** The rule {@code rule.<name>.*} builds. */
  PathRule.Builder rule(String name) {
    return rules.computeIfAbsent(name, PathRule::builder);
  }

  /** The fields of {@code key-scope.<name>.*}. */
  Map<String, String> scope(String name) {
    return scopes.computeIfAbsent(name, n -> new LinkedHashMap<>());
  }

  /** Changes one bound; a bound the record refuses names the key. */
  void limit(String key, UnaryOperator<Limits> change) {
    try {
      limits = change.apply(limits);
    } catch (ConfigException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw new ConfigException(key + ": " + e.getMessage());
    }
  }

  /** Hands the limits, rules and key scopes to the builder. */
  ImageGateSettingsBuilder finish() {
    builder.limits(limits);
    rules.values().forEach(rule -> builder.rule(rule.build()));
    scopes.forEach(
        (name, fields) ->
            builder.keyScope(
                name,
                fields.containsKey("key")
                    ? ConfigValues.secret("key-scope." + name + ".key", fields.get("key"))
                    : null,
                fields.get("paths")));
    return builder;
  }
}
