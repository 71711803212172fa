package io.imagegate.transform.ops;

import static io.imagegate.testing.ImageMetrics.assertIntType;
import static io.imagegate.testing.ImageMetrics.assertSamePixels;
import static io.imagegate.testing.ImageMetrics.channel;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imagegate.testing.TestImages;
import java.awt.image.BufferedImage;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class CornersTest {
  private static final int WHITE = 0xFFFFFFFF;

  @Test
  void round_fillsCornersWithBackgroundAndKeepsTheRest() {
    BufferedImage src = TestImages.solid(100, 60, 0xFF203040, BufferedImage.TYPE_INT_RGB);
    BufferedImage before = TestImages.copy(src);

    BufferedImage out = Corners.round(src, 20, WHITE);

    assertIntType(out, false);
    for (int[] corner : new int[][] {{0, 0}, {2, 2}, {99, 0}, {97, 57}, {0, 59}}) {
      assertThat(out.getRGB(corner[0], corner[1])).isEqualTo(WHITE);
    }
    for (int[] kept : new int[][] {{50, 30}, {50, 0}, {0, 30}, {99, 30}, {50, 59}, {6, 6}}) {
      assertThat(out.getRGB(kept[0], kept[1])).isEqualTo(0xFF203040);
    }
    assertThat(countBetween(out, 0x20, 0xFF)).as("antialiased edge pixels").isGreaterThan(20);
    assertSamePixels(src, before);
  }

  @Test
  void round_transparentBackgroundGivesTransparentCorners() {
    BufferedImage src = TestImages.gradient(80, 80, BufferedImage.TYPE_3BYTE_BGR);

    BufferedImage out = Corners.round(src, 15, 0x00000000);

    assertIntType(out, true);
    assertThat(out.getRGB(0, 0)).isZero();
    assertThat(out.getRGB(79, 79)).isZero();
    assertThat(out.getRGB(40, 40)).isEqualTo(src.getRGB(40, 40));
    // The arc crosses the diagonal at 15 - 15 / sqrt 2 = 4.4 px from each side.
    int edge = out.getRGB(4, 4);
    assertThat(channel(edge, 24)).isBetween(1, 254);
  }

  @Test
  void roundMax_givesAnEllipseTouchingAllSides() {
    BufferedImage src = TestImages.solid(200, 100, 0xFF00FF00, BufferedImage.TYPE_INT_ARGB);

    BufferedImage out = Corners.round(src, Corners.MAX, 0);

    assertThat(out.getRGB(0, 0)).isZero();
    assertThat(out.getRGB(20, 10)).isZero();
    // Where the ellipse touches a side, the outermost pixel is (nearly) fully covered.
    for (int[] touch : new int[][] {{100, 0}, {0, 50}, {199, 49}, {99, 99}}) {
      assertThat(channel(out.getRGB(touch[0], touch[1]), 24)).isGreaterThanOrEqualTo(250);
    }
    assertThat(out.getRGB(100, 50)).isEqualTo(0xFF00FF00);
    double covered = 0;
    for (int y = 0; y < 100; y++) {
      for (int x = 0; x < 200; x++) {
        covered += channel(out.getRGB(x, y), 24) / 255.0;
      }
    }
    assertThat(covered / (200 * 100)).isCloseTo(Math.PI / 4, Offset.offset(0.005));
  }

  @Test
  void round_hugeRadiusGivesAPill() {
    BufferedImage src = TestImages.solid(100, 40, 0xFF0000FF, BufferedImage.TYPE_INT_RGB);

    BufferedImage out = Corners.round(src, 1000, WHITE);

    assertThat(out.getRGB(0, 0)).isEqualTo(WHITE);
    assertThat(out.getRGB(50, 0)).isEqualTo(0xFF0000FF);
    assertThat(channel(out.getRGB(0, 20), 16)).isLessThan(10);
  }

  @Test
  void round_zeroIsACopyAndNegativeIsRejected() {
    BufferedImage src = TestImages.gradient(9, 9, BufferedImage.TYPE_INT_RGB);

    assertSamePixels(Corners.round(src, 0, WHITE), src);
    assertThatThrownBy(() -> Corners.round(src, -1, WHITE))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static int countBetween(BufferedImage img, int lowRed, int highRed) {
    int n = 0;
    for (int y = 0; y < img.getHeight(); y++) {
      for (int x = 0; x < img.getWidth(); x++) {
        int r = channel(img.getRGB(x, y), 16);
        if (r > lowRed && r < highRed) {
          n++;
        }
      }
    }
    return n;
  }
}
