package io.imagegate.transform.pipeline;

import static io.imagegate.testing.TestImages.solid;
import static io.imagegate.transform.pipeline.Pictures.step;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class TrimStageTest {
  private final TrimStage stage = new TrimStage();

  /** A white 100x80 image with a dark 30x20 block at (40, 25), slightly off-white at (5, 5). */
  private static BufferedImage framed() {
    BufferedImage img = solid(100, 80, 0xFFFFFFFF);
    for (int y = 25; y < 45; y++) {
      for (int x = 40; x < 70; x++) {
        img.setRGB(x, y, 0xFF203040);
      }
    }
    img.setRGB(5, 5, 0xFFF0F0F0); // 15 away from white: background for t-20, content for t-10
    return img;
  }

  @Test
  void trueTrim_cutsToTheContent() {
    BufferedImage out = stage.apply(framed(), step("t-true"));
    // t-true (threshold 10) sees the off-white speck as content: box from (5,5) to (69,44).
    assertThat(out.getWidth()).isEqualTo(65);
    assertThat(out.getHeight()).isEqualTo(40);
  }

  @Test
  void threshold_ignoresNearBackground() {
    BufferedImage out = stage.apply(framed(), step("t-20"));
    assertThat(out.getWidth()).isEqualTo(30);
    assertThat(out.getHeight()).isEqualTo(20);
    assertThat(out.getRGB(0, 0)).isEqualTo(0xFF203040);
  }

  @Test
  void withoutT_returnsTheInput() {
    BufferedImage in = framed();
    assertThat(stage.apply(in, step("w-10"))).isSameAs(in);
  }
}
