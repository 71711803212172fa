package io.imagegate.transform.ops;

import static io.imagegate.testing.TestImages.quadrants;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class FlipTest {
  private static final int RED = 0xFFFF0000;
  private static final int GREEN = 0xFF00FF00;
  private static final int BLUE = 0xFF0000FF;
  private static final int YELLOW = 0xFFFFFF00;

  @Test
  void horizontal_swapsLeftAndRight_vertical_topAndBottom_both_turnsHalfway() {
    BufferedImage src = quadrants(6, 4);
    BufferedImage h = Flip.flip(src, true, false);
    assertThat(corners(h)).containsExactly(GREEN, RED, YELLOW, BLUE);
    BufferedImage v = Flip.flip(src, false, true);
    assertThat(corners(v)).containsExactly(BLUE, YELLOW, RED, GREEN);
    BufferedImage both = Flip.flip(src, true, true);
    assertThat(corners(both)).containsExactly(YELLOW, BLUE, GREEN, RED);
    assertThat(both.getWidth()).isEqualTo(6);
    assertThat(both.getHeight()).isEqualTo(4);
    assertThat(corners(src)).as("input untouched").containsExactly(RED, GREEN, BLUE, YELLOW);
  }

  @Test
  void everyPixel_movesToItsMirrorPosition_alphaKept() {
    BufferedImage src = new BufferedImage(5, 3, BufferedImage.TYPE_INT_ARGB);
    for (int y = 0; y < 3; y++) {
      for (int x = 0; x < 5; x++) {
        src.setRGB(x, y, (0x10 * (x + 1)) << 24 | (x * 40) << 16 | (y * 80) << 8);
      }
    }
    BufferedImage out = Flip.flip(src, true, false);
    assertThat(out.getColorModel().hasAlpha()).isTrue();
    for (int y = 0; y < 3; y++) {
      for (int x = 0; x < 5; x++) {
        assertThat(out.getRGB(x, y)).isEqualTo(src.getRGB(4 - x, y));
      }
    }
  }

  private static int[] corners(BufferedImage img) {
    int r = img.getWidth() - 1;
    int b = img.getHeight() - 1;
    return new int[] {img.getRGB(0, 0), img.getRGB(r, 0), img.getRGB(0, b), img.getRGB(r, b)};
  }
}
