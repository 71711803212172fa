package io.imagegate.transform.ops;

import static io.imagegate.testing.ImageMetrics.assertIntType;
import static io.imagegate.testing.ImageMetrics.assertSamePixels;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imagegate.testing.TestImages;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class CutTest {
  private final BufferedImage src = TestImages.gradient(40, 30, BufferedImage.TYPE_3BYTE_BGR);

  @Test
  void crop_copiesTheRectangle() {
    BufferedImage out = Cut.crop(src, 5, 7, 10, 4);

    assertIntType(out, false);
    assertThat(out.getWidth()).isEqualTo(10);
    assertThat(out.getHeight()).isEqualTo(4);
    for (int y = 0; y < 4; y++) {
      for (int x = 0; x < 10; x++) {
        assertThat(out.getRGB(x, y)).isEqualTo(src.getRGB(x + 5, y + 7));
      }
    }
  }

  @Test
  void crop_clampsARectangleReachingPastTheEdges() {
    BufferedImage out = Cut.crop(src, -5, 25, 100, 100);

    assertThat(out.getWidth()).isEqualTo(40);
    assertThat(out.getHeight()).isEqualTo(5);
    assertThat(out.getRGB(0, 0)).isEqualTo(src.getRGB(0, 25));
    assertThat(out.getRGB(39, 4)).isEqualTo(src.getRGB(39, 29));
  }

  @Test
  void crop_resultIsIndependentOfTheInput() {
    BufferedImage before = TestImages.copy(src);

    BufferedImage out = Cut.crop(src, 0, 0, 40, 30);
    out.setRGB(0, 0, 0xFFFF00FF);

    assertSamePixels(src, before);
  }

  @Test
  void crop_keepsAlpha() {
    BufferedImage translucent = TestImages.solid(4, 4, 0x40112233, BufferedImage.TYPE_4BYTE_ABGR);

    BufferedImage out = Cut.crop(translucent, 1, 1, 2, 2);

    assertIntType(out, true);
    assertThat(out.getRGB(1, 1)).isEqualTo(0x40112233);
  }

  @Test
  void crop_rejectsARectangleOutsideTheImage() {
    assertThatThrownBy(() -> Cut.crop(src, 40, 0, 5, 5))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Cut.crop(src, 0, 0, 0, 5))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
