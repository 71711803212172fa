package io.imagegate.transform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The shape of {@code transform/}: its packages depend on each other without cycles, and no two of
 * its types share a simple name. Read from the main sources (imports and qualified names outside
 * comments), so it needs no extra library.
 */
class TransformPackagesTest {
  private static final Path ROOT = Path.of("src/main/java/io/imagegate/transform");
  private static final Pattern REFERENCE =
      Pattern.compile("\\b(io\\.imagegate\\.transform(?:\\.[a-z]+)*)\\.[A-Z]\\w*");

  @Test
  void packagesHaveNoCycle() throws IOException {
    Map<String, Set<String>> uses = dependencies();
    assertThat(uses)
        .containsKeys(
            "io.imagegate.transform",
            "io.imagegate.transform.model",
            "io.imagegate.transform.render");
    for (String start : uses.keySet()) {
      assertThat(reachable(uses, start))
          .as("packages reachable from " + start)
          .doesNotContain(start);
    }
    assertThat(uses.get("io.imagegate.transform.model")).isEmpty();
  }

  @Test
  void noTwoTypesShareASimpleName() throws IOException {
    Map<String, List<String>> byName = new TreeMap<>();
    try (Stream<Path> files = Files.walk(ROOT)) {
      files
          .filter(f -> f.toString().endsWith(".java") && !f.endsWith("package-info.java"))
          .forEach(
              f ->
                  byName
                      .computeIfAbsent(f.getFileName().toString(), k -> new ArrayList<>())
                      .add(ROOT.relativize(f).toString()));
    }
    assertThat(byName).hasSizeGreaterThan(90);
    byName.forEach((name, where) -> assertThat(where).as(name).hasSize(1));
  }

  /** Package -> the other transform packages its sources name. */
  private static Map<String, Set<String>> dependencies() throws IOException {
    Map<String, Set<String>> uses = new HashMap<>();
    try (Stream<Path> files = Files.walk(ROOT)) {
      for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
        String text = Files.readString(f).replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//.*", "");
        Matcher pkg = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE).matcher(text);
        if (!pkg.find()) {
          continue;
        }
        String own = pkg.group(1);
        Set<String> targets = uses.computeIfAbsent(own, k -> new TreeSet<>());
        Matcher m = REFERENCE.matcher(text);
        while (m.find()) {
          if (!m.group(1).equals(own)) {
            targets.add(m.group(1));
          }
        }
      }
    }
    return uses;
  }

  private static Set<String> reachable(Map<String, Set<String>> uses, String start) {
    Set<String> seen = new HashSet<>();
    List<String> todo = new ArrayList<>(uses.getOrDefault(start, Set.of()));
    while (!todo.isEmpty()) {
      String next = todo.remove(todo.size() - 1);
      if (seen.add(next)) {
        todo.addAll(uses.getOrDefault(next, Set.of()));
      }
    }
    return seen;
  }
}
