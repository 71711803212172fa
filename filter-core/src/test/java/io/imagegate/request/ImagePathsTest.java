package io.imagegate.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imagegate.failure.Failure;
import io.imagegate.failure.ImageGateException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The first fence: raw paths decoded once, and everything a file system could misread refused. */
class ImagePathsTest {
  @ParameterizedTest
  @CsvSource({
    "food/burger.jpg, food/burger.jpg",
    "a%20b.jpg, a b.jpg",
    "caf%C3%A9.png, café.png",
    "%252e%252e/x.jpg, %2e%2e/x.jpg",
    "tr%3Aw-10.jpg, tr:w-10.jpg",
  })
  void decode_decodesExactlyOnce(String raw, String path) {
    assertThat(ImagePaths.decode(raw)).isEqualTo(path);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "../etc/passwd",
        "a/../b.jpg",
        "%2e%2e/x.jpg",
        "%2E%2E%2Fx.jpg",
        "..%2fx.jpg",
        "./a.jpg",
        "a/./b.jpg",
        "%2e/a.jpg",
        "a//b.jpg",
        "/a.jpg",
        "a/",
        "a%2F%2Fb.jpg",
        "a\\\\b.jpg",
        "a%5Cb.jpg",
        "a%00.jpg",
        "a%0A.jpg",
        "a%7F.jpg",
        "a.jpg;x=1",
        "a;b/c.jpg",
        "a%3Bb.jpg%",
        "a%zz.jpg",
        "a%C3.jpg",
        "a%FF.jpg"
      })
  void decode_refusesWithBadUrl(String raw) {
    assertThatThrownBy(() -> ImagePaths.decode(raw))
        .isInstanceOfSatisfying(
            ImageGateException.class, e -> assertThat(e.failure()).isEqualTo(Failure.BAD_URL));
  }

  @ParameterizedTest
  @ValueSource(strings = {"a/../b", "..", ".", "a//b", "a\\b", "a\u0000b", "x/"})
  void check_refusesDecodedPaths(String path) {
    assertThatThrownBy(() -> ImagePaths.check(path)).isInstanceOf(ImageGateException.class);
  }
}
