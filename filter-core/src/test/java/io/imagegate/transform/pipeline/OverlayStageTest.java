package io.imagegate.transform.pipeline;

import static io.imagegate.testing.ImageMetrics.meanAbsDiff;
import static io.imagegate.testing.TestImages.gradient;
import static io.imagegate.testing.TestImages.solid;
import static io.imagegate.transform.pipeline.Pictures.changedBox;
import static io.imagegate.transform.pipeline.Pictures.loader;
import static io.imagegate.transform.pipeline.Pictures.parse;
import static io.imagegate.transform.pipeline.Pictures.red;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imagegate.failure.Failure;
import io.imagegate.failure.ImageGateException;
import io.imagegate.limits.Limits;
import io.imagegate.transform.ops.Resample;
import java.awt.image.BufferedImage;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Watermark overlays through the whole pipeline: where they land, at what size, blended how, and
 * that nothing else changes.
 */
class OverlayStageTest {
  private static final int HALF_WHITE = 0x80FFFFFF;

  private final ImagePipeline pipeline = new ImagePipeline(Limits.defaults());
  private final BufferedImage black = solid(300, 200, 0xFF000000);
  private final BufferedImage halfWhite = solid(60, 30, HALF_WHITE, BufferedImage.TYPE_INT_ARGB);

  /**
   * An 800x240 semi-transparent logo: white, alpha rising from 64 at the left to 224 at the right,
   * with an opaque black bar across the middle. Nowhere fully transparent, so the logo's whole
   * rectangle shows.
   */
  static BufferedImage logo() {
    BufferedImage img = new BufferedImage(800, 240, BufferedImage.TYPE_INT_ARGB);
    for (int y = 0; y < 240; y++) {
      for (int x = 0; x < 800; x++) {
        int a = 64 + 160 * x / 799;
        img.setRGB(x, y, y >= 100 && y < 140 ? 0xFF000000 : a << 24 | 0xFFFFFF);
      }
    }
    return img;
  }

  private BufferedImage render(
      BufferedImage base, String transformation, Map<String, BufferedImage> images) {
    return pipeline.apply(base, parse(transformation), loader(images));
  }

  private BufferedImage onBlack(String transformation) {
    return render(black, transformation, Map.of("logo.png", halfWhite));
  }

  @Test
  void halfAlphaWhite_onBlack_isMidGrey_andNothingElseChanges() {
    BufferedImage out = onBlack("oi-logo.png,ofo-top_left");
    assertThat(out.getWidth()).isEqualTo(300);
    assertThat(red(out.getRGB(0, 0))).isBetween(127, 129);
    assertThat(red(out.getRGB(59, 29))).isBetween(127, 129);
    assertThat(changedBox(black, out, 0)).containsExactly(0, 0, 60, 30);
  }

  @ParameterizedTest(name = "{0} -> {1},{2}")
  @CsvSource({
    "'oi-logo.png', 120, 85",
    "'oi-logo.png,ofo-top', 120, 0",
    "'oi-logo.png,ofo-bottom_right', 240, 170",
    "'oi-logo.png,ofo-left', 0, 85",
    "'oi-logo.png,ox-10,oy-20', 10, 20",
    "'oi-logo.png,ox-N10,oy-N5', 230, 165",
    "'oi-logo.png,ofo-bottom_right,ox-10', 10, 170",
    "'l-image,i-logo.png,lfo-top_right,l-end', 240, 0",
    "'l-image,i-logo.png,lx-10,ly-N20,l-end', 10, 150"
  })
  void overlay_landsWhereThePositionSays(String transformation, int x, int y) {
    assertThat(changedBox(black, onBlack(transformation), 0)).containsExactly(x, y, 60, 30);
  }

  @ParameterizedTest(name = "{0} -> {1}x{2}")
  @CsvSource({
    "'oi-logo.png,ow-30', 30, 15",
    "'oi-logo.png,oh-10', 20, 10",
    "'oi-logo.png,ow-0.5', 30, 15",
    "'oi-logo.png,ow-90,oh-20', 90, 20",
    "'l-image,i-logo.png,w-120,l-end', 120, 60",
    "'l-image,i-logo.png,rt-90,l-end', 30, 60"
  })
  void overlay_hasTheSizeItsParametersSay(String transformation, int w, int h) {
    int[] box = changedBox(black, onBlack(transformation), 0);
    assertThat(box[2]).isEqualTo(w);
    assertThat(box[3]).isEqualTo(h);
  }

