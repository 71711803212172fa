package io.imagegate.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What every module's suite timeout promises, checked by a subclass in each module that has one:
 * the default timeout of the module's src/test/resources/junit-platform.properties is what Jupiter
 * runs the tests with, read back through Jupiter's own configuration and seen in effect because the
 * test body runs on the timeout's separate thread.
 */
public abstract class SuiteTimeoutContract {
  protected static final class Configuration implements BeforeEachCallback {
    volatile ExtensionContext context;

    @Override
    public void beforeEach(ExtensionContext context) {
      this.context = context;
    }

    Optional<String> get(String key) {
      return context.getConfigurationParameter(key);
    }
  }

  @RegisterExtension protected static final Configuration CONFIGURATION = new Configuration();

  @Test
  void defaultTimeout_isConfigured() {
    assertThat(CONFIGURATION.get("junit.jupiter.execution.timeout.default")).hasValue("120 s");
    assertThat(CONFIGURATION.get("junit.jupiter.execution.timeout.mode")).hasValue("enabled");
    assertThat(CONFIGURATION.get("junit.jupiter.execution.timeout.thread.mode.default"))
        .hasValue("SEPARATE_THREAD");
  }

  @Test
  void aTestWithoutItsOwnTimeout_runsUnderTheDefaultOne() {
    // Jupiter moves a test to its own thread only to enforce a timeout on it.
    assertThat(Thread.currentThread().getName()).startsWith("junit-timeout-thread");
  }
}
