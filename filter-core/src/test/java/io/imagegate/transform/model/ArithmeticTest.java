package io.imagegate.transform.model;

import static io.imagegate.transform.ParserAssertions.assertRejected;
import static io.imagegate.transform.ParserAssertions.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imagegate.failure.Failure;
import io.imagegate.failure.ImageGateException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * ImageKit's arithmetic expressions, against the examples its documentation ("Arithmetic
 * expressions in transformations") gives, evaluated for an initial 1200x800 asset, a current
 * 600x400 image and a 300x200 base.
 */
class ArithmeticTest {
  private static final Arithmetic.Variables VARS =
      new Arithmetic.Variables(1200, 800, 600, 400, 300, 200);

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource({
    // the documented examples
    "iw_div_2, 600",
    "bw_mul_0.9, 270",
    "bh_mul_0.1, 20",
    "bh_div_2, 100",
    "ch_mul_0.25, 100",
    "ih_mul_0.8_add_iw_mul_0.4, 1120",
    "ih_add_10, 810",
    "ch_mul_0.8_add_bh_mul_0.6, 440",
    "iw_sub_cw, 600",
    "ih_sub_ch, 400",
    "cw_mul_0.25, 150",
    "ch_mod_5, 0",
    "ih_mul_0.05, 40",
    "cw_mod_7, 5",
    "bw_div_2, 150",
    "cw_div_2_add_iw_div_2, 900",
    "ch_div_2_add_cw_div_2, 500",
    "iw_div_4, 300",
    "bw_div_8, 37.5",
    "bh_div_20, 10",
    // a variable alone, and the aspect ratios
    "bw, 300",
    "iar, 1.5",
    "car_mul_2, 3",
    "bar, 1.5",
    // ImageKit's order: mul/div, then add/sub, then mod, then pow, each left to right
    "iw_sub_100_sub_100, 1000",
    "iw_div_2_div_3, 200",
    "cw_add_3_mod_4, 3",
    "bw_mod_7_add_1, 4",
    "2_pow_3_add_1, 16",
    "2_add_2_mul_3, 8",
  })
  void documentedExamples_evaluate(String expression, double expected) {
    Arithmetic e = Arithmetic.parse("w", expression, true, false);
    assertThat(e.evaluate(VARS)).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(Arithmetic.parse("w", e.token(), true, false)).isEqualTo(e);
  }

  @Test
  void numbers_areNormalised_inTheCanonicalForm() {
    assertThat(Arithmetic.parse("w", "iw_mul_0.50", false, false).token()).isEqualTo("iw_mul_0.5");
    assertThat(parse("w-iw_div_2.0,h-ih_div_2").canonical()).isEqualTo("w-iw_div_2,h-ih_div_2");
  }

  @Test
  void divisionByZero_isA400() {
    Arithmetic e = Arithmetic.parse("w", "iw_div_0", false, false);
    assertThatThrownBy(() -> e.evaluate(VARS))
        .isInstanceOfSatisfying(
            ImageGateException.class,
            x -> assertThat(x.failure()).isEqualTo(Failure.BAD_TRANSFORMATION))
        .hasMessageContaining("iw_div_0");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "w-bw_mul_0.5 | bw is the width, height or aspect ratio of the image a layer is drawn on",
        "h-iw_div | must be a number or an arithmetic expression",
        "w-iw_times_2 | got 'iw_times_2'",
        "w-zw_div_2 | got 'zw_div_2'",
        "w-iw__2 | got 'iw__2'",
        "w-iw_div_N2 | got 'iw_div_N2'",
        "x-iw_div_2 | x, y, xc and yc need cm-extract",
        "l-text,i-a,fs-iw_div_10,l-end | inside a text layer or a solid colour block only bw, bh",
        "l-image,i-ik_canvas,w-iw,h-10,l-end | inside a colour block only bw, bh and bar",
      })
  void badExpressions_areRejected(String raw, String message) {
    assertRejected(raw, message);
  }

  @Test
  void expressions_areAcceptedWhereImageKitTakesThem() {
    Step s = parse("w-iw_div_2,h-ih_div_2,cm-extract,x-iw_sub_cw,y-ih_sub_ch").steps().get(0);
    assertThat(s.expressions()).containsOnlyKeys("w", "h", "x", "y");
    Overlay o =
        parse("l-image,i-logo.png,w-bw_mul_0.3,h-bh_div_4,lx-bw_mul_0.9,ly-bh_mul_0.1,l-end")
            .overlays()
            .get(0);
    assertThat(o.expressions()).containsOnlyKeys("w", "h", "lx", "ly");
    assertThat(o.transformation().expressions()).isEmpty();
    TextLayer t = parse("l-text,i-Hi,fs-bh_div_20,w-bw_div_2,l-end").overlays().get(0).text().get();
    assertThat(t.expressions()).containsOnlyKeys("fs", "w");
  }

  @Test
  void resolve_turnsStepExpressionsIntoPixels() {
    Step s = parse("w-iw_div_4,h-ih_div_2").steps().get(0).resolve(VARS, 8192);
    assertThat(s.width()).contains(Dimension.ofPixels(300));
    assertThat(s.height()).contains(Dimension.ofPixels(400));
    assertThat(s.expressions()).isEmpty();
    assertThatThrownBy(() -> parse("w-iw_mul_100").steps().get(0).resolve(VARS, 8192))
        .hasMessageContaining("w-iw_mul_100 gives 120000 pixels");
  }
}
