package io.imagegate.transform.pipeline;

import static io.imagegate.testing.ImageMetrics.meanAbsDiff;
import static io.imagegate.testing.TestImages.solid;
import static io.imagegate.transform.pipeline.Pictures.blue;
import static io.imagegate.transform.pipeline.Pictures.changedBox;
import static io.imagegate.transform.pipeline.Pictures.green;
import static io.imagegate.transform.pipeline.Pictures.loader;
import static io.imagegate.transform.pipeline.Pictures.parse;
import static io.imagegate.transform.pipeline.Pictures.red;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.imagegate.limits.Limits;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Text layers, measured on the pixels: where the inked box lands ({@code lx}/{@code ly}/{@code lfo}
 * and {@code pa}), how tall it is ({@code fs}, {@code dpr}), its colour and opacity ({@code co},
 * {@code al}), wrapping at {@code w}, {@code ie} against {@code i}, and text beyond Latin.
 */
class TextLayerRenderTest {
  /** A full block (U+2588): solid ink from its top to its bottom, to sample colours. */
  private static final String BLOCK = "\u2588";

  private final ImagePipeline pipeline = new ImagePipeline(Limits.defaults());
  private final BufferedImage white = solid(600, 400, 0xFFFFFFFF);

  private BufferedImage render(String transformation) {
    return render(white, transformation);
  }

  private BufferedImage render(BufferedImage base, String transformation) {
    return pipeline.apply(base, parse(transformation), loader(Map.of()));
  }

  /** The inked box on the white base: {x, y, w, h}. */
  private int[] ink(String transformation) {
    return changedBox(white, render(transformation), 24);
  }

