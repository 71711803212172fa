package io.imagegate.transform.pipeline;

import static io.imagegate.testing.TestImages.gradient;
import static io.imagegate.transform.pipeline.Pictures.noOverlays;
import static io.imagegate.transform.pipeline.Pictures.step;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imagegate.failure.Failure;
import io.imagegate.failure.ImageGateException;
import io.imagegate.limits.Limits;
import io.imagegate.transform.model.Step;
import io.imagegate.transform.model.StepParams;
import org.junit.jupiter.api.Test;

class StepRendererTest {
  private final StepRenderer renderer = new StepRenderer(Limits.defaults());

  /** A step the parser would never produce: a blur the operation refuses. */
  private static Step withBlur(Step s, int blur) {
    return s.with(StepParams.BLUR, blur);
  }

  @Test
  void operationRefusingAValue_becomesA400NamingTheKeys() {
    assertThatThrownBy(
            () -> renderer.render(gradient(40, 20), withBlur(step("w-10"), 500), noOverlays(), 1))
        .isInstanceOfSatisfying(
            ImageGateException.class,
            e -> assertThat(e.failure()).isEqualTo(Failure.BAD_TRANSFORMATION))
        .hasMessageContaining("bl/e")
        .hasMessageContaining("10x5");
  }

  @Test
  void ownScale_isDprOnlyWhenTheStepSizesTheImage() {
    assertThat(StepRenderer.ownScale(step("w-100,dpr-2"))).isEqualTo(2);
    assertThat(StepRenderer.ownScale(step("h-0.5,dpr-1.5"))).isEqualTo(1.5);
    assertThat(StepRenderer.ownScale(step("w-100"))).isEqualTo(1);
  }
}
