package io.imagegate.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads the configuration keys listed in the README's Configuration table (web.xml init-params, a
 * properties file named by {@code config-file}, or any map) into {@link ImageGateSettings}. Fails
 * closed: an unknown key or a bad value stops start-up with a message naming the key and the value;
 * key values are never repeated in a message.
 */
public final class ConfigParser {
  /** The init-param that names a properties file holding the same keys. */
  public static final String CONFIG_FILE = "config-file";

  private final Function<String, String> environment;

  /**
   * Every plain configuration key (not the patterns {@code rule.<name>.*}, {@code named.<name>},
   * {@code key-scope.<name>.*}), in the README's order.
   */
  public static Set<String> keys() {
    return ConfigKeys.ALL.stream()
        .filter(k -> !k.isPattern())
        .map(ConfigKeys.Key::name)
        .collect(Collectors.toCollection(LinkedHashSet::new));
  }

  /**
   * Every pattern key, the operator's part written {@code <name>}: {@code rule.<name>.path}, {@code
   * named.<name>}, {@code key-scope.<name>.key} and the others, in the README's order.
   */
  public static Set<String> patterns() {
    return ConfigKeys.ALL.stream()
        .filter(ConfigKeys.Key::isPattern)
        .map(ConfigKeys.Key::name)
        .collect(Collectors.toCollection(LinkedHashSet::new));
  }

  /** The fields of a {@code rule.<name>.*} block, in the README's order. */
  static Set<String> ruleFields() {
    return ConfigKeys.ALL.stream()
        .filter(k -> k.isPattern() && k.prefix().equals("rule."))
        .map(k -> k.suffix().substring(1))
        .collect(Collectors.toCollection(LinkedHashSet::new));
  }

  /**
   * @param environment looks up {@code env:NAME} values (normally {@code System::getenv})
   */
  public ConfigParser(Function<String, String> environment) {
    this.environment = environment;
  }

  /**
   * Parses a map of keys, first merging in the properties file named by {@code config-file} (keys
   * given directly win).
   *
   * @param params the keys and values
   * @param defaultRoot the root used when {@code root} is absent (the web app's own files), or null
   * @throws ConfigException naming the first bad key
   */
  public ImageGateSettingsBuilder parse(Map<String, String> params, Path defaultRoot) {
    Map<String, String> all = new TreeMap<>();
    String configFile = params.get(CONFIG_FILE);
    if (configFile != null) {
      all.putAll(readProperties(Path.of(configFile)));
    }
    params.forEach(
        (k, v) -> {
          if (!k.equals(CONFIG_FILE)) {
            all.put(k, v);
          }
        });
    ImageGateSettingsBuilder builder = ImageGateSettings.builder().environment(environment);
    String root = all.get("root");
    if (root != null) {
      builder.root(Path.of(root.trim()));
    } else if (defaultRoot != null) {
      builder.root(defaultRoot);
    }
    ConfigDraft draft = new ConfigDraft(builder);
    for (Map.Entry<String, String> entry : all.entrySet()) {
      String key = entry.getKey();
      String value = entry.getValue() == null ? "" : entry.getValue().trim();
      ConfigKeys.Match match = ConfigKeys.find(key).orElseThrow(() -> ConfigKeys.unknown(key));
      match.key().apply().apply(draft, key, match.name(), value);
    }
    return draft.finish();
  }

  /**
   * The files a configuration is read from, to watch for changes: the {@code config-file} and every
   * key file named by {@code file:} (in {@code key}, {@code previous-keys} and {@code
   * key-scope.<name>.key}), in that order.
   *
   * @param params the keys and values, as given to {@link #parse}
   * @throws ConfigException if the {@code config-file} cannot be read
   */
  public static List<Path> watchedFiles(Map<String, String> params) {
    Map<String, String> all = new TreeMap<>();
    List<Path> files = new ArrayList<>();
    String configFile = params.get(CONFIG_FILE);
    if (configFile != null) {
      files.add(Path.of(configFile));
      all.putAll(readProperties(Path.of(configFile)));
    }
    all.putAll(params);
    all.forEach(
        (key, value) -> {
          if (value == null
              || !(key.equals("key")
                  || key.equals("previous-keys")
                  || (key.startsWith("key-scope.") && key.endsWith(".key")))) {
            return;
          }
          String[] parts = key.equals("previous-keys") ? value.split(",") : new String[] {value};
          for (String part : parts) {
            String trimmed = part.trim();
            if (trimmed.startsWith("file:")) {
              files.add(Path.of(trimmed.substring(5)));
            }
          }
        });
    return files;
  }

  private static Map<String, String> readProperties(Path file) {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (IOException e) {
      throw new ConfigException(
          CONFIG_FILE + ": cannot read '" + file + "' (" + e.getClass().getSimpleName() + ")");
    }
    Map<String, String> map = new TreeMap<>();
    properties.forEach((k, v) -> map.put(k.toString(), v.toString()));
    return map;
  }
}