  private static String url(String text) {
    return Base64.getUrlEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void inkedBox_sitsAtLxLyPlusPadding() {
    int[] box = ink("l-text,i-HHH,fs-40,lx-50,ly-60,pa-10_20_30_40,l-end");
    // ImageKit trims a text layer to its ink; the padding then surrounds the ink.
    assertThat(box[0]).isCloseTo(50 + 40, within(2));
    assertThat(box[1]).isCloseTo(60 + 10, within(2));
    int[] plain = ink("l-text,i-HHH,fs-40,lx-50,ly-60,l-end");
    assertThat(plain[0]).isCloseTo(50, within(2));
    assertThat(plain[1]).isCloseTo(60, within(2));
    assertThat(box[2]).isCloseTo(plain[2], within(1));
  }

  @Test
  void paddingExpression_isOnePaddingForAllSides_relativeToTheBase() {
    // pa-bh_mul_0.05 on a 400 px high base: 20 px on every side.
    int[] box = ink("l-text,i-HHH,fs-40,lfo-top_left,pa-bh_mul_0.05,l-end");
    assertThat(box[0]).isCloseTo(20, within(2));
    assertThat(box[1]).isCloseTo(20, within(2));
    int[] corner = ink("l-text,i-HHH,fs-40,lfo-bottom_right,pa-bh_mul_0.05,l-end");
    assertThat(corner[0] + corner[2]).isCloseTo(600 - 20, within(2));
    assertThat(corner[1] + corner[3]).isCloseTo(400 - 20, within(2));
  }

  @Test
  void lfoBottomRight_keepsTheInkPaddingInsideTheCorner() {
    int[] box = ink("l-text,i-HHH,fs-40,lfo-bottom_right,pa-10_20_30_40,l-end");
    assertThat(box[0] + box[2]).isCloseTo(600 - 20, within(2));
    assertThat(box[1] + box[3]).isCloseTo(400 - 30, within(2));
    int[] negative = ink("l-text,i-HHH,fs-40,lx-N15,ly-N25,l-end");
    assertThat(negative[0] + negative[2]).isCloseTo(600 - 15, within(2));
    assertThat(negative[1] + negative[3]).isCloseTo(400 - 25, within(2));
  }

  @Test
  void inkHeight_followsFontSize_andDpr() {
    int h40 = ink("l-text,i-H,fs-40,l-end")[3];
    int h80 = ink("l-text,i-H,fs-80,l-end")[3];
    // DejaVu Sans' capital H is 0.729 em tall.
    assertThat(h40).isCloseTo(29, within(2));
    assertThat(h80).isCloseTo(2 * h40, within(2));
    BufferedImage base = solid(300, 200, 0xFFFFFFFF);
    BufferedImage dpr2 = render(base, "w-300,dpr-2,l-text,i-H,fs-40,l-end");
    assertThat(dpr2.getWidth()).isEqualTo(600);
    BufferedImage blank = render(base, "w-300,dpr-2");
    assertThat(changedBox(blank, dpr2, 24)[3]).isCloseTo(h80, within(2));
  }

  @Test
  void colourAndOpacity_areWhatWasAsked() {
    BufferedImage red = render("l-text,i-" + BLOCK + ",fs-80,co-FF0000,l-end");
    int[] box = changedBox(white, red, 24);
    int center = red.getRGB(box[0] + box[2] / 2, box[1] + box[3] / 2);
    assertThat(new int[] {red(center), green(center), blue(center)}).containsExactly(255, 0, 0);
    // co with ImageKit's decimal opacity, and al: both 50 % red over white.
    for (String t :
        new String[] {
          "l-text,i-" + BLOCK + ",fs-80,co-FF000050,l-end",
          "l-text,i-" + BLOCK + ",fs-80,co-red,al-5,l-end"
        }) {
      BufferedImage half = render(t);
      int p = half.getRGB(box[0] + box[2] / 2, box[1] + box[3] / 2);
      assertThat(red(p)).as(t).isEqualTo(255);
      assertThat(green(p)).as(t).isBetween(126, 129);
      assertThat(blue(p)).as(t).isBetween(126, 129);
    }
  }

  @Test
  void background_fillsThePaddedBox() {
    BufferedImage out = render("l-text,i-Hi,fs-30,bg-00FF00,pa-12,lx-100,ly-100,l-end");
    int[] box = changedBox(white, out, 24);
    assertThat(box[0]).isEqualTo(100);
    assertThat(box[1]).isEqualTo(100);
    assertThat(out.getRGB(103, 103)).isEqualTo(0xFF00FF00);
    assertThat(out.getRGB(box[0] + box[2] - 3, box[1] + box[3] - 3)).isEqualTo(0xFF00FF00);
  }

  @Test
  void wrapping_atW_givesMoreLines() {
    String text = "i-one two three four five six";
    int[] oneLine = ink("l-text," + text + ",fs-30,l-end");
    int[] wrapped = ink("l-text," + text + ",fs-30,w-150,l-end");
    assertThat(wrapped[2]).isLessThanOrEqualTo(150);
    assertThat(wrapped[3]).isGreaterThan(3 * oneLine[3]);
  }

  @Test
  void ie_rendersExactlyAsI() {
    String text = "© Food Gallery · preview";
    BufferedImage plain = render("l-text,i-" + text + ",fs-30,co-navy,l-end");
    BufferedImage encoded = render("l-text,ie-" + url(text) + ",fs-30,co-navy,l-end");
    assertThat(changedBox(white, plain, 24)).isNotNull();
    assertThat(meanAbsDiff(plain, encoded)).isZero();
  }

  @Test
  void nonLatinText_rendersInk() {
    for (String text : new String[] {"Привет мир", "Γειά σου", "שלום", "مرحبا", "漢字テスト"}) {
      int[] box = ink("l-text,ie-" + url(text) + ",fs-40,l-end");
      assertThat(box).as(text).isNotNull();
      assertThat(box[2]).as(text).isGreaterThan(40);
    }
  }

  @Test
  void glyphsNoFontHas_areDrawnAsAVisibleReplacement() {
    // Private-use code points: in no shipped or system font. Drawn as U+FFFD, never an error.
    int[] box = ink("l-text,ie-" + url("a\uE000\uE001b") + ",fs-40,l-end");
    int[] ab = ink("l-text,i-ab,fs-40,l-end");
    assertThat(box).isNotNull();
    assertThat(box[2]).isGreaterThan(ab[2] + 40);
  }

  @Test
  void boldAndItalic_changeTheInk() {
    BufferedImage regular = render("l-text,i-Hamburg,fs-40,l-end");
    BufferedImage bold = render("l-text,i-Hamburg,fs-40,tg-b,l-end");
    BufferedImage italic = render("l-text,i-Hamburg,fs-40,tg-i,l-end");
    assertThat(changedBox(white, bold, 24)[2]).isGreaterThan(changedBox(white, regular, 24)[2]);
    assertThat(meanAbsDiff(regular, italic)).isGreaterThan(0.1);
  }

  @Test
  void fontSizeRelativeToTheBase_scalesWithIt() {
    BufferedImage small = solid(300, 200, 0xFFFFFFFF);
    BufferedImage large = solid(1200, 800, 0xFFFFFFFF);
    String recipe = "l-text,i-H,fs-bh_div_10,l-end";
    int hs = changedBox(small, render(small, recipe), 24)[3];
    int hl = changedBox(large, render(large, recipe), 24)[3];
    assertThat(hl).isCloseTo(4 * hs, within(3));
  }

  @Test
  void rotation_turnsTheBox() {
    int[] flat = ink("l-text,i-HHHHHH,fs-30,l-end");
    int[] turned = ink("l-text,i-HHHHHH,fs-30,rt-90,l-end");
    assertThat(turned[2]).isCloseTo(flat[3], within(2));
    assertThat(turned[3]).isCloseTo(flat[2], within(2));
  }
}