  @Test
  void legacyAndLayerForms_giveTheSamePixels() {
    BufferedImage base = gradient(300, 200);
    Map<String, BufferedImage> images = Map.of("brand/logo.png", logo());
    BufferedImage legacy =
        render(base, "w-200,oi-brand@@logo.png,ofo-bottom_right,ox-N5,ow-80", images);
    BufferedImage layer =
        render(base, "w-200,l-image,i-brand@@logo.png,lfo-bottom_right,lx-N5,w-80,l-end", images);
    assertThat(changedBox(render(base, "w-200", images), legacy, 2)).isNotNull();
    assertThat(meanAbsDiff(legacy, layer)).isZero();
  }

  @Test
  void transparentLogoPixels_leaveTheBaseUntouched() {
    BufferedImage halfClear = solid(60, 30, 0xFFFFFFFF, BufferedImage.TYPE_INT_ARGB);
    for (int y = 0; y < 30; y++) {
      for (int x = 0; x < 30; x++) {
        halfClear.setRGB(x, y, 0x00FF0000); // invisible red: must not tint anything
      }
    }
    BufferedImage base = gradient(300, 200);
    // t-false: ImageKit (and imagegate) would otherwise trim the clear half away first.
    BufferedImage out =
        render(
            base, "l-image,i-logo.png,lx-100,ly-50,t-false,l-end", Map.of("logo.png", halfClear));
    assertThat(changedBox(base, out, 0)).containsExactly(130, 50, 30, 30);
    assertThat(out.getRGB(140, 60)).isEqualTo(0xFFFFFFFF);
  }

  @Test
  void overlays_drawInListOrder() {
    Map<String, BufferedImage> images =
        Map.of(
            "red.png", solid(40, 40, 0xFFFF0000),
            "blue.png", solid(20, 20, 0xFF0000FF));
    BufferedImage out = render(black, "l-image,i-red.png,l-end,l-image,i-blue.png,l-end", images);
    assertThat(out.getRGB(150, 100)).isEqualTo(0xFF0000FF);
    assertThat(out.getRGB(135, 85)).isEqualTo(0xFFFF0000);
    BufferedImage reversed =
        render(black, "l-image,i-blue.png,l-end,l-image,i-red.png,l-end", images);
    assertThat(reversed.getRGB(150, 100)).isEqualTo(0xFFFF0000);
  }

  @Test
  void nestedLayer_isDrawnOnItsParentOverlay() {
    Map<String, BufferedImage> images =
        Map.of(
            "box.png", solid(100, 100, 0xFFFF0000),
            "dot.png", solid(20, 20, 0xFF0000FF));
    BufferedImage out =
        render(
            black,
            "l-image,i-box.png,lx-10,ly-20,l-image,i-dot.png,lfo-bottom_right,l-end,l-end",
            images);
    assertThat(changedBox(black, out, 0)).containsExactly(10, 20, 100, 100);
    assertThat(out.getRGB(20, 30)).isEqualTo(0xFFFF0000);
    assertThat(out.getRGB(95, 105)).isEqualTo(0xFF0000FF);
    assertThat(out.getRGB(89, 99)).isEqualTo(0xFFFF0000);
  }

  @Test
  void nestedLayer_threeDeep_renders() {
    Map<String, BufferedImage> images =
        Map.of(
            "a.png", solid(90, 90, 0xFFFF0000),
            "b.png", solid(60, 60, 0xFF00FF00),
            "c.png", solid(30, 30, 0xFF0000FF));
    BufferedImage out =
        render(
            black,
            "l-image,i-a.png,lfo-top_left,l-image,i-b.png,"
                + "lfo-top_left,l-image,i-c.png,lfo-top_left,l-end,l-end,l-end",
            images);
    assertThat(out.getRGB(10, 10)).isEqualTo(0xFF0000FF);
    assertThat(out.getRGB(40, 40)).isEqualTo(0xFF00FF00);
    assertThat(out.getRGB(70, 70)).isEqualTo(0xFFFF0000);
    assertThat(out.getRGB(100, 100)).isEqualTo(0xFF000000);
  }

  @Test
  void overlay_isClippedAtTheEdges() {
    // ox-280: 20 of 60 columns inside; oy-N190: bottom edge at 10, so rows -20..9.
    BufferedImage out = onBlack("oi-logo.png,ox-280,oy-N190");
    assertThat(changedBox(black, out, 0)).containsExactly(280, 0, 20, 10);
    BufferedImage outside = onBlack("oi-logo.png,ox-400");
    assertThat(changedBox(black, outside, 0)).isNull();
  }

