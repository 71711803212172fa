package io.imagegate.transform.pipeline;

import static io.imagegate.testing.TestImages.quadrants;
import static io.imagegate.transform.pipeline.Pictures.alpha;
import static io.imagegate.transform.pipeline.Pictures.step;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imagegate.failure.Failure;
import io.imagegate.failure.ImageGateException;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class RotateStageTest {
  private final RotateStage stage = new RotateStage(new SizeLimit(8192));
  private final BufferedImage src = quadrants(200, 100);

  @Test
  void quarterTurn_swapsSidesAndMovesTheCorners() {
    BufferedImage out = stage.apply(src, step("rt-90"));
    assertThat(out.getWidth()).isEqualTo(100);
    assertThat(out.getHeight()).isEqualTo(200);
    // Clockwise: the bottom-left (blue) quadrant comes to the top-left.
    assertThat(out.getRGB(10, 10) & 0xFFFFFF).isEqualTo(0x0000FF);
    assertThat(out.getRGB(90, 10) & 0xFFFFFF).isEqualTo(0xFF0000);
  }

  @Test
  void halfTurn_keepsSidesAndSwapsCorners() {
    BufferedImage out = stage.apply(src, step("rt-180"));
    assertThat(out.getWidth()).isEqualTo(200);
    assertThat(out.getRGB(10, 10) & 0xFFFFFF).isEqualTo(0xFFFF00);
  }

  @Test
  void negativeAngle_turnsCounterClockwise() {
    BufferedImage out = stage.apply(src, step("rt-N90"));
    assertThat(out.getRGB(10, 10) & 0xFFFFFF).isEqualTo(0x00FF00);
  }

  @Test
  void freeAngle_enlargesWithTransparentCorners() {
    BufferedImage out = stage.apply(src, step("rt-45"));
    assertThat(out.getWidth()).isBetween(212, 213);
    assertThat(out.getHeight()).isBetween(212, 213);
    assertThat(alpha(out.getRGB(0, 0))).isZero();
    assertThat(alpha(out.getRGB(106, 106))).isEqualTo(255);
  }

  @Test
  void freeAngle_fillsCornersWithBg() {
    BufferedImage out = stage.apply(src, step("rt-30,bg-00FF00"));
    assertThat(out.getRGB(0, 0)).isEqualTo(0xFF00FF00);
  }

  @Test
  void auto_isANoOpBecauseTheDecoderApplied() {
    assertThat(stage.apply(src, step("rt-auto"))).isSameAs(src);
    assertThat(stage.apply(src, step("rt-0"))).isSameAs(src);
  }

  @Test
  void freeAngle_beyondTheLimit_isRefusedBeforeRendering() {
    RotateStage small = new RotateStage(new SizeLimit(250));
    assertThatThrownBy(() -> small.apply(quadrants(200, 200), step("rt-45")))
        .isInstanceOf(ImageGateException.class)
        .hasMessageContaining("rt-45")
        .hasMessageContaining("250")
        .extracting(e -> ((ImageGateException) e).failure())
        .isEqualTo(Failure.BAD_TRANSFORMATION);
  }

  @Test
  void quarterTurn_exactlyAtTheLimit_isAllowed() {
    BufferedImage out = new RotateStage(new SizeLimit(200)).apply(src, step("rt-270"));
    assertThat(out.getHeight()).isEqualTo(200);
  }
}
