package io.imagegate;

import static org.assertj.core.api.Assertions.assertThat;

import io.imagegate.limits.Limits;
import io.imagegate.source.ImageFormat;
import io.imagegate.transform.Transformation;
import io.imagegate.transform.TransformationParser;
import io.imagegate.transform.codec.ImageCodecs;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The response format, decided next to the other response decisions (moved from the renderer). */
class OutputFormatsTest {
  private static final TransformationParser PARSER =
      new TransformationParser(Map.of(), Limits.defaults());

  private static ImageFormat format(String transformation, ImageFormat source, String accept) {
    Transformation t = PARSER.parse(transformation);
    return OutputFormats.outputFormat(t, source, accept);
  }

  @Test
  void explicitFormatWins_andTheSourcesIsKeptOtherwise() {
    assertThat(format("w-10,f-png", ImageFormat.JPEG, "image/webp")).isEqualTo(ImageFormat.PNG);
    assertThat(format("w-10", ImageFormat.JPEG, "image/webp")).isEqualTo(ImageFormat.JPEG);
    assertThat(format("w-10", ImageFormat.BMP, null)).isEqualTo(ImageFormat.PNG);
  }

  @Test
  void auto_followsAccept_andOnlyItVariesOnAccept() {
    assertThat(format("f-auto", ImageFormat.JPEG, "text/html")).isEqualTo(ImageFormat.JPEG);
    ImageFormat webp = format("f-auto", ImageFormat.JPEG, "image/webp");
    assertThat(webp)
        .isEqualTo(ImageCodecs.canEncode(ImageFormat.WEBP) ? ImageFormat.WEBP : ImageFormat.JPEG);
    assertThat(OutputFormats.negotiated(PARSER.parse("f-auto"))).isTrue();
    assertThat(OutputFormats.negotiated(PARSER.parse("f-png"))).isFalse();
    assertThat(OutputFormats.negotiated(PARSER.parse("w-10"))).isFalse();
  }
}
