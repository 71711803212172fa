package io.imagegate.transform.pipeline;

import static io.imagegate.transform.pipeline.Pictures.step;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imagegate.failure.ImageGateException;
import io.imagegate.transform.model.Dimension;
import io.imagegate.transform.model.Overlay;
import io.imagegate.transform.model.Step;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The step an 800x240 overlay image is rendered with. */
class OverlaySizingTest {
  private final OverlaySizing sizing = new OverlaySizing(8192);

  private static Overlay overlay(String params) {
    return step(params).overlays().get(0);
  }

  private Step sized(String params, double scale) {
    return sizing.step(overlay(params), 800, 240, scale);
  }

  @Test
  void withoutDpr_isTheOverlaysEffectiveStep() {
    Overlay overlay = overlay("oi-logo.png,ow-150");
    assertThat(sizing.step(overlay, 800, 240, 1)).isEqualTo(overlay.effectiveStep());
    assertThat(sized("oi-logo.png,ow-150", 1).width()).contains(Dimension.ofPixels(150));
  }

  @Test
  void dpr_multipliesPixelSizes() {
    Step step = sized("oi-logo.png,ow-150,oh-40", 2);
    assertThat(step.width()).contains(Dimension.ofPixels(300));
    assertThat(step.height()).contains(Dimension.ofPixels(80));
  }

  @Test
  void fractions_areSharesOfTheOverlaysOwnSize() {
    assertThat(sized("oi-logo.png,ow-0.5", 1).width()).contains(Dimension.ofFraction(0.5));
    assertThat(sized("oi-logo.png,ow-0.5", 2).width()).contains(Dimension.ofPixels(800));
  }

  @Test
  void noSize_keepsNaturalSize_timesDpr() {
    assertThat(sized("oi-logo.png", 1).width()).isEmpty();
    assertThat(sized("oi-logo.png", 1.5).width()).contains(Dimension.ofPixels(1200));
    assertThat(sized("oi-logo.png", 1.5).height()).isEmpty();
  }

  @Test
  void layerTransformation_isKept() {
    Step step = sized("l-image,i-logo.png,w-100,rt-90,e-grayscale,l-end", 2);
    assertThat(step.width()).contains(Dimension.ofPixels(200));
    assertThat(step.rotation()).isPresent();
    assertThat(step.grayscale()).isTrue();
    assertThat(step.dpr()).isEmpty();
    assertThat(step.height()).isEqualTo(Optional.empty());
  }

  @Test
  void scaledBeyondTheLimit_isRefused() {
    OverlaySizing small = new OverlaySizing(500);
    assertThatThrownBy(() -> small.step(overlay("oi-logo.png,ow-300"), 800, 240, 2))
        .isInstanceOf(ImageGateException.class)
        .hasMessageContaining("width of 300")
        .hasMessageContaining("dpr 2")
        .hasMessageContaining("600");
  }
}
