package io.imagegate.transform.ops;

import static io.imagegate.testing.ImageMetrics.assertIntType;
import static io.imagegate.testing.ImageMetrics.assertSamePixels;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imagegate.testing.TestImages;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class FrameTest {
  @Test
  void border_addsTwiceTheWidthWithTheColourAtTheEdges() {
    BufferedImage src = TestImages.gradient(30, 20, BufferedImage.TYPE_INT_RGB);
    BufferedImage before = TestImages.copy(src);

    BufferedImage out = Frame.border(src, 5, 0xFFFFF000);

    assertIntType(out, false);
    assertThat(out.getWidth()).isEqualTo(40);
    assertThat(out.getHeight()).isEqualTo(30);
    for (int i = 0; i < 5; i++) {
      assertThat(out.getRGB(i, 15)).isEqualTo(0xFFFFF000);
      assertThat(out.getRGB(39 - i, 15)).isEqualTo(0xFFFFF000);
      assertThat(out.getRGB(20, i)).isEqualTo(0xFFFFF000);
      assertThat(out.getRGB(20, 29 - i)).isEqualTo(0xFFFFF000);
    }
    assertThat(out.getRGB(5, 5)).isEqualTo(src.getRGB(0, 0));
    assertThat(out.getRGB(34, 24)).isEqualTo(src.getRGB(29, 19));
    assertSamePixels(src, before);
  }

  @Test
  void border_zeroWidthIsACopy() {
    BufferedImage src = TestImages.gradient(7, 3, BufferedImage.TYPE_INT_ARGB);

    BufferedImage out = Frame.border(src, 0, 0xFF000000);

    assertIntType(out, true);
    assertSamePixels(out, src);
  }

  @Test
  void border_rejectsNegativeWidth() {
    BufferedImage src = TestImages.gradient(7, 3, BufferedImage.TYPE_INT_RGB);

    assertThatThrownBy(() -> Frame.border(src, -1, 0xFF000000))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
