package io.imagegate.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imagegate.failure.Failure;
import io.imagegate.failure.ImageGateException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The filter and the container decide from the same path: parsed when both put the request below
 * the endpoint and read the same, passed on when neither does, and 400 bad_url when they disagree.
 */
class RequestParserMappedPathTest {
  private final RequestParser parser = new RequestParser("/shop/img");

  @ParameterizedTest
  @CsvSource({
    "/shop/img/a.jpg, /img/a.jpg, a.jpg",
    "/shop/img/f%C3%A9.jpg, /img/fé.jpg, fé.jpg",
    "/shop/img/a%20b.jpg, /img/a b.jpg, a b.jpg",
    "/shop/img/tr:w-10/a.jpg, /img/tr:w-10/a.jpg, a.jpg",
    "/shop/img/a%2Fb.jpg, /img/a/b.jpg, a/b.jpg",
  })
  void agreeing_isParsed(String uri, String mapped, String path) {
    assertThat(parser.parse(uri, null, "/shop", mapped).orElseThrow().path()).isEqualTo(path);
  }

  @ParameterizedTest
  @CsvSource({
    "/shop/index.html, /index.html",
    "/shop/images/a.jpg, /images/a.jpg",
    "/shop/imgx/a.jpg, /imgx/a.jpg",
  })
  void neither_isNotMine(String uri, String mapped) {
    assertThat(parser.parse(uri, null, "/shop", mapped)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({
    "the container decoded an escaped endpoint, /shop/%69mg/private/p.jpg, /img/private/p.jpg",
    "the container normalised a dot segment, /shop/./img/p.jpg, /img/p.jpg",
    "the container merged slashes, /shop//img/p.jpg, /img/p.jpg",
    "the container dropped a path parameter, /shop/img;x=1/p.jpg, /img/p.jpg",
    "the container resolved '..' out of the endpoint, /shop/img/../p.jpg, /p.jpg",
    "a different path below the endpoint, /shop/img/a.jpg, /img/b.jpg",
    "the endpoint alone, /shop/img, /img",
  })
  void disagreeing_isBadUrl(String why, String uri, String mapped) {
    assertThatThrownBy(() -> parser.parse(uri, null, "/shop", mapped))
        .as(why)
        .isInstanceOfSatisfying(
            ImageGateException.class, e -> assertThat(e.failure()).isEqualTo(Failure.BAD_URL));
  }

  /** The mapped path is compared to the end: a longer or shorter mapped path is a disagreement. */
  @ParameterizedTest
  @CsvSource({
    "/shop/img/a.jpg, /img/a.jpgx",
    "/shop/img/a.jpgx, /img/a.jpg",
    "/shop/img/ab.jpg, /img/a.jpg",
  })
  void aMappedPathDifferingOnlyInLength_isBadUrl(String uri, String mapped) {
    assertThatThrownBy(() -> parser.parse(uri, null, "/shop", mapped))
        .isInstanceOfSatisfying(
            ImageGateException.class, e -> assertThat(e.failure()).isEqualTo(Failure.BAD_URL));
  }
}
