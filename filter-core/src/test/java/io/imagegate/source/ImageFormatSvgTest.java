package io.imagegate.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** SVG is recognised whatever precedes its root element; other text is not taken for it. */
class ImageFormatSvgTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "<svg/>",
        "  \n<svg xmlns='http://www.w3.org/2000/svg'/>",
        "\u00EF\u00BB\u00BF<svg/>",
        "<?xml version='1.0'?><svg/>",
        "<?xml version='1.0'?>\n<!-- a -->\n<!-- b --><?pi x?>\n<svg/>",
        "<!DOCTYPE svg PUBLIC '-//W3C//DTD SVG 1.1//EN' 'x.dtd'><svg/>",
        "<!DOCTYPE svg [ <!ENTITY a 'b>c'> <!ENTITY d \"]>\"> ]><svg>&a;</svg>",
        "<svg:svg xmlns:svg='http://www.w3.org/2000/svg'/>",
        "<SVG/>",
        "<?xml version='1.0'?><!-- never closed",
      })
  void svg_isRecognised(String text) {
    assertThat(sniff(text)).isEqualTo(ImageFormat.SVG);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "hello <svg/>", "<html><svg/></html>", "<svgx/>", "{\"a\":1}"})
  void other_isNot(String text) {
    assertThat(sniff(text)).isNull();
  }

  @org.junit.jupiter.api.Test
  void svgAfterManyKilobytesOfComments_isRecognised() {
    String text = "<?xml version='1.0'?>" + "<!-- padding -->\n".repeat(2000) + "<svg/>";
    assertThat(text.length()).isGreaterThan(30_000);
    assertThat(sniff(text)).isEqualTo(ImageFormat.SVG);
  }

  private static ImageFormat sniff(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
    return ImageFormat.sniff(bytes, bytes.length).orElse(null);
  }
}
