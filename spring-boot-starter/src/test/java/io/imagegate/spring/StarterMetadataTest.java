package io.imagegate.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.imagegate.config.ConfigParser;
import java.io.InputStream;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The IDE metadata lists every init-param key under {@code imagegate.}; the auto-configuration is
 * registered for Boot 3; the tests run on the Caffeine that Boot 3.3 manages for an application.
 */
class StarterMetadataTest {
  @Test
  void metadata_coversEveryConfigurationKey() throws Exception {
    JsonNode metadata;
    try (InputStream in =
        getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
      metadata = new ObjectMapper().readTree(in);
    }
    Set<String> names = new HashSet<>();
    metadata.get("properties").forEach(p -> names.add(p.get("name").asText()));
    for (String key : ConfigParser.keys()) {
      assertThat(names)
          .as("spring-configuration-metadata.json needs imagegate." + key)
          .contains("imagegate." + key);
    }
    // A pattern key (rule.<name>.path) is one map property per family (imagegate.rule).
    Set<String> families = new HashSet<>();
    for (String pattern : ConfigParser.patterns()) {
      families.add(pattern.substring(0, pattern.indexOf(".<name>")));
    }
    assertThat(families).contains("rule", "named", "key-scope");
    for (String family : families) {
      assertThat(names)
          .as("spring-configuration-metadata.json needs imagegate." + family)
          .contains("imagegate." + family);
    }
    assertThat(names).contains("imagegate.enabled", "imagegate.config-file");
    for (String name : names) {
      String key = name.substring("imagegate.".length());
      assertThat(
              ConfigParser.keys().contains(key) || families.contains(key) || key.equals("enabled"))
          .as(name + " is not a key the parser knows")
          .isTrue();
    }
    metadata
        .get("properties")
        .forEach(p -> assertThat(p.get("description").asText()).as(p.toString()).isNotBlank());
  }

  @Test
  void autoConfiguration_isRegisteredTheBoot3Way() throws Exception {
    try (InputStream in =
        getClass()
            .getResourceAsStream(
                "/META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports")) {
      assertThat(new String(in.readAllBytes()).trim())
          .isEqualTo(ImageGateAutoConfiguration.class.getName());
    }
  }

  @Test
  void testsRunOnTheCaffeineBootManages() {
    String jar = Caffeine.class.getProtectionDomain().getCodeSource().getLocation().toString();
    assertThat(jar).contains("caffeine-3.1.8");
  }
}
