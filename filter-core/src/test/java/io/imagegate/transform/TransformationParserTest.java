package io.imagegate.transform;

import static io.imagegate.transform.ParserAssertions.assertRejected;
import static io.imagegate.transform.ParserAssertions.parse;
import static io.imagegate.transform.ParserAssertions.step;
import static org.assertj.core.api.Assertions.assertThat;

import io.imagegate.limits.Limits;
import io.imagegate.transform.model.AspectRatio;
import io.imagegate.transform.model.Border;
import io.imagegate.transform.model.Color;
import io.imagegate.transform.model.Crop;
import io.imagegate.transform.model.Dimension;
import io.imagegate.transform.model.Focus;
import io.imagegate.transform.model.OutputFormat;
import io.imagegate.transform.model.Radius;
import io.imagegate.transform.model.Rotation;
import io.imagegate.transform.model.Step;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every transformation key (the README's Transformations table), valid and invalid; invalid ones
 * must name the key and the value.
 */
class TransformationParserTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "w-300 | w-300",
        "h-200 | h-200",
        "w-00300 | w-300",
        "w-1 | w-1",
        "w-8192 | w-8192",
        "w-0.5 | w-0.5",
        "w-0.50 | w-0.5",
        "h-0.25000000 | h-0.25",
        "w-0.00000001 | w-0.00000001",
        "w-0.99999999 | w-0.99999999",
        "h-200,w-300 | w-300,h-200",
        "w-300,ar-4-3 | w-300,ar-4-3",
        "ar-8-6,w-300 | w-300,ar-4-3",
        "w-300,h-200,c-maintain_ratio | w-300,h-200,c-maintain_ratio",
        "w-300,h-200,c-force | w-300,h-200,c-force",
        "w-300,h-200,c-at_max | w-300,h-200,c-at_max",
        "w-300,h-200,c-at_max_enlarge | w-300,h-200,c-at_max_enlarge",
        "w-300,h-200,c-at_least | w-300,h-200,c-at_least",
        "w-300,h-200,cm-pad_resize | w-300,h-200,cm-pad_resize",
        "w-300,h-200,cm-extract,x-10,y-20 | w-300,h-200,cm-extract,x-10,y-20",
        "y-0,x-0,cm-pad_extract,w-1 | w-1,cm-pad_extract,x-0,y-0",
        "w-300,h-200,cm-extract,xc-10,yc-20 | w-300,h-200,cm-extract,xc-10,yc-20",
        "fo-center | fo-center",
        "fo-top | fo-top",
        "fo-left | fo-left",
        "fo-bottom | fo-bottom",
        "fo-right | fo-right",
        "fo-top_left | fo-top_left",
        "fo-top_right | fo-top_right",
        "fo-bottom_left | fo-bottom_left",
        "fo-bottom_right | fo-bottom_right",
        "fo-auto | fo-auto",
        "w-100,dpr-2 | w-100,dpr-2",
        "dpr-2.0,w-100 | w-100,dpr-2",
        "dpr-0.1 | dpr-0.1",
        "dpr-1.50 | dpr-1.5",
        "dpr-5 | dpr-5",
        "q-1 | q-1",
        "q-100 | q-100",
        "f-auto | f-auto",
        "f-jpg | f-jpg",
        "f-jpeg | f-jpg",
        "f-png | f-png",
        "f-webp | f-webp",
        "f-gif | f-gif",
        "pr-true | pr-true",
        "pr-false | pr-false",
        "lo-true | lo-true",
        "lo-false | lo-false",
        "md-true | md-true",
        "md-false | md-false",
        "bg-FFFFFF | bg-FFFFFF",
        "bg-ff8800 | bg-FF8800",
        "bg-FF000080 | bg-FF000080",
        "bg-FF000099 | bg-FF000099",
        "bg-white | bg-FFFFFF",
        "bg-White | bg-FFFFFF",
        "bg-black | bg-000000",
        "bg-red | bg-FF0000",
        "bg-green | bg-008000",
        "bg-blue | bg-0000FF",
        "bg-yellow | bg-FFFF00",
        "bg-gray | bg-808080",
        "bg-grey | bg-808080",
        "bg-transparent | bg-00000000",
        "b-5_FF0000 | b-5_FF0000",
        "b-5_red | b-5_FF0000",
        "r-20 | r-20",
        "r-max | r-max",
        "rt-90 | rt-90",
        "rt-180 | rt-180",
        "rt-270 | rt-270",
        "rt-auto | rt-auto",
        "rt-45 | rt-45",
        "rt-N90 | rt-270",
        "rt--90 | rt-270",
        "rt-360 | rt-0",
        "rt-N360 | rt-0",
        "bl-1 | bl-1",
        "bl-100 | bl-100",
        "e-grayscale | e-grayscale",
        "e-contrast | e-contrast",
        "e-sharpen | e-sharpen-50",
        "e-sharpen-10 | e-sharpen-10",
        "e-contrast,e-sharpen-5,e-grayscale | e-grayscale,e-sharpen-5,e-contrast",
        "t-true | t-10",
        "t-5 | t-5",
        "orig-true | orig-true",
        "w-100:h-200 | w-100:h-200",
        "q-50,f-webp,w-10 | w-10,q-50,f-webp",
      })
  void parse_acceptsAndNormalises(String raw, String canonical) {
    Transformation t = parse(raw);
    assertThat(t.canonical()).isEqualTo(canonical);
    assertThat(parse(canonical)).isEqualTo(t);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "zz-3 | unknown transformation key 'zz' in 'zz-3'",
        "W-100 | unknown transformation key 'W'",
        "w-abc | w must be a positive integer or a fraction 0-1, got 'abc'",
        "w-0 | w must be a positive integer or a fraction 0-1, got '0'",
        "w--5 | w must be a positive integer or a fraction 0-1, got '-5'",
        "w-+5 | got '+5'",
        "w-1.0 | got '1.0'",
        "w-1.5 | got '1.5'",
        "w-0. | got '0.'",
        "w-.5 | got '.5'",
        "w-1e3 | got '1e3'",
        "w-0.000000001 | got '0.000000001'",
        "w-auto | w-auto",
        "h-auto | h-auto",
        "w-9000 | w must be at most 8192 pixels, got '9000'",
        "h-99999999999999999999999999 | h must be at most 8192 pixels",
        "h-iw_div_x | h must be a number or an arithmetic expression such as iw_div_2, got 'iw_div_x'",
        "ar-4-3 | ar-4-3 needs w or h",
        "w-1,ar-4 | ar must be W-H, got '4'",
        "w-1,ar-4-0 | got '4-0'",
        "w-1,ar-a-b | got 'a-b'",
        "w-1,ar-4-3-2 | got '4-3-2'",
        "c-crop | c must be, got 'crop'",
        "c-FORCE | got 'FORCE'",
        "cm-pad | cm must be pad_resize, extract or pad_extract, got 'pad'",
        "fo-face | fo must be, got 'face'",
        "fo-custom | got 'custom'",
        "x-10 | x, y, xc and yc need cm-extract",
        "w-1,h-1,cm-pad_resize,y-3 | need cm-extract",
        "w-10,cm-extract,x-1,xc-2 | x and xc cannot be combined",
        "w-10,cm-extract,y-1,yc-2 | y and yc cannot be combined",
        "w-10,cm-extract,x--1 | x must be an integer from 0 to 999999999, got '-1'",
        "w-10,cm-extract,y-1000000000 | y must be an integer from 0, got '1000000000'",
        "w-1,h-1,c-force,cm-pad_resize | c-force and cm-pad_resize cannot be combined",
        "dpr-auto | dpr-auto",
        "dpr-6 | dpr must be a number from 0.1 to 5, got '6'",
        "dpr-0.05 | got '0.05'",
        "dpr-abc | got 'abc'",
        "dpr-NaN | got 'NaN'",
        "dpr-Infinity | got 'Infinity'",
        "w-5000,dpr-2 | w-5000 with dpr-2 gives 10000 pixels, above the limit of 8192",
        "h-4097,dpr-2 | h-4097 with dpr-2 gives 8194 pixels",
        "q-0 | q must be an integer from 1 to 100, got '0'",
        "q-101 | got '101'",
        "q-abc | got 'abc'",
        "q-99999999999999999999999 | got '99999999999999999999999'",
        "f-bmp | f must be auto, jpg, jpeg, png, webp or gif, got 'bmp'",
        "f-JPG | got 'JPG'",
        "pr-yes | pr must be true or false, got 'yes'",
        "lo-1 | lo must be true or false, got '1'",
        "md-TRUE | md must be true or false, got 'TRUE'",
        "bg-GGGGGG | bg must be a colour, got 'GGGGGG'",
        "bg-FFF | got 'FFF'",
        "bg-notacolour | got 'notacolour'",
        "bg-blurred | got 'blurred'",
        "b-5 | b must be W_RRGGBB, got '5'",
        "b-0_FF0000 | b must be an integer from 1 to 8192, got '0'",
        "b-5_XYZ | b must be a colour, got 'XYZ'",
        "b-_FF0000 | b must be W_RRGGBB, got '_FF0000'",
        "r-0 | r must be an integer from 1 to 8192, got '0'",
        "r-min | got 'min'",
        "rt-361 | rt must be auto or an angle from -360 to 360, got '361'",
        "rt-N361 | got 'N361'",
        "rt-9.5 | got '9.5'",
        "rt-abc | got 'abc'",
        "bl-0 | bl must be an integer from 1 to 100, got '0'",
        "bl-101 | got '101'",
        "e-sepia | unknown effect in 'e-sepia'",
        "e-sharpen-0 | e-sharpen must be an integer from 1 to 100, got '0'",
        "e-sharpen-101 | got '101'",
        "e-sharpen-x | got 'x'",
        "t-0 | t must be true, false or a threshold 1-99, got '0'",
        "t-100 | got '100'",
        "t-no | t must be true, false or a threshold 1-99, got 'no'",
        "orig-false | orig must be true, got 'false'",
        "w-100,w-200 | duplicate key 'w' in 'w-200'",
        "e-grayscale,e-grayscale | duplicate key 'e-grayscale'",
        "e-sharpen,e-sharpen-5 | duplicate key 'e-sharpen'",
        "q-50,q-50 | duplicate key 'q'",
        ": | empty step",
        "::: | empty step",
        "w-100: | empty step",
        ":w-100 | empty step",
        ", | empty parameter",
        ",,, | empty parameter",
        "w-100,,h-100 | empty parameter",
        "w-100, | empty parameter",
        "w | parameter 'w' has no value",
        "-100 | parameter '-100' has no key",
        "w- | parameter 'w-' has an empty value",
        "ｗ-100 | unknown transformation key 'ｗ'",
        "w-１００ | got '１００'",
        "w-٣٠٠ | got '٣٠٠'",
      })
  void parse_rejectsWithMessageNamingKeyAndValue(String raw, String expected) {
    // "<rule>, got '<value>'" is checked as two fragments, so a long list of allowed values
    // need not be repeated in the table.
    assertRejected(raw, expected.split(", (?=got ')"));
  }

  @Test
  void aStepThatAsksForNothing_isNoStep_soItsCanonicalFormParsesBackEqual() {
    // Found by TransformationParserPropertiesTest: "t-false" alone wrote "" but parsed to one step.
    assertThat(parse("t-false").isEmpty()).isTrue();
    assertThat(parse("t-false").canonical()).isEmpty();
    assertThat(parse("w-10:t-false")).isEqualTo(parse("w-10"));
    assertThat(parse("t-false:w-10").canonical()).isEqualTo("w-10");
  }

  @Test
  void parse_acceptsEmptyStringAsNoTransformation() {
    Transformation t = parse("");
    assertThat(t.isEmpty()).isTrue();
    assertThat(t.canonical()).isEmpty();
    assertThat(t).isEqualTo(Transformation.empty());
  }

  @Test
  void parse_rejectsTooManySteps() {
    String eleven = String.join(":", java.util.Collections.nCopies(11, "w-1"));
    assertRejected(eleven, "11 steps, above the limit of 10");
    assertThat(parse(String.join(":", java.util.Collections.nCopies(10, "w-1"))).steps())
        .hasSize(10);
  }

  @Test
  void parse_rejectsTooLongString() {
    String longText = "w-1," + "e-grayscale,".repeat(200) + "h-1";
    assertRejected(longText, "characters long, above the limit of 2048");
  }

  @Test
  void parse_honoursConfiguredLimits() {
    TransformationParser strict =
        new TransformationParser(
            Map.of(),
            Limits.defaults()
                .withMaxDimension(1000)
                .withMaxDpr(2)
                .withMaxSteps(2)
                .withMaxOverlays(1)
                .withMaxTransformationLength(30));
    assertRejected(strict, "w-1001", "w must be at most 1000 pixels, got '1001'");
    assertRejected(strict, "dpr-3", "dpr must be a number from 0.1 to 2, got '3'");
    assertRejected(strict, "w-1:w-1:w-1", "3 steps, above the limit of 2");
    assertRejected(strict, "w-1,e-grayscale,e-contrast,q-100", "above the limit of 30");
    assertRejected(strict, "w-600,dpr-2", "w-600 with dpr-2 gives 1200 pixels");
    assertThat(strict.parse("w-500,dpr-2").canonical()).isEqualTo("w-500,dpr-2");
  }

  @Test
  void parse_echoesHostileValuesSafely() {
    assertRejected("w-a\nb", "got 'a?b'");
    assertRejected("w-" + "9".repeat(100) + "x", "...'");
  }

  @Test
  void parse_keepsTypedValues() {
    Step s =
        step(
            "w-300,h-0.5,ar-8-6,c-at_least,fo-top_left,dpr-1.5,q-70,f-jpeg,pr-true,"
                + "bg-FF000050,b-3_blue,r-max,rt-N90,bl-7,e-sharpen,t-true");
    assertThat(s.width()).contains(Dimension.ofPixels(300));
    assertThat(s.height()).contains(Dimension.ofFraction(0.5));
    assertThat(s.aspectRatio()).contains(new AspectRatio(4, 3));
    assertThat(s.crop()).contains(Crop.AT_LEAST);
    assertThat(s.focus()).contains(Focus.TOP_LEFT);
    assertThat(s.dpr().getAsDouble()).isEqualTo(1.5);
    assertThat(s.quality().getAsInt()).isEqualTo(70);
    assertThat(s.format()).contains(OutputFormat.JPG);
    assertThat(s.progressive()).contains(true);
    assertThat(s.background()).contains(new Color(255, 0, 0, 128));
    assertThat(s.border()).contains(new Border(3, new Color(0, 0, 255, 255)));
    assertThat(s.radius()).contains(new Radius(0, true));
    assertThat(s.rotation()).contains(new Rotation(270, false));
    assertThat(s.blur().getAsInt()).isEqualTo(7);
    assertThat(s.sharpen().getAsInt()).isEqualTo(Step.DEFAULT_SHARPEN);
    assertThat(s.trim().getAsInt()).isEqualTo(Step.DEFAULT_TRIM);
    assertThat(s.grayscale()).isFalse();
    assertThat(s.overlays()).isEmpty();
  }

  @Test
  void color_argbPacksChannels() {
    assertThat(new Color(0x12, 0x34, 0x56, 0x78).argb()).isEqualTo(0x78123456);
    assertThat(Color.WHITE.argb()).isEqualTo(0xFFFFFFFF);
  }
}
