package io.imagegate.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Tests that need a Debian package (Chromium, Tomcat, a native codec) call {@link #assumeInstalled}
 * first. On a fresh machine with only a JDK and Maven such a test is skipped with one line naming
 * the package; under {@code -Dimagegate.require-system-tests=true}, which {@code .ci/run} sets
 * after installing the packages, a missing package fails the test instead, so CI cannot pass by
 * skipping.
 */
public final class SystemPackages {
  /** The system property that turns a skip into a failure. */
  public static final String REQUIRE_PROPERTY = "imagegate.require-system-tests";

  private static final java.util.Set<String> ANNOUNCED = ConcurrentHashMap.newKeySet();

  private SystemPackages() {}

  /** Whether missing system packages fail tests rather than skip them. */
  public static boolean required() {
    return Boolean.getBoolean(REQUIRE_PROPERTY);
  }

  /**
   * Skips (or, when {@link #required()}, fails) the calling test unless every file exists.
   *
   * @param debianPackages the packages to install, as {@code apt-get install} takes them
   * @param files files those packages provide
   */
  public static void assumeInstalled(String debianPackages, Path... files) {
    check(required(), debianPackages, files);
  }

  /** {@link #assumeInstalled} with the switch given, so the skip and the failure can be tested. */
  static void check(boolean required, String debianPackages, Path... files) {
    List<Path> missing =
        Arrays.stream(files).filter(f -> !Files.exists(f)).collect(Collectors.toList());
    String reason = reason(debianPackages, missing);
    if (reason == null) {
      return;
    }
    if (required) {
      Assertions.fail(reason + " (and -D" + REQUIRE_PROPERTY + "=true requires it)");
    }
    if (ANNOUNCED.add(reason)) {
      System.err.println(reason);
    }
    Assumptions.abort(reason);
  }

  /** The one-line reason for a skip, or null when nothing is missing. */
  static String reason(String debianPackages, List<Path> missing) {
    if (missing.isEmpty()) {
      return null;
    }
    return "skipped: needs Debian package "
        + debianPackages
        + " (missing "
        + missing.stream().map(Path::toString).collect(Collectors.joining(", "))
        + "; apt-get install -y "
        + debianPackages
        + ")";
  }
}
