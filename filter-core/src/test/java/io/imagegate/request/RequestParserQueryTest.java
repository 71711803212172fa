package io.imagegate.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imagegate.failure.Failure;
import io.imagegate.failure.ImageGateException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * How the query is split: on every {@code &} (empty pairs included), each pair at its first {@code
 * =}, names decoded, values raw; {@code ik-s} last and {@code ik-t} right before it are the
 * signature, and what comes before them is signed as sent.
 */
class RequestParserQueryTest {
  private final RequestParser parser = new RequestParser("/img");

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "ik-s=abc | abc | | a.jpg",
        "tr=w-10&ik-s=abc | abc | w-10 | a.jpg?tr=w-10",
        "tr=w-10,h-5&ik-t=123&ik-s=abc | abc | w-10,h-5 | a.jpg?tr=w-10,h-5",
        "v=1&&tr=w-1&ik-s=s | s | w-1 | a.jpg?v=1&&tr=w-1",
        "v=a=b&tr=w-2&ik-s=s | s | w-2 | a.jpg?v=a=b&tr=w-2",
        "flag&tr=w-3&ik-s=s | s | w-3 | a.jpg?flag&tr=w-3",
        "%74r=w-4&ik-s=s | s | w-4 | a.jpg?%74r=w-4",
        "tr=w-5&ik-s= | '' | w-5 | a.jpg?tr=w-5",
        "tr=w-6& | | w-6 | a.jpg?tr=w-6&",
      })
  void theQuery_isSplitAsSent(String query, String signature, String tr, String signedPart) {
    ImageRequest request = parser.parse("/img/a.jpg", query).orElseThrow();
    assertThat(request.signature().orElse(null)).isEqualTo(signature);
    assertThat(request.transformation().orElse(null)).isEqualTo(tr);
    assertThat(request.signedPart()).isEqualTo(signedPart);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "ik-s=a&v=1",
        "ik-s=a&ik-s=b",
        "tr=w-1&tr=w-2&ik-s=a",
        "ik-t=1&v=1&ik-s=a",
        "%zz=1&ik-s=a",
      })
  void aMisplacedOrRepeatedParameter_isBadUrl(String query) {
    assertThatThrownBy(() -> parser.parse("/img/a.jpg", query))
        .isInstanceOfSatisfying(
            ImageGateException.class, e -> assertThat(e.failure()).isEqualTo(Failure.BAD_URL));
  }
}
