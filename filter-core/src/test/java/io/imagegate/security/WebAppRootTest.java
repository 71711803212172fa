package io.imagegate.security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imagegate.config.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A root the container could serve around the filter stops start-up. */
class WebAppRootTest {
  @TempDir Path tmp;
  Path web;

  @BeforeEach
  void setUp() throws Exception {
    web =
        Files.createDirectories(tmp.resolve("webapp/img/sub")).getParent().getParent().toRealPath();
    Files.createDirectories(tmp.resolve("images"));
  }

  @Test
  void rootOutsideTheWebApp_isFine() throws Exception {
    assertThatCode(
            () ->
                WebAppRoot.check(
                    tmp.resolve("images").toRealPath(), web.toString(), "/img", List.of("/img/*")))
        .doesNotThrowAnyException();
  }

  @Test
  void noWebAppFiles_isFine() {
    assertThatCode(() -> WebAppRoot.check(web, null, "/img", null)).doesNotThrowAnyException();
  }

  @Test
  void theEndpointsFolder_coveredByTheMapping_isFine() {
    for (List<String> patterns :
        List.of(List.of("/img/*"), List.of("/*"), List.of("/other/*", "/img/*"))) {
      assertThatCode(() -> WebAppRoot.check(web.resolve("img"), web.toString(), "/img", patterns))
          .doesNotThrowAnyException();
    }
  }

  @Test
  void theEndpointsFolder_notCoveredByTheMapping_isRefused() {
    assertRefused(web.resolve("img"), "/img", List.of("/images/*"));
    assertRefused(web.resolve("img"), "/img", List.of("*.jpg"));
    assertRefused(web.resolve("img"), "/img", null);
  }

  @Test
  void otherFoldersOfTheWebApp_areRefused() {
    assertRefused(web, "/img", List.of("/img/*"));
    assertRefused(web.resolve("img/sub"), "/img", List.of("/img/*"));
    assertRefused(tmp.toAbsolutePath(), "/img", List.of("/img/*"));
  }

  private void assertRefused(Path root, String endpoint, List<String> patterns) {
    assertThatThrownBy(
            () -> WebAppRoot.check(root.toRealPath(), web.toString(), endpoint, patterns))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("root: '");
  }
}
