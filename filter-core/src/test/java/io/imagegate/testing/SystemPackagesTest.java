package io.imagegate.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * The fresh-machine behaviour of the test command: a system test whose package is absent skips with
 * one line naming it, and fails instead under {@code -Dimagegate.require-system-tests=true}.
 */
class SystemPackagesTest {
  static final Path ABSENT = Path.of("/nonexistent/imagegate-test/usr/bin/no-such-tool");

  @Test
  void absentPackage_skipsWithOneLineNamingIt() {
    assertThatThrownBy(() -> SystemPackages.check(false, "no-such-package", ABSENT))
        .isInstanceOf(TestAbortedException.class)
        .hasMessage(
            "skipped: needs Debian package no-such-package (missing "
                + ABSENT
                + "; apt-get install -y no-such-package)")
        .message()
        .doesNotContain("\n");
  }

  @Test
  void absentPackage_failsWhenSystemTestsAreRequired() {
    assertThatThrownBy(() -> SystemPackages.check(true, "no-such-package", ABSENT))
        .isInstanceOf(AssertionFailedError.class)
        .hasMessageContaining("needs Debian package no-such-package")
        .hasMessageContaining("-Dimagegate.require-system-tests=true requires it");
  }

  @Test
  void presentFiles_neitherSkipNorFail() {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    assertThatCode(() -> SystemPackages.check(true, "openjdk-17-jre-headless", java))
        .doesNotThrowAnyException();
    assertThatCode(() -> SystemPackages.check(false, "openjdk-17-jre-headless", java))
        .doesNotThrowAnyException();
  }

  @Test
  void onlyTheMissingFilesAreListed() {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    assertThatThrownBy(() -> SystemPackages.check(false, "pkg", java, ABSENT))
        .hasMessageContaining("(missing " + ABSENT + ";")
        .message()
        .doesNotContain(java.toString());
  }

  @Test
  void theSwitchIsTheSystemProperty() {
    String before = System.getProperty(SystemPackages.REQUIRE_PROPERTY);
    try {
      System.setProperty(SystemPackages.REQUIRE_PROPERTY, "true");
      assertThat(SystemPackages.required()).isTrue();
      assertThatThrownBy(() -> SystemPackages.assumeInstalled("no-such-package", ABSENT))
          .isInstanceOf(AssertionFailedError.class);
      System.setProperty(SystemPackages.REQUIRE_PROPERTY, "false");
      assertThatThrownBy(() -> SystemPackages.assumeInstalled("no-such-package", ABSENT))
          .isInstanceOf(TestAbortedException.class);
    } finally {
      if (before == null) {
        System.clearProperty(SystemPackages.REQUIRE_PROPERTY);
      } else {
        System.setProperty(SystemPackages.REQUIRE_PROPERTY, before);
      }
    }
  }
}
