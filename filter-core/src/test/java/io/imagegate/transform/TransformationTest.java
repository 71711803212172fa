package io.imagegate.transform;

import static io.imagegate.transform.ParserAssertions.assertRejected;
import static io.imagegate.transform.ParserAssertions.parse;
import static org.assertj.core.api.Assertions.assertThat;

import io.imagegate.limits.Limits;
import io.imagegate.transform.model.OutputFormat;
import org.junit.jupiter.api.Test;

/** The chain-level view: output settings, orig-true, equality. */
class TransformationTest {

  @Test
  void quality_isLastQOrEighty() {
    assertThat(parse("w-10").quality()).isEqualTo(80);
    assertThat(parse("q-50:w-10").quality()).isEqualTo(50);
    assertThat(parse("q-50:q-70").quality()).isEqualTo(70);
    assertThat(parse("").quality()).isEqualTo(Transformation.DEFAULT_QUALITY);
  }

  @Test
  void requestedFormat_isLastF() {
    assertThat(parse("w-10").requestedFormat()).isEmpty();
    assertThat(parse("f-jpeg").requestedFormat()).contains("jpg");
    assertThat(parse("f-png:w-10:f-auto").requestedFormat()).contains("auto");
    assertThat(parse("f-webp").steps().get(0).format().orElseThrow().imageFormat())
        .contains(io.imagegate.source.ImageFormat.WEBP);
    assertThat(OutputFormat.AUTO.imageFormat()).isEmpty();
  }

  @Test
  void outputFlags_areLastValueOrFalse() {
    Transformation t = parse("pr-true,lo-true,md-true:pr-false");
    assertThat(t.progressive()).isFalse();
    assertThat(t.lossless()).isTrue();
    assertThat(t.keepMetadata()).isTrue();
    Transformation none = parse("w-10");
    assertThat(none.progressive()).isFalse();
    assertThat(none.lossless()).isFalse();
    assertThat(none.keepMetadata()).isFalse();
  }

  @Test
  void original_ignoresEverythingElse() {
    Transformation t = parse("w-100,oi-logo.png:orig-true,q-20:rt-90");
    assertThat(t.original()).isTrue();
    assertThat(t).isEqualTo(parse("orig-true"));
    assertThat(t.canonical()).isEqualTo("orig-true");
    assertThat(t.overlays()).isEmpty();
    assertThat(t.quality()).isEqualTo(80);
    assertThat(t.isEmpty()).isFalse();
    assertThat(parse("w-100").original()).isFalse();
  }

  @Test
  void original_stillRejectsInvalidParameters() {
    assertRejected("orig-true,zz-1", "unknown transformation key 'zz'");
  }

  @Test
  void equality_followsTheModel() {
    Transformation a = parse("h-200,w-300,bg-white,rt-N90");
    Transformation b = parse("w-300,h-200,bg-FFFFFF,rt-270");
    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(a.canonical()).isEqualTo(b.canonical());
    assertThat(a.toString()).isEqualTo(a.canonical());
    assertThat(a).isNotEqualTo(parse("w-300,h-201,bg-FFFFFF,rt-270"));
    assertThat(parse("w-1:h-1")).isNotEqualTo(parse("h-1:w-1"));
  }

  @Test
  void steps_areImmutable() {
    Transformation t = parse("w-1,oi-a.png");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> t.steps().clear())
        .isInstanceOf(UnsupportedOperationException.class);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> t.steps().get(0).overlays().clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void step_resizes_whenSizeOrExtractionIsAsked() {
    assertThat(parse("w-1").steps().get(0).resizes()).isTrue();
    assertThat(parse("cm-extract").steps().get(0).resizes()).isTrue();
    assertThat(parse("q-1").steps().get(0).resizes()).isFalse();
    assertThat(parse("q-1,w-2").canonical()).isEqualTo("w-2,q-1");
    assertThat(parse("q-1,w-2").steps().get(0)).isEqualTo(parse("w-2,q-1").steps().get(0));
  }

  @Test
  void limits_rejectNonsense() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Limits.defaults().withMaxDimension(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxDimension");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> Limits.defaults().withMaxDimension(10).withMaxDpr(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxDpr");
    assertThat(Limits.defaults()).isEqualTo(Limits.defaults());
  }
}
