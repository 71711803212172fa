package io.imagegate.transform;

import static io.imagegate.transform.ParserAssertions.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imagegate.config.ImageGateSettings;
import io.imagegate.limits.Limits;
import io.imagegate.transform.model.Overlay;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code n-<name>}: expansion, the namedOnly flag, and configuration errors. */
class NamedTransformationTest {
  private final TransformationParser parser =
      new TransformationParser(
          Map.of(
              "thumb", "w-300,h-300",
              "wm", "oi-logo.png,ofo-bottom_right,ow-150",
              "two_step", "w-400:e-grayscale",
              "six", "w-1:w-2:w-3:w-4:w-5:w-6"),
          Limits.defaults());

  @Test
  void named_expandsToItsSteps() {
    Transformation t = parser.parse("n-thumb");
    assertThat(t).isEqualTo(parser.parse("w-300,h-300"));
    assertThat(t.canonical()).isEqualTo("w-300,h-300");
    assertThat(t.namedOnly()).isTrue();
  }

  @Test
  void named_chainsWithOtherSteps() {
    Transformation t = parser.parse("n-thumb:n-wm");
    assertThat(t.namedOnly()).isTrue();
    assertThat(t.canonical())
        .isEqualTo("w-300,h-300:l-image,i-logo.png,w-150,lfo-bottom_right,l-end");
    assertThat(t.overlays()).extracting(Overlay::path).containsExactly("logo.png");

    Transformation mixed = parser.parse("n-two_step:rt-90");
    assertThat(mixed.namedOnly()).isFalse();
    assertThat(mixed.canonical()).isEqualTo("w-400:e-grayscale:rt-90");
  }

  @Test
  void namedOnly_isFalseForEmptyAndForPlainParameters() {
    assertThat(parser.parse("").namedOnly()).isFalse();
    assertThat(parser.parse("w-300,h-300").namedOnly()).isFalse();
    assertThat(parser.parse("w-300,h-300")).isEqualTo(parser.parse("n-thumb"));
  }

  @Test
  void named_unknownNameIsRejected() {
    assertRejected(parser, "n-nope", "unknown named transformation 'nope' in 'n-nope'");
    assertRejected(parser, "n-", "unknown named transformation ''");
    assertRejected(parser, "n-THUMB", "unknown named transformation 'THUMB'");
  }

  @Test
  void named_mustBeAloneInItsStep() {
    assertRejected(parser, "n-thumb,rt-90", "'n-thumb' must be alone in its step");
    assertRejected(parser, "rt-90,n-thumb", "'n-thumb' must be alone in its step");
  }

  @Test
  void named_stepsCountAgainstLimitAfterExpansion() {
    assertThat(parser.parse("n-six:w-7:w-8:w-9:w-10").steps()).hasSize(10);
    assertRejected(parser, "n-six:n-six", "12 steps once named ones expand, above the limit");
  }

  @Test
  void named_overlaysCountAgainstLimit() {
    assertRejected(parser, "n-wm:n-wm:n-wm:oi-a:oi-b:oi-c", "6 overlays");
  }

  @Test
  void constructor_rejectsNamedReferringToNamed() {
    assertThatThrownBy(
            () -> new TransformationParser(Map.of("a", "w-1", "b", "n-a"), Limits.defaults()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("named transformation 'b' is invalid")
        .hasMessageContaining("cannot refer to other named ones");
  }

  @Test
  void constructor_rejectsInvalidNamedTransformation() {
    assertThatThrownBy(() -> new TransformationParser(Map.of("bad", "w-abc"), Limits.defaults()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("named transformation 'bad' is invalid")
        .hasMessageContaining("got 'abc'");
    assertThatThrownBy(() -> new TransformationParser(Map.of("empty", ""), Limits.defaults()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'empty' is empty");
  }

  @Test
  void constructor_rejectsInvalidName() {
    assertThatThrownBy(() -> new TransformationParser(Map.of("a b", "w-1"), Limits.defaults()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'a b'");
    assertThatThrownBy(() -> new TransformationParser(Map.of("a:b", "w-1"), Limits.defaults()))
        .isInstanceOf(IllegalArgumentException.class);
    // The configuration's one pattern: letters, digits and '_' (named.two-step is refused there).
    assertThatThrownBy(() -> new TransformationParser(Map.of("two-step", "w-1"), Limits.defaults()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("letters, digits and '_'");
    assertThatThrownBy(() -> ImageGateSettings.builder().named("two-step", "w-1"))
        .hasMessageContaining("named.two-step: a name may hold only letters, digits and '_'");
  }
}
