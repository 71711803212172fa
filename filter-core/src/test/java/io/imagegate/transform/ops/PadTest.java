package io.imagegate.transform.ops;

import static io.imagegate.testing.ImageMetrics.assertIntType;
import static io.imagegate.testing.ImageMetrics.assertSamePixels;
import static org.assertj.core.api.Assertions.assertThat;

import io.imagegate.testing.TestImages;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class PadTest {
  private final BufferedImage src = TestImages.gradient(20, 10, BufferedImage.TYPE_INT_RGB);

  @Test
  void pad_placesTheImageOnTheBackground() {
    BufferedImage before = TestImages.copy(src);

    BufferedImage out = Pad.pad(src, 30, 40, 4, 15, 0xFFFFFFFF);

    assertIntType(out, false);
    assertThat(out.getWidth()).isEqualTo(30);
    assertThat(out.getHeight()).isEqualTo(40);
    assertThat(out.getRGB(0, 0)).isEqualTo(0xFFFFFFFF);
    assertThat(out.getRGB(3, 15)).isEqualTo(0xFFFFFFFF);
    assertThat(out.getRGB(4, 15)).isEqualTo(src.getRGB(0, 0));
    assertThat(out.getRGB(23, 24)).isEqualTo(src.getRGB(19, 9));
    assertThat(out.getRGB(24, 24)).isEqualTo(0xFFFFFFFF);
    assertThat(out.getRGB(23, 25)).isEqualTo(0xFFFFFFFF);
    assertSamePixels(src, before);
  }

  @Test
  void pad_cutsOffWhatFallsOutsideTheCanvas() {
    BufferedImage out = Pad.pad(src, 10, 10, -15, 5, 0xFF000000);

    assertThat(out.getRGB(0, 5)).isEqualTo(src.getRGB(15, 0));
    assertThat(out.getRGB(4, 9)).isEqualTo(src.getRGB(19, 4));
    assertThat(out.getRGB(5, 5)).isEqualTo(0xFF000000);
    assertThat(out.getRGB(0, 4)).isEqualTo(0xFF000000);
  }

  @Test
  void pad_entirelyOffCanvasGivesBackgroundOnly() {
    BufferedImage out = Pad.pad(src, 5, 5, 100, -100, 0xFF00FF00);

    assertSamePixels(out, TestImages.solid(5, 5, 0xFF00FF00, BufferedImage.TYPE_INT_RGB));
  }

  @Test
  void pad_transparentBackgroundGivesAlpha() {
    BufferedImage out = Pad.pad(src, 22, 12, 1, 1, 0x00000000);

    assertIntType(out, true);
    assertThat(out.getRGB(0, 0)).isEqualTo(0);
    assertThat(out.getRGB(1, 1)).isEqualTo(src.getRGB(0, 0));
  }
}
