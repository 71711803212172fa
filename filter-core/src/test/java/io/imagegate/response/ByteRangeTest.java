package io.imagegate.response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imagegate.failure.Failure;
import io.imagegate.failure.ImageGateException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** One byte range of a 100-byte file, or the whole file, or 416. */
class ByteRangeTest {
  @ParameterizedTest
  @CsvSource({
    "bytes=0-9, 0, 9",
    "bytes=90-, 90, 99",
    "bytes=90-500, 90, 99",
    "bytes=-10, 90, 99",
    "bytes=-500, 0, 99",
    "bytes=0-0, 0, 0",
    "bytes= 5 - 6 , 5, 6",
  })
  void single_isParsed(String header, long first, long last) {
    ByteRange range = ByteRange.parse(header, 100).orElseThrow();
    assertThat(range).isEqualTo(new ByteRange(first, last));
    assertThat(range.length()).isEqualTo(last - first + 1);
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"bytes=0-1,5-6", "items=0-1", "bytes=abc", "bytes=5", "bytes=x-1"})
  void other_getsTheWholeFile(String header) {
    assertThat(ByteRange.parse(header, 100)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"bytes=100-", "bytes=100-200", "bytes=-0", "bytes=9-5"})
  void unsatisfiable_is416(String header) {
    assertThatThrownBy(() -> ByteRange.parse(header, 100))
        .isInstanceOfSatisfying(
            ImageGateException.class,
            e -> assertThat(e.failure()).isEqualTo(Failure.RANGE_NOT_SATISFIABLE));
  }

  @ParameterizedTest
  @ValueSource(strings = {"bytes=0-", "bytes=-1"})
  void emptyFile_hasNoRange(String header) {
    assertThatThrownBy(() -> ByteRange.parse(header, 0)).isInstanceOf(ImageGateException.class);
  }
}
