package io.imagegate.transform.pipeline;

import static io.imagegate.testing.TestImages.solid;
import static io.imagegate.transform.pipeline.Pictures.blue;
import static io.imagegate.transform.pipeline.Pictures.changedBox;
import static io.imagegate.transform.pipeline.Pictures.green;
import static io.imagegate.transform.pipeline.Pictures.loader;
import static io.imagegate.transform.pipeline.Pictures.parse;
import static io.imagegate.transform.pipeline.Pictures.red;
import static org.assertj.core.api.Assertions.assertThat;

import io.imagegate.limits.Limits;
import java.awt.image.BufferedImage;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Image layers as ImageKit renders them where imagegate used to differ: trimmed by default ({@code
 * t-false} keeps them whole), {@code o-} opacity, {@code dpr} inside a layer, solid colour blocks,
 * and sizes and offsets relative to the base ({@code bw_mul_0.3}), so one recipe fits any base.
 */
class LayerFidelityTest {
  private final ImagePipeline pipeline = new ImagePipeline(Limits.defaults());
  private final BufferedImage white = solid(400, 300, 0xFFFFFFFF);

  /** A 40x20 red box inside a 20 px transparent margin: 80x60 in all. */
  private static BufferedImage marginedLogo() {
    BufferedImage img = new BufferedImage(80, 60, BufferedImage.TYPE_INT_ARGB);
    for (int y = 20; y < 40; y++) {
      for (int x = 20; x < 60; x++) {
        img.setRGB(x, y, 0xFFFF0000);
      }
    }
    return img;
  }

  private BufferedImage render(BufferedImage base, String transformation) {
    return pipeline.apply(base, parse(transformation), loader(Map.of("logo.png", marginedLogo())));
  }

  @Test
  void overlayImages_areTrimmedByDefault_asImageKitDoes() {
    // Before: the margin was kept and the red box landed at 20,20.
    assertThat(changedBox(white, render(white, "l-image,i-logo.png,lfo-top_left,l-end"), 0))
        .containsExactly(0, 0, 40, 20);
    assertThat(changedBox(white, render(white, "oi-logo.png,ofo-top_left"), 0))
        .containsExactly(0, 0, 40, 20);
  }

  @Test
  void tFalse_keepsTheOverlayWhole() {
    // Before: t-false was a 400.
    assertThat(changedBox(white, render(white, "l-image,i-logo.png,lfo-top_left,t-false,l-end"), 0))
        .containsExactly(20, 20, 40, 20);
  }

  @Test
  void opacity_onAnImageLayer_mixesWithTheBase() {
    BufferedImage out = render(white, "l-image,i-logo.png,lfo-top_left,o-50,l-end");
    int p = out.getRGB(10, 10);
    assertThat(red(p)).isEqualTo(255);
    assertThat(green(p)).isBetween(126, 129);
    assertThat(blue(p)).isBetween(126, 129);
    BufferedImage none = render(white, "l-image,i-logo.png,lfo-top_left,o-0,l-end");
    assertThat(changedBox(white, none, 0)).isNull();
  }

  @Test
  void dprInsideALayer_scalesTheLayer() {
    // Before: dpr (and q) inside a layer were a 400.
    BufferedImage out = render(white, "l-image,i-logo.png,w-40,dpr-2,q-50,lfo-top_left,l-end");
    assertThat(changedBox(white, out, 0)).containsExactly(0, 0, 80, 40);
  }

  @Test
  void solidColourBlock_isDrawnAtItsSize_withDecimalOpacity() {
    BufferedImage out =
        render(white, "l-image,i-ik_canvas,bg-FF000050,w-100,h-50,lx-10,ly-20,l-end");
    assertThat(changedBox(white, out, 0)).containsExactly(10, 20, 100, 50);
    int p = out.getRGB(50, 40);
    assertThat(red(p)).isEqualTo(255);
    assertThat(green(p)).isBetween(126, 128);
    BufferedImage faded = render(white, "l-image,i-ik_canvas,bg-blue,w-10,h-10,al-3,l-end");
    assertThat(red(faded.getRGB(200, 150))).isBetween(177, 180); // 255 * 0.7
  }

  @Test
  void relativeGeometry_oneRecipe_fitsSmallAndLargeBases() {
    String recipe =
        "l-image,i-ik_canvas,bg-black,w-bw_mul_0.3,h-bh_div_10,lx-bw_mul_0.65,"
            + "ly-bh_mul_0.05,l-end";
    for (int width : new int[] {300, 3000}) {
      BufferedImage base = solid(width, width * 2 / 3, 0xFFFFFFFF);
      int[] box = changedBox(base, pipeline.apply(base, parse(recipe), loader(Map.of())), 0);
      int h = width * 2 / 3;
      assertThat(box)
          .as("on a %d px base", width)
          .containsExactly(
              width - Math.round(width * 0.3f) - width / 20,
              Math.round(h * 0.05f),
              Math.round(width * 0.3f),
              Math.round(h / 10f));
    }
  }

  @Test
  void expressionSizedImageLayer_isAShareOfTheBase() {
    for (int width : new int[] {300, 1200}) {
      BufferedImage base = solid(width, width, 0xFFFFFFFF);
      BufferedImage out = render(base, "l-image,i-logo.png,w-bw_mul_0.5,lfo-top_left,l-end");
      int[] box = changedBox(base, out, 0);
      assertThat(box[2]).as("width on %d", width).isEqualTo(width / 2);
      assertThat(box[3]).isEqualTo(width / 4);
    }
  }

  @Test
  void stepExpressions_resizeTheBase() {
    BufferedImage out = pipeline.apply(white, parse("w-iw_div_4,h-ih_div_2"), loader(Map.of()));
    assertThat(out.getWidth()).isEqualTo(100);
    assertThat(out.getHeight()).isEqualTo(150);
    BufferedImage chained =
        pipeline.apply(white, parse("w-iw_div_2:w-cw_div_2,h-ih_div_10"), loader(Map.of()));
    assertThat(chained.getWidth()).isEqualTo(100);
    assertThat(chained.getHeight()).isEqualTo(30);
  }
}
