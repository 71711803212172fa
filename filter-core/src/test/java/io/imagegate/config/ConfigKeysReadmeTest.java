package io.imagegate.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The README's Configuration table is the key table: the same keys in the same order, with the same
 * defaults and meanings; and every row of the table is a key the parser takes.
 */
class ConfigKeysReadmeTest {
  private static final Path README = Path.of("..", "README.md");

  /** The rows of the markdown table in the README's "## Configuration" section, as cells. */
  static List<List<String>> readmeRows() throws Exception {
    List<String> lines = Files.readAllLines(README, StandardCharsets.UTF_8);
    int start = lines.indexOf("## Configuration");
    assertThat(start).as("README.md has a '## Configuration' section").isNotNegative();
    List<List<String>> rows = new ArrayList<>();
    for (String line : lines.subList(start + 1, lines.size())) {
      if (line.startsWith("## ")) {
        break;
      }
      if (!line.startsWith("|") || line.startsWith("|---") || line.startsWith("| key |")) {
        continue;
      }
      String inner = line.substring(1, line.length() - (line.endsWith("|") ? 1 : 0));
      rows.add(Arrays.stream(inner.split("\\|", -1)).map(String::trim).toList());
    }
    return rows;
  }

  @Test
  void readmeTable_isTheKeyTable() throws Exception {
    List<List<String>> readme = readmeRows();
    List<List<String>> table =
        ConfigKeys.ALL.stream()
            .map(k -> List.of("`" + k.name() + "`", k.defaultText(), k.meaning()))
            .toList();
    assertThat(readme.stream().map(r -> r.get(0)).toList())
        .as("the keys of README.md's Configuration table, in order")
        .isEqualTo(table.stream().map(r -> r.get(0)).toList());
    // Rendered as the README shows it, so a failure prints the line to paste.
    assertThat(readme.stream().map(ConfigKeysReadmeTest::render).toList())
        .as("README.md's Configuration table (default and meaning come from ConfigKeys)")
        .isEqualTo(table.stream().map(ConfigKeysReadmeTest::render).toList());
  }

  private static String render(List<String> cells) {
    return "| " + String.join(" | ", cells) + " |";
  }

  @Test
  void everyRow_isAKeyTheParserTakes_andNothingElseIs() {
    for (ConfigKeys.Key row : ConfigKeys.ALL) {
      String key = row.name().replace(ConfigKeys.NAME, "example");
      Optional<ConfigKeys.Match> match = ConfigKeys.find(key);
      assertThat(match).as(key).isPresent();
      assertThat(match.get().key()).isSameAs(row);
      assertThat(match.get().name()).isEqualTo(row.isPattern() ? "example" : null);
    }
    assertThat(ConfigKeys.find("colour")).isEmpty();
    assertThat(ConfigKeys.find("rule.example.colour")).isEmpty();
    assertThat(ConfigKeys.find("named.")).isEmpty();
    assertThat(ConfigKeys.unknown("rule.example.colour"))
        .hasMessage(
            "rule.example.colour: unknown rule setting 'colour' (known: path, require-signature,"
                + " require-expiry, max-ttl, unsigned-transformation)");
    assertThat(ConfigKeys.unknown("key-scope.acme.path"))
        .hasMessage("key-scope.acme.path: unknown key-scope setting 'path' (known: key, paths)");
    assertThat(ConfigKeys.unknown("cache.size"))
        .hasMessage("cache.size: unknown configuration key");
  }

  @Test
  void plainKeysAndPatterns_comeFromTheTable() {
    assertThat(ConfigParser.keys())
        .contains("root", "config-file", "log.refusals")
        .doesNotContain("named.<name>")
        .hasSize((int) ConfigKeys.ALL.stream().filter(k -> !k.isPattern()).count());
    assertThat(ConfigParser.patterns())
        .contains("rule.<name>.path", "named.<name>", "key-scope.<name>.paths")
        .hasSize((int) ConfigKeys.ALL.stream().filter(ConfigKeys.Key::isPattern).count());
    assertThat(ConfigParser.ruleFields())
        .containsExactly(
            "path", "require-signature", "require-expiry", "max-ttl", "unsigned-transformation");
  }

  /**
   * A default the table writes as a value ({@code `256MB`}) is the builder's default: configuring
   * it explicitly changes nothing.
   */
  @Test
  void literalDefaults_areTheBuildersDefaults(@org.junit.jupiter.api.io.TempDir Path dir) {
    Map<String, String> base = Map.of("root", dir.toString(), "key", "k".repeat(32));
    ImageGateSettings defaults = new ConfigParser(n -> null).parse(base, null).build();
    int checked = 0;
    for (ConfigKeys.Key row : ConfigKeys.ALL) {
      String text = row.defaultText();
      if (row.isPattern() || !text.matches("`[^`]+`")) {
        continue;
      }
      Map<String, String> params = new java.util.HashMap<>(base);
      params.put(row.name(), text.substring(1, text.length() - 1));
      ImageGateSettings explicit = new ConfigParser(n -> null).parse(params, null).build();
      assertThat(explicit)
          .as(row.name() + "=" + text)
          .usingRecursiveComparison()
          .ignoringFields("clock", "keys") // keys: not defaults, and never printed
          .isEqualTo(defaults);
      checked++;
    }
    assertThat(checked).as("rows with a literal default").isGreaterThanOrEqualTo(15);
  }

  @Test
  void configFile_insideTheFile_isRefused(@org.junit.jupiter.api.io.TempDir Path dir)
      throws Exception {
    Path file = Files.writeString(dir.resolve("imagegate.properties"), "config-file=/etc/other\n");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                new ConfigParser(n -> null)
                    .parse(Map.of("config-file", file.toString(), "root", dir.toString()), null))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("config-file: ");
  }
}
