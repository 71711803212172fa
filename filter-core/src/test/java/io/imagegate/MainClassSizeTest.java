package io.imagegate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No main source file of any module is over {@value #MAX_LINES} lines (counted as {@code wc -l}
 * counts them, imports and javadoc included): a class that grows past it holds more than one
 * concern and is split by concern, not cut in the middle.
 */
class MainClassSizeTest {
  static final int MAX_LINES = 300;

  private static final Path ROOT = Path.of("..");

  @Test
  void noMainSourceFileIsOverTheLimit() throws IOException {
    Map<String, Long> tooLong = new TreeMap<>();
    for (Path file : mainSources()) {
      String name = ROOT.relativize(file).toString().replace('\\', '/');
      long lines = lines(file);
      if (lines > MAX_LINES) {
        tooLong.put(name, lines);
      }
    }
    assertThat(tooLong)
        .as("main source files over %d lines (value: lines): split them by concern", MAX_LINES)
        .isEmpty();
  }

  @Test
  void theModulesAreFound() throws IOException {
    Set<String> modules =
        mainSources().stream()
            .map(file -> ROOT.relativize(file).getName(0).toString())
            .collect(Collectors.toSet());
    assertThat(modules).contains("filter-core", "jetty-demo", "spring-boot-starter");
  }

  /** Every {@code *.java} below a module's {@code src/main}. */
  private static List<Path> mainSources() throws IOException {
    try (Stream<Path> modules = Files.list(ROOT)) {
      List<Path> mains =
          modules.map(module -> module.resolve("src/main")).filter(Files::isDirectory).toList();
      List<Path> sources = new java.util.ArrayList<>();
      for (Path main : mains) {
        try (Stream<Path> files = Files.walk(main)) {
          files.filter(f -> f.toString().endsWith(".java")).forEach(sources::add);
        }
      }
      assertThat(sources).as("main sources below %s", ROOT.toAbsolutePath()).isNotEmpty();
      return sources;
    }
  }

  /** Lines as {@code wc -l} counts them: newline characters. */
  private static long lines(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8).chars().filter(c -> c == '\n').count();
  }
}