  @Test
  void tutorialWatermark_isA150pxLogoFlushInTheBottomRightCorner() {
    BufferedImage photo = gradient(640, 427);
    Map<String, BufferedImage> images = Map.of("logos/watermark-logo.png", logo());
    BufferedImage plain = render(photo, "w-300,h-300", images);
    BufferedImage out =
        render(photo, "w-300,h-300,oi-logos@@watermark-logo.png,ofo-bottom_right,ow-150", images);
    assertThat(out.getWidth()).isEqualTo(300);
    assertThat(out.getHeight()).isEqualTo(300);
    // 800x240 scaled to 150 wide is 150x45, its corner on the image's corner.
    assertThat(changedBox(plain, out, 1)).containsExactly(150, 255, 150, 45);
    // The black bar (rows 100..139 of 240) is opaque: rows 274..280 of the output are black.
    assertThat(out.getRGB(225, 277) & 0xFFFFFF).isEqualTo(0);
  }

  @Test
  void dpr2_looksLikeDpr1AtDoubleDensity() {
    BufferedImage photo = gradient(640, 427);
    Map<String, BufferedImage> images = Map.of("logo.png", logo());
    String watermark = ",oi-logo.png,ow-100,ox-10,oy-N10";
    BufferedImage one = render(photo, "w-150,h-150" + watermark, images);
    BufferedImage two = render(photo, "w-150,h-150,dpr-2" + watermark, images);
    assertThat(two.getWidth()).isEqualTo(300);
    // ow-100 becomes 200 px, ox-10 20 px, oy-N10 20 px from the bottom.
    assertThat(changedBox(render(photo, "w-150,h-150", images), one, 1))
        .containsExactly(10, 110, 100, 30);
    assertThat(changedBox(render(photo, "w-150,h-150,dpr-2", images), two, 1))
        .containsExactly(20, 220, 200, 60);
    BufferedImage down = Resample.resize(two, 150, 150);
    for (int ty = 0; ty < 150; ty += 30) {
      for (int tx = 0; tx < 150; tx += 30) {
        assertThat(meanAbsDiff(one, down, tx, ty, 30, 30)).as("tile %d,%d", tx, ty).isLessThan(4);
      }
    }
  }

  @Test
  void dpr_scalesAnOverlayWithoutSize() {
    BufferedImage out =
        render(black, "w-300,dpr-2,oi-logo.png,ofo-top_left", Map.of("logo.png", halfWhite));
    assertThat(changedBox(render(black, "w-300,dpr-2", Map.of()), out, 0))
        .containsExactly(0, 0, 120, 60);
  }

  @Test
  void overlay_followsTheStepsResize() {
    BufferedImage out = onBlack("w-150,oi-logo.png,ofo-bottom_right");
    assertThat(out.getWidth()).isEqualTo(150);
    assertThat(changedBox(solid(150, 100, 0xFF000000), out, 0)).containsExactly(90, 70, 60, 30);
  }

  @Test
  void baseWithAlpha_staysTransparentOutsideTheOverlay() {
    BufferedImage clear = solid(100, 100, 0x00000000, BufferedImage.TYPE_INT_ARGB);
    BufferedImage out = render(clear, "oi-logo.png", Map.of("logo.png", halfWhite));
    assertThat(out.getRGB(0, 0) >>> 24).isZero();
    assertThat(out.getRGB(50, 50)).isEqualTo(HALF_WHITE);
  }

  @Test
  void loaderFailure_propagatesUnchanged() {
    ImageGateException missing = new ImageGateException(Failure.NOT_FOUND, "not found");
    OverlayImages images =
        path -> {
          throw missing;
        };
    assertThatThrownBy(() -> pipeline.apply(black, parse("oi-logo.png"), images)).isSameAs(missing);
  }

  @Test
  void nestedLoaderFailure_propagatesUnchanged() {
    ImageGateException denied = new ImageGateException(Failure.SIGNATURE_MISSING, "sign it");
    OverlayImages images =
        path -> {
          if (path.equals("private/inner.png")) {
            throw denied;
          }
          return solid(50, 50, 0xFFFF0000);
        };
    assertThatThrownBy(
            () ->
                pipeline.apply(
                    black,
                    parse("l-image,i-outer.png,l-image,i-private@@inner.png,l-end,l-end"),
                    images))
        .isSameAs(denied);
  }

  @Test
  void loaderRuntimeException_isNotTurnedIntoA400() {
    IllegalArgumentException bug = new IllegalArgumentException("loader bug");
    OverlayImages images =
        path -> {
          throw bug;
        };
    assertThatThrownBy(() -> pipeline.apply(black, parse("w-100,oi-logo.png"), images))
        .isSameAs(bug);
  }

  @Test
  void base_andOverlayImages_areNeverModified() {
    BufferedImage logo = logo();
    BufferedImage base = gradient(300, 200);
    render(base, "oi-logo.png,ow-100:oi-logo.png,ofo-top_left", Map.of("logo.png", logo));
    assertThat(meanAbsDiff(base, gradient(300, 200))).isZero();
    assertThat(Pictures.changedBox(logo, logo(), 0)).isNull();
  }
}
