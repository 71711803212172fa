package io.imagegate.transform;

import static io.imagegate.transform.ParserAssertions.assertRejected;
import static io.imagegate.transform.ParserAssertions.parse;
import static io.imagegate.transform.ParserAssertions.step;
import static org.assertj.core.api.Assertions.assertThat;

import io.imagegate.transform.model.Step;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A key is one row of {@link Keys#ALL}: every row, and nothing else, is what a key needs to be
 * read, refused where it is not allowed, written canonically and listed in the README. Each row has
 * an example here (a row without one fails), which must survive parse, canonical text and parse
 * again.
 */
class KeysTest {

  /** One transformation per row (by name and first place) that uses the row's key. */
  private static final Map<String, String> EXAMPLES = new LinkedHashMap<>();

  static {
    example("i/IMAGE_LAYER", "l-image,i-logos@@logo.png,l-end");
    example("ie/IMAGE_LAYER", "l-image,ie-bG9nby5wbmc,l-end");
    example("i/TEXT_LAYER", "l-text,i-Hello,l-end");
    example("ie/TEXT_LAYER", "l-text,ie-SGVsbG8,l-end");
    example("fs/TEXT_LAYER", "l-text,i-Hi,fs-30,l-end");
    example("ff/TEXT_LAYER", "l-text,i-Hi,ff-fonts@@Brand.ttf,l-end");
    example("co/TEXT_LAYER", "l-text,i-Hi,co-FF0000,l-end");
    example("pa/TEXT_LAYER", "l-text,i-Hi,pa-10_20,l-end");
    example("ia/TEXT_LAYER", "l-text,i-Hi,ia-right,l-end");
    example("tg/TEXT_LAYER", "l-text,i-Hi,tg-i_b,l-end");
    example("w/TEXT_LAYER", "l-text,i-Hi,w-200,l-end");
    example("w/STEP", "w-300");
    example("h/STEP", "h-iw_div_2");
    example("lfo/IMAGE_LAYER", "l-image,i-a.png,lfo-top_left,l-end");
    example("lx/IMAGE_LAYER", "l-image,i-a.png,lx-N10,l-end");
    example("ly/IMAGE_LAYER", "l-image,i-a.png,ly-bh_mul_0.1,l-end");
    example("o/IMAGE_LAYER", "l-image,i-a.png,o-50,l-end");
    example("al/IMAGE_LAYER", "l-text,i-Hi,al-5,l-end");
    example("ar/STEP", "w-300,ar-4-3");
    example("c/STEP", "w-300,h-200,c-at_max");
    example("cm/STEP", "w-300,h-200,cm-pad_resize");
    example("fo/STEP", "w-300,h-200,fo-top");
    example("x/STEP", "w-100,h-100,cm-extract,x-10");
    example("y/STEP", "w-100,h-100,cm-extract,y-iw_div_4");
    example("xc/STEP", "w-100,h-100,cm-extract,xc-50");
    example("yc/STEP", "w-100,h-100,cm-extract,yc-50");
    example("dpr/STEP", "w-100,dpr-1.5");
    example("q/STEP", "q-70");
    example("f/STEP", "f-webp");
    example("pr/STEP", "pr-true");
    example("lo/STEP", "lo-false");
    example("md/STEP", "md-true");
    example("bg/STEP", "bg-red");
    example("b/STEP", "b-5_00FF00");
    example("r/STEP", "r-max");
    example("rt/STEP", "rt-N90");
    example("fl/STEP", "fl-v_h");
    example("bl/STEP", "bl-5");
    example("e-grayscale/STEP", "e-grayscale");
    example("e-sharpen/STEP", "e-sharpen");
    example("e-contrast/STEP", "e-contrast");
    example("t/STEP", "t-20");
    example("orig/STEP", "orig-true");
    example("oi/STEP", "oi-logo.png");
    example("ofo/STEP", "oi-logo.png,ofo-bottom_right");
    example("ox/STEP", "oi-logo.png,ox-10");
    example("oy/STEP", "oi-logo.png,oy-N20");
    example("ow/STEP", "oi-logo.png,ow-100");
    example("oh/STEP", "oi-logo.png,oh-0.5");
  }

  private static void example(String row, String transformation) {
    EXAMPLES.put(row, transformation);
  }

  private static String id(Key<?> key) {
    return key.name() + "/" + key.places().stream().sorted().findFirst().orElseThrow();
  }

  @Test
  void everyRowHasAnExample_andEveryExampleARow() {
    Set<String> rows = new HashSet<>();
    Keys.ALL.forEach(key -> rows.add(id(key)));
    assertThat(rows).hasSameSizeAs(Keys.ALL);
    assertThat(EXAMPLES.keySet()).containsExactlyInAnyOrderElementsOf(rows);
  }

  @Test
  void everyRow_roundTripsThroughTheCanonicalText() {
    for (Key<?> key : Keys.ALL) {
      String raw = EXAMPLES.get(id(key));
      Transformation parsed = parse(raw);
      String canonical = parsed.canonical();
      assertThat(parse(canonical)).as("%s: %s -> %s", id(key), raw, canonical).isEqualTo(parsed);
      assertThat(parse(canonical).canonical()).as(id(key)).isEqualTo(canonical);
      assertThat(canonical).as("%s: %s", id(key), raw).isNotEmpty();
    }
  }

  @Test
  void everyWrittenRow_writesItsKey() {
    for (Key<?> key : Keys.ALL) {
      String canonical = parse(EXAMPLES.get(id(key))).canonical();
      if (key.written()) {
        // A text layer's text is always written in base64, as ie.
        String written = id(key).equals("i/TEXT_LAYER") ? "ie" : key.name();
        assertThat(("," + canonical).replace(":", ","))
            .as("%s in %s", id(key), canonical)
            .containsPattern("," + Pattern.quote(written) + "(-|,|$)");
      }
    }
  }

  @Test
  void everyKey_isInTheReadmesTransformationsTable() throws IOException {
    String readme = Files.readString(Path.of("../README.md"));
    String section =
        readme.substring(
            readme.indexOf("## Transformations"),
            readme.indexOf("\n## ", readme.indexOf("## Transformations") + 3));
    Set<String> spans = new HashSet<>();
    Matcher m = Pattern.compile("`([^`]+)`").matcher(section);
    while (m.find()) {
      for (String part : m.group(1).split(",")) {
        spans.add(part.trim());
      }
    }
    for (Key<?> key : Keys.ALL) {
      String name = key.name();
      assertThat(
              spans.stream()
                  .anyMatch(
                      s -> s.equals(name) || s.startsWith(name + "-") || s.startsWith(name + "[")))
          .as("README's Transformations table names %s", name)
          .isTrue();
    }
  }

  // The worked example of the README's "Layout": fl is one row (EffectKeys.FLIP) plus FlipStage.

  @Test
  void fl_readsFourSpellings_writesThree() {
    assertThat(parse("fl-h").canonical()).isEqualTo("fl-h");
    assertThat(parse("fl-v").canonical()).isEqualTo("fl-v");
    assertThat(parse("fl-h_v").canonical()).isEqualTo("fl-h_v");
    assertThat(parse("fl-v_h")).isEqualTo(parse("fl-h_v"));
    Step s = step("w-100,rt-90,fl-h");
    assertThat(s.get(EffectKeys.FLIP)).contains("h");
    assertThat(parse("w-100,rt-90,fl-h").canonical()).isEqualTo("w-100,rt-90,fl-h");
  }

  @Test
  void fl_refusals_nameTheKey() {
    assertRejected("fl-x", "fl must be h, v, h_v or v_h", "'x'");
    assertRejected("fl-h,fl-v", "duplicate key 'fl'");
    assertRejected("l-text,i-Hi,fl-h,l-end", "'fl' is not supported inside a text layer");
    assertThat(
            step("l-image,i-a.png,fl-v,l-end")
                .overlays()
                .get(0)
                .transformation()
                .get(EffectKeys.FLIP))
        .contains("v");
  }
}
