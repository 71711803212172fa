package io.imagegate.transform.pipeline;

import static io.imagegate.testing.TestImages.solid;
import static io.imagegate.transform.pipeline.Pictures.step;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imagegate.failure.ImageGateException;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class BorderStageTest {
  private final BufferedImage src = solid(100, 60, 0xFF336699);

  @Test
  void border_growsEachSideByTwiceTheWidth() {
    BufferedImage out = new BorderStage(new SizeLimit(8192)).apply(src, step("b-5_FF0000"));
    assertThat(out.getWidth()).isEqualTo(110);
    assertThat(out.getHeight()).isEqualTo(70);
    assertThat(out.getRGB(0, 0)).isEqualTo(0xFFFF0000);
    assertThat(out.getRGB(4, 35)).isEqualTo(0xFFFF0000);
    assertThat(out.getRGB(5, 35)).isEqualTo(0xFF336699);
  }

  @Test
  void border_beyondTheLimit_isRefused() {
    BorderStage stage = new BorderStage(new SizeLimit(200));
    assertThatThrownBy(() -> stage.apply(src, step("b-60_FF0000")))
        .isInstanceOf(ImageGateException.class)
        .hasMessageContaining("b-60_FF0000")
        .hasMessageContaining("220x180");
  }
}
