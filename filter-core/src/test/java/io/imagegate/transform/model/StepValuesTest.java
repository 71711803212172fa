package io.imagegate.transform.model;

import static io.imagegate.transform.ParserAssertions.step;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A step keeps its values by {@link Param}: params are equal by name and type whoever declared
 * them, so a parsed step (values under the parser's rows) equals one built from {@link StepParams},
 * with the same hash; the hash is the name's, the same in every JVM.
 */
class StepValuesTest {

  @Test
  void parsedStep_equalsStepBuiltFromStepParams_withTheSameHash() {
    Step built =
        Step.empty()
            .with(StepParams.WIDTH, Dimension.ofPixels(300))
            .with(StepParams.BLUR, 5)
            .with(StepParams.GRAYSCALE, true);
    Step parsed = step("w-300,bl-5,e-grayscale");
    assertThat(parsed).isEqualTo(built);
    assertThat(parsed.hashCode()).isEqualTo(built.hashCode());
    assertThat(parsed.blur()).hasValue(5);
    assertThat(parsed.grayscale()).isTrue();
    assertThat(parsed.contrast()).isFalse();
    assertThat(parsed.get(StepParams.SHARPEN)).isEmpty();
  }

  @Test
  void with_null_takesTheValueOut() {
    Step s = step("w-300,bl-5").with(StepParams.BLUR, null);
    assertThat(s).isEqualTo(step("w-300"));
    assertThat(s.values()).hasSize(1);
  }

  @Test
  void params_areEqualByNameAndType() {
    assertThat(Param.of("bl", Integer.class)).isEqualTo(StepParams.BLUR);
    assertThat(Param.of("bl", Integer.class).hashCode()).isEqualTo("bl".hashCode());
    assertThat(Param.of("bl", String.class)).isNotEqualTo(StepParams.BLUR);
    assertThat(Param.of("q", Integer.class)).isNotEqualTo(StepParams.BLUR);
  }

  @Test
  void aValueOfTheWrongType_isRefused() {
    Map<Param<?>, Object> wrong = Map.of(StepParams.BLUR, "five");
    assertThatThrownBy(() -> new Step(wrong, List.of(), Map.of()))
        .isInstanceOf(ClassCastException.class);
  }
}
