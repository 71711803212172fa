package io.imagegate.transform.ops;

import static io.imagegate.testing.ImageMetrics.assertSamePixels;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imagegate.testing.TestImages;
import java.awt.image.BufferedImage;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class SaliencyTest {
  /**
   * A smooth diagonal gradient with a high-contrast 8-px checkerboard "subject" of the given size
   * at (sx, sy).
   */
  private static BufferedImage scene(int w, int h, int sx, int sy, int size) {
    BufferedImage img = TestImages.gradient(w, h, BufferedImage.TYPE_3BYTE_BGR);
    for (int y = sy; y < sy + size; y++) {
      for (int x = sx; x < sx + size; x++) {
        boolean dark = ((x - sx) / 8 + (y - sy) / 8) % 2 == 0;
        img.setRGB(x, y, dark ? 0xFF101010 : 0xFFF0E0D0);
      }
    }
    return img;
  }

  private static void assertContains(Region crop, int x, int y, int size) {
    assertThat(crop.x()).as("left of %s", crop).isLessThanOrEqualTo(x);
    assertThat(crop.y()).as("top of %s", crop).isLessThanOrEqualTo(y);
    assertThat(crop.x() + crop.width()).as("right of %s", crop).isGreaterThanOrEqualTo(x + size);
    assertThat(crop.y() + crop.height()).as("bottom of %s", crop).isGreaterThanOrEqualTo(y + size);
  }

  @Test
  void auto_squareCropKeepsASubjectInTheLeftThird() {
    // The square crop is a third of the width: a centre crop would miss the subject entirely.
    BufferedImage src = scene(900, 300, 70, 120, 64);
    BufferedImage before = TestImages.copy(src);

    Region crop = Saliency.auto(src, 500, 500);

    assertThat(crop.width()).isEqualTo(300);
    assertThat(crop.height()).isEqualTo(300);
    assertContains(crop, 70, 120, 64);
    assertSamePixels(src, before);
  }

  @Test
  void auto_squareCropKeepsASubjectBottomRight() {
    BufferedImage src = scene(600, 1200, 500, 1080, 80);

    Region crop = Saliency.auto(src, 1, 1);

    assertThat(crop).isEqualTo(new Region(0, 600, 600, 600));
    assertContains(crop, 500, 1080, 80);
  }

  @Test
  void auto_framesASmallSubjectInTheMiddleOfTheCrop() {
    BufferedImage src = scene(1200, 400, 700, 150, 60);

    Region crop = Saliency.auto(src, 300, 200);

    assertThat(crop.width()).isEqualTo(600);
    assertContains(crop, 700, 150, 60);
    assertThat(crop.x() + crop.width() / 2.0).isCloseTo(730, Offset.offset(20.0));
  }

  @Test
  void auto_findsASubjectOnATransparentBackground() {
    BufferedImage src = new BufferedImage(800, 200, BufferedImage.TYPE_INT_ARGB);
    for (int y = 60; y < 140; y++) {
      for (int x = 650; x < 730; x++) {
        src.setRGB(x, y, 0xFFFF0000);
      }
    }

    Region crop = Saliency.auto(src, 1, 1);

    assertContains(crop, 650, 60, 80);
  }

  @Test
  void auto_centresWhenThereIsNoSubject() {
    BufferedImage flat = TestImages.solid(500, 100, 0xFF406080, BufferedImage.TYPE_INT_RGB);

    assertThat(Saliency.auto(flat, 1, 1)).isEqualTo(new Region(200, 0, 100, 100));
  }

  @Test
  void auto_sameAspectRatioIsTheWholeImage() {
    BufferedImage src = scene(400, 200, 10, 10, 40);

    assertThat(Saliency.auto(src, 200, 100)).isEqualTo(new Region(0, 0, 400, 200));
  }

  @Test
  void auto_rejectsAnEmptyTarget() {
    BufferedImage src = scene(40, 20, 0, 0, 8);

    assertThatThrownBy(() -> Saliency.auto(src, 0, 1)).isInstanceOf(IllegalArgumentException.class);
  }
}
