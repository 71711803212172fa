package io.imagegate.transform.ops;

import static io.imagegate.testing.ImageMetrics.assertIntType;
import static io.imagegate.testing.ImageMetrics.assertSamePixels;
import static io.imagegate.testing.ImageMetrics.channel;
import static org.assertj.core.api.Assertions.assertThat;

import io.imagegate.testing.TestImages;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class CompositeTest {
  private final BufferedImage base =
      TestImages.solid(40, 30, 0xFF0000FF, BufferedImage.TYPE_INT_RGB);

  @Test
  void overlay_halfTransparentBlendsTheColours() {
    BufferedImage mark = TestImages.solid(10, 10, 0x80FF0000, BufferedImage.TYPE_INT_ARGB);
    BufferedImage baseBefore = TestImages.copy(base);
    BufferedImage markBefore = TestImages.copy(mark);

    BufferedImage out = Composite.overlay(base, mark, 5, 5);

    assertIntType(out, false);
    int p = out.getRGB(9, 9);
    assertThat(channel(p, 16)).isBetween(126, 130);
    assertThat(channel(p, 8)).isZero();
    assertThat(channel(p, 0)).isBetween(125, 129);
    assertThat(out.getRGB(4, 5)).isEqualTo(0xFF0000FF);
    assertThat(out.getRGB(15, 15)).isEqualTo(0xFF0000FF);
    assertSamePixels(base, baseBefore);
    assertSamePixels(mark, markBefore);
  }

  @Test
  void overlay_opaqueReplacesAndTransparentKeeps() {
    BufferedImage mark = new BufferedImage(2, 1, BufferedImage.TYPE_INT_ARGB);
    mark.setRGB(0, 0, 0xFF00FF00);
    mark.setRGB(1, 0, 0x00FFFFFF);

    BufferedImage out = Composite.overlay(base, mark, 0, 0);

    assertThat(out.getRGB(0, 0)).isEqualTo(0xFF00FF00);
    assertThat(out.getRGB(1, 0)).isEqualTo(0xFF0000FF);
  }

  @Test
  void overlay_isClippedAtEveryEdge() {
    BufferedImage mark = TestImages.solid(10, 10, 0xFFFFFFFF, BufferedImage.TYPE_INT_RGB);

    BufferedImage topLeft = Composite.overlay(base, mark, -7, -8);
    BufferedImage bottomRight = Composite.overlay(base, mark, 35, 27);
    BufferedImage outside = Composite.overlay(base, mark, 50, -50);

    assertThat(topLeft.getRGB(2, 1)).isEqualTo(0xFFFFFFFF);
    assertThat(topLeft.getRGB(3, 1)).isEqualTo(0xFF0000FF);
    assertThat(topLeft.getRGB(2, 2)).isEqualTo(0xFF0000FF);
    assertThat(bottomRight.getRGB(39, 29)).isEqualTo(0xFFFFFFFF);
    assertThat(bottomRight.getRGB(34, 29)).isEqualTo(0xFF0000FF);
    assertSamePixels(outside, base);
  }

  @Test
  void overlay_onTransparentBaseKeepsAlpha() {
    BufferedImage clear = new BufferedImage(4, 4, BufferedImage.TYPE_INT_ARGB);
    BufferedImage mark = TestImages.solid(2, 2, 0x80FF0000, BufferedImage.TYPE_INT_ARGB);

    BufferedImage out = Composite.overlay(clear, mark, 1, 1);

    assertIntType(out, true);
    assertThat(out.getRGB(0, 0)).isZero();
    assertThat(channel(out.getRGB(1, 1), 24)).isEqualTo(0x80);
    assertThat(channel(out.getRGB(1, 1), 16)).isEqualTo(0xFF);
  }
}
