package io.imagegate.transform;

import static io.imagegate.transform.ParserAssertions.assertRejected;
import static io.imagegate.transform.ParserAssertions.parse;
import static org.assertj.core.api.Assertions.assertThat;

import io.imagegate.limits.Limits;
import io.imagegate.transform.model.Color;
import io.imagegate.transform.model.Focus;
import io.imagegate.transform.model.Overlay;
import io.imagegate.transform.model.Radius;
import io.imagegate.transform.model.Rotation;
import io.imagegate.transform.model.Step;
import io.imagegate.transform.model.TextLayer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code l-text ... l-end}: the model, its canonical form and what it refuses. */
class TextLayerParsingTest {

  private static TextLayer text(String raw) {
    return parse(raw).overlays().get(0).text().orElseThrow();
  }

  private static String b64(String text) {
    return Base64.getUrlEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void everyParameter_isRead() {
    Overlay o =
        parse(
                "l-text,i-© Studio,fs-30,ff-DejaVuSans,co-FF000050,bg-white,pa-10_20,ia-left,al-7,"
                    + "tg-b_i,w-200,r-5,rt-N15,lx-10,ly-N20,lfo-bottom,l-end")
            .overlays()
            .get(0);
    TextLayer t = o.text().orElseThrow();
    assertThat(t.text()).isEqualTo("© Studio");
    assertThat(t.fontSize()).hasValue(30);
    assertThat(t.font()).contains("DejaVuSans");
    assertThat(t.color()).contains(new Color(255, 0, 0, 128));
    assertThat(t.padding()).contains(new TextLayer.Padding(10, 20, 10, 20));
    assertThat(t.align()).contains("left");
    assertThat(t.bold()).isTrue();
    assertThat(t.italic()).isTrue();
    assertThat(t.width()).hasValue(200);
    assertThat(o.opacity()).hasValue(70);
    assertThat(o.x()).hasValue(10);
    assertThat(o.y()).hasValue(-20);
    assertThat(o.position()).contains(Focus.BOTTOM);
    assertThat(o.path()).isEmpty();
    assertThat(o.transformation().background()).contains(Color.WHITE);
    assertThat(o.transformation().radius()).contains(new Radius(5, false));
    assertThat(o.transformation().rotation()).contains(Rotation.ofDegrees(-15));
  }

  @Test
  void ie_equals_i() {
    String text = "licensed to Zoë · order 1234";
    assertThat(parse("l-text,ie-" + b64(text) + ",fs-20,l-end"))
        .isEqualTo(parse("l-text,i-" + text + ",fs-20,l-end"));
    // padding optional, the standard alphabet too
    String standard = Base64.getEncoder().withoutPadding().encodeToString("a?b>".getBytes());
    assertThat(text("l-text,ie-" + standard + ",l-end").text()).isEqualTo("a?b>");
  }

  @Test
  void canonicalForm_isIe_andParsesBack() {
    Transformation t = parse("w-300:l-text,i-Hi there,co-red,pa-5_5_5_5,tg-b,l-end");
    assertThat(t.canonical()).isEqualTo("w-300:l-text,ie-SGkgdGhlcmU,co-FF0000,pa-5,tg-b,l-end");
    assertThat(parse(t.canonical())).isEqualTo(t);
  }

  @ParameterizedTest
  @CsvSource({
    "10, 10",
    "10_20, 10_20",
    "10_20_30, 10_20_30",
    "10_20_30_40, 10_20_30_40",
    "7_7_7_7, 7",
    "1_2_1_2, 1_2",
    "1_2_3_2, 1_2_3"
  })
  void padding_takesTheCssShorthand(String given, String canonical) {
    assertThat(parse("l-text,i-a,pa-" + given + ",l-end").canonical())
        .isEqualTo("l-text,ie-YQ,pa-" + canonical + ",l-end");
  }

  @Test
  void paddingExpression_isKeptAsAnExpression() {
    TextLayer t = text("l-text,i-a,pa-bh_mul_0.05,l-end");
    assertThat(t.padding()).isEmpty();
    assertThat(t.expressions()).containsKey("pa");
    assertThat(parse("l-text,i-a,pa-bh_mul_0.05,l-end").canonical())
        .isEqualTo("l-text,ie-YQ,pa-bh_mul_0.05,l-end");
    assertRejected("l-text,i-a,pa-iw_mul_0.05,l-end", "only bw, bh and bar");
  }

  @Test
  void textLayers_countAgainstMaxOverlays_andNestInImageLayers() {
    TransformationParser two =
        new TransformationParser(Map.of(), Limits.defaults().withMaxOverlays(2));
    assertRejected(
        two, "l-text,i-a,l-end,l-text,i-b,l-end,oi-c.png", "3 overlays, above the limit of 2");
    Transformation nested = parse("l-image,i-card.png,l-text,i-Hello,lfo-top,l-end,l-end");
    assertThat(nested.overlays()).hasSize(2);
    assertThat(nested.overlays().get(1).text()).isPresent();
  }

  @Test
  void text_ofExactly144Characters_isAccepted() {
    String max = "ä".repeat(TextLayer.MAX_LENGTH);
    assertThat(text("l-text,i-" + max + ",l-end").text()).isEqualTo(max);
    assertThat(text("l-text,ie-" + b64(max) + ",l-end").text()).isEqualTo(max);
  }

  @Test
  void fontFile_isAPathBelowTheRoot() {
    TextLayer t = text("l-text,i-a,ff-fonts@@Brand-Bold.ttf,l-end");
    assertThat(t.fontFile()).contains("fonts/Brand-Bold.ttf");
    assertThat(parse("l-text,i-a,ff-fonts@@Brand-Bold.ttf,l-end").canonical())
        .isEqualTo("l-text,ie-YQ,ff-fonts@@Brand-Bold.ttf,l-end");
    assertThat(text("l-text,i-a,ff-dejavusans,l-end").fontFile()).isEmpty();
  }

  @Test
  void tFalse_isKeptInLayers_andIsNoTrimElsewhere() {
    Overlay o = parse("l-image,i-a.png,t-false,l-end").overlays().get(0);
    assertThat(o.transformation().trim()).isEqualTo(OptionalInt.of(Step.NO_TRIM));
    assertThat(parse("l-image,i-a.png,t-false,l-end").canonical())
        .isEqualTo("l-image,i-a.png,t-false,l-end");
    assertThat(parse("w-10,t-false")).isEqualTo(parse("w-10"));
  }

  @Test
  void opacityAndDprAndQuality_inImageLayers() {
    Overlay o = parse("l-image,i-a.png,o-35,dpr-2,q-60,w-10,l-end").overlays().get(0);
    assertThat(o.opacity()).hasValue(35);
    assertThat(o.transformation().dpr().getAsDouble()).isEqualTo(2);
    assertThat(o.transformation().quality()).hasValue(60);
    assertThat(parse("l-image,i-a.png,o-35,dpr-2,q-60,w-10,l-end").canonical())
        .isEqualTo("l-image,i-a.png,w-10,o-35,dpr-2,q-60,l-end");
  }

  @Test
  void canvas_isASolidBlock() {
    Overlay o = parse("l-image,i-ik_canvas,bg-FF000050,w-300,h-100,l-end").overlays().get(0);
    assertThat(o.isCanvas()).isTrue();
    assertThat(o.isImage()).isFalse();
    assertThat(o.transformation().background()).contains(new Color(255, 0, 0, 128));
    assertThat(parse("l-image,i-ik_canvas,w-30,h-10,l-end").overlays().get(0).text())
        .isEqualTo(Optional.empty());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "l-text,l-end | a text layer needs its text",
        "l-text,i-a,e-grayscale,l-end | 'e' is not supported inside a text layer",
        "l-text,i-a,zz-1,l-end | 'zz' is not supported inside a text layer",
        "l-text,i-a,h-10,l-end | 'h' is not supported inside a text layer",
        "l-text,i-a,dpr-2,l-end | 'dpr' is not supported inside a text layer",
        "l-text,i-a,ie-Yg,l-end | i-<text> or ie-<base64>, not both",
        "l-text,i-a,l-image,i-b.png,l-end,l-end | a text layer cannot contain layers",
        "l-text,i-a,fs-0,l-end | fs must be an integer from 1 to 8192, got '0'",
        "l-text,i-a,ff-Comic,l-end | ff must be DejaVuSans",
        "l-text,i-a,ff-..@@x.ttf,l-end | ff path must not contain empty, '.' or '..' segments",
        "l-text,i-a,co-GG0000,l-end | co must be a colour",
        "l-text,i-a,pa-1_2_3_4_5,l-end | pa takes 1 to 4 sizes",
        "l-text,i-a,pa-N1,l-end | pa must be an integer",
        "l-text,i-a,pa-10_x,l-end | pa must be a number or an arithmetic expression",
        "l-text,i-a,ia-justify,l-end | ia must be left, center or right, got 'justify'",
        "l-text,i-a,al-0,l-end | al must be an integer from 1 to 9, got '0'",
        "l-text,i-a,al-10,l-end | got '10'",
        "l-text,i-a,tg-u,l-end | tg must be b, i or b_i, got 'u'",
        "l-text,i-a,w-0,l-end | w must be an integer from 1",
        "l-text,ie-!!!,l-end | ie must be URL-safe base64",
        "l-text,ie-_w,l-end | ie must decode to UTF-8 text",
        "l-image,i-a.png,al-5,l-end | al is for text layers and colour blocks",
        "l-image,i-a.png,o-101,l-end | o must be an integer from 0 to 100, got '101'",
        "l-image,i-ik_canvas,w-10,l-end | a colour block (i-ik_canvas) needs w and h",
        "l-image,i-ik_canvas,w-10,h-10,e-grayscale,l-end | 'e-grayscale' is not supported in a colour block",
        "l-image,i-ik_canvas,w-0.5,h-10,l-end | pixels or expressions",
        "o-50 | 'o' is only allowed inside a layer",
      })
  void malformedTextLayers_areRejected(String raw, String expected) {
    assertRejected(raw, expected);
  }

  @Test
  void overlongText_isRejected_notTruncated() {
    String over = "x".repeat(TextLayer.MAX_LENGTH + 1);
    assertRejected(
        "l-text,i-" + over + ",l-end",
        "the text has 145 characters, above ImageKit's limit of 144");
    assertRejected("l-text,ie-" + b64(over) + ",l-end", "145 characters");
    assertRejected("l-text,ie-" + b64("a\u0007b") + ",l-end", "control character");
  }
}
