package io.imagegate.transform.model;

import static io.imagegate.transform.ParserAssertions.assertRejected;
import static io.imagegate.transform.ParserAssertions.parse;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Colours as ImageKit reads them: decimal opacity in the 8-digit form, and the CSS names. */
class ColorTest {

  @Test
  void eightDigits_endInADecimalOpacity() {
    // ImageKit: bg-FF000050 is red at 50 %. Read as hex alpha it was 0x50 = 31 %.
    assertThat(Color.parse("FF000050")).contains(new Color(255, 0, 0, 128));
    assertThat(Color.parse("00FF0000")).contains(new Color(0, 255, 0, 0));
    assertThat(Color.parse("0000FF99")).contains(new Color(0, 0, 255, 252));
    assertThat(Color.parse("FFFFFF10")).contains(new Color(255, 255, 255, 26));
  }

  @Test
  void everyOpacity_roundTripsThroughTheCanonicalForm() {
    for (int percent = 0; percent <= 99; percent++) {
      String text = String.format("ABCDEF%02d", percent);
      Color c = Color.parse(text).orElseThrow();
      assertThat(c.hex()).isEqualTo(text);
      assertThat(Color.parse(c.hex())).contains(c);
    }
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "bg-FF0000FF | got 'FF0000FF'",
        "bg-FF00005A | got 'FF00005A'",
        "co-FF0000 | unknown transformation key 'co'",
      })
  void hexAlpha_isRefused(String raw, String message) {
    assertRejected(raw, message);
  }

  @ParameterizedTest
  @CsvSource({
    "rebeccapurple, 663399",
    "RebeccaPurple, 663399",
    "darkolivegreen, 556B2F",
    "lightgoldenrodyellow, FAFAD2",
    "aliceblue, F0F8FF",
    "tomato, FF6347",
    "slategrey, 708090",
    "navy, 000080",
  })
  void cssNames_areAccepted(String name, String hex) {
    assertThat(parse("bg-" + name).canonical()).isEqualTo("bg-" + hex);
  }

  @Test
  void allCssNames_arePresent() {
    // CSS Color 4 names 148 colours, plus transparent.
    assertThat(CssColors.count()).isEqualTo(149);
    assertThat(parse("bg-transparent").canonical()).isEqualTo("bg-00000000");
  }
}
