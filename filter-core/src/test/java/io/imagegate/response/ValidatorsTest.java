package io.imagegate.response;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mockito.Mockito;

/** Accept q-values, and If-Modified-Since compared exactly. */
class ValidatorsTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "image/webp | true",
        "image/avif,image/webp,*/* | true",
        "image/webp;q=0.5 | true",
        "IMAGE/WEBP ; q=1 | true",
        "image/webp;q=0 | false",
        "image/webp;q=0.000 | false",
        "image/webp; q=0, image/webp | false",
        "image/webp;q=abc | false",
        "image/webp;q=1.5 | false",
        "image/* | false",
        "*/* | false",
        "image/webpx | false",
        "text/html,image/png;q=0.9 | false",
      })
  void accept_readsQualityValues(String header, boolean webp) {
    assertThat(AcceptHeader.names(header, "image/webp")).as(header).isEqualTo(webp);
  }

  @ParameterizedTest
  @CsvSource({
    "1000000000000, true",
    "1000000000999, true",
    "1000000001000, false",
    "999999999000, false",
    "2000000000000, false",
  })
  void ifModifiedSince_matchesOnlyTheExactSecond(long since, boolean notModified) {
    HttpServletRequest request = Mockito.mock(HttpServletRequest.class);
    Mockito.when(request.getDateHeader("If-Modified-Since")).thenReturn(since);
    Instant modified = Instant.ofEpochMilli(1_000_000_000_500L);
    assertThat(Conditional.notModified(request, "\"o1\"", modified)).isEqualTo(notModified);
    assertThat(Conditional.notModified(request, "\"o1\"", null))
        .as("without Last-Modified, If-Modified-Since never gives 304")
        .isFalse();
  }
}
