package io.imagegate.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code log.refusals}: info by default, debug or off; anything else stops start-up. */
class LogRefusalsConfigTest {
  @TempDir Path root;

  ImageGateSettings parse(String value) {
    Map<String, String> params = new HashMap<>();
    params.put("root", root.toString());
    params.put("key", "log-refusals-test-key-0123456789abcdef");
    if (value != null) {
      params.put("log.refusals", value);
    }
    return new ConfigParser(n -> null).parse(params, null).build();
  }

  @Test
  void default_isInfo() {
    assertThat(parse(null).logRefusals()).isEqualTo(Level.INFO);
  }

  @ParameterizedTest
  @CsvSource({"info, INFO", "DEBUG, DEBUG", " off , OFF"})
  void values_areRead(String value, Level level) {
    assertThat(parse(value).logRefusals()).isEqualTo(level);
  }

  @Test
  void badValue_namesTheKey() {
    assertThatThrownBy(() -> parse("warn"))
        .isInstanceOf(ConfigException.class)
        .hasMessage("log.refusals: 'warn' is not one of info, debug, off");
  }
}
