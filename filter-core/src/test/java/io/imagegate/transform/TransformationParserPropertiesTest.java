package io.imagegate.transform;

import static org.assertj.core.api.Assertions.assertThat;

import io.imagegate.failure.Failure;
import io.imagegate.failure.ImageGateException;
import io.imagegate.limits.Limits;
import io.imagegate.testing.TryTimeLimit;
import io.imagegate.transform.geometry.GeometryPlanner;
import io.imagegate.transform.geometry.GeometryPlannerTest;
import io.imagegate.transform.model.Crop;
import io.imagegate.transform.model.CropMode;
import io.imagegate.transform.model.Focus;
import io.imagegate.transform.model.Step;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.statistics.Statistics;

/**
 * Any text either parses to a model whose canonical form parses back to an equal model (and is a
 * fixed point), or fails with 400 bad_transformation; nothing else ever escapes. The same for
 * planning the parsed steps on any image size. Inputs: arbitrary Unicode, strings over the
 * grammar's own alphabet, and strings generated from the grammar, valid and slightly broken.
 */
@AddLifecycleHook(TryTimeLimit.class)
class TransformationParserPropertiesTest {
  private static final Map<String, String> NAMED =
      Map.of(
          "thumb", "w-300,h-300", "wm", "oi-logo.png,ofo-bottom_right,ow-150", "orig", "orig-true");
  private static final TransformationParser PARSER =
      new TransformationParser(NAMED, Limits.defaults());

  /** Canonical text may be longer than the raw text (expansions), so only the length differs. */
  private static final TransformationParser REPARSER =
      new TransformationParser(NAMED, Limits.defaults().withMaxTransformationLength(1_000_000));

  private static final GeometryPlanner PLANNER = new GeometryPlanner(Limits.defaults());

  @Property(tries = 1500)
  void anyUnicodeText_parsesOrIsRejected(@ForAll @StringLength(max = 80) String raw) {
    parsesRoundTripOrIsRejected(raw, 640, 480);
  }

  @Property(tries = 1500)
  void grammarAlphabetText_parsesOrIsRejected(
      @ForAll
          @StringLength(max = 60)
          @Chars({
            'w', 'h', 'a', 'r', 'c', 'm', 'f', 'o', 'x', 'y', 'l', 'i', 'e', 'n', 't', 'q', 'b',
            'g', 'N', '-', ',', ':', '.', '_', '@', '0', '1', '2', '5', '9'
          })
          String raw) {
    parsesRoundTripOrIsRejected(raw, 1000, 500);
  }

  @Property(tries = 2000)
  void grammarText_parsesOrIsRejected(
      @ForAll("transformations") String raw,
      @ForAll @IntRange(min = 1, max = 5000) int width,
      @ForAll @IntRange(min = 1, max = 5000) int height) {
    parsesRoundTripOrIsRejected(raw, width, height);
  }

  @Property(tries = 300)
  void hugeNumbers_areRejectedCleanly(
      @ForAll("keys") String key,
      @ForAll @StringLength(min = 10, max = 400) @Chars({'0', '9', '.', 'N'}) String digits) {
    parsesRoundTripOrIsRejected(key + "-" + digits, 100, 100);
  }

  private static void parsesRoundTripOrIsRejected(String raw, int width, int height) {
    Transformation t;
    try {
      t = PARSER.parse(raw);
    } catch (ImageGateException e) {
      assertThat(e.failure()).isEqualTo(Failure.BAD_TRANSFORMATION);
      assertThat(e.getMessage()).isNotBlank();
      Statistics.collect("rejected");
      return;
    }
    Statistics.collect(t.overlays().isEmpty() ? "parsed" : "parsed with overlays");
    String canonical = t.canonical();
    Transformation again = REPARSER.parse(canonical);
    assertThat(again).isEqualTo(t);
    assertThat(again.canonical()).isEqualTo(canonical);
    assertThat(again.hashCode()).isEqualTo(t.hashCode());
    for (Step step : t.steps()) {
      try {
        GeometryPlannerTest.assertInvariants(PLANNER.plan(width, height, step));
      } catch (ImageGateException e) {
        assertThat(e.failure()).isEqualTo(Failure.BAD_TRANSFORMATION);
      }
    }
  }

  @Provide
  Arbitrary<String> keys() {
    return Arbitraries.of("w", "h", "q", "dpr", "x", "ox", "rt", "bl", "ar", "r", "b", "ow");
  }

  @Provide
  Arbitrary<String> transformations() {
    Arbitrary<String> validStep =
        Arbitraries.frequencyOf(
                Tuple.of(12, validParam()),
                Tuple.of(2, layer()),
                Tuple.of(2, textLayer()),
                Tuple.of(1, canvas()))
            .list()
            .ofMinSize(1)
            .ofMaxSize(4)
            .uniqueElements(TransformationParserPropertiesTest::key)
            .map(l -> String.join(",", l));
    Arbitrary<String> anyStep =
        Arbitraries.frequencyOf(
                Tuple.of(8, validParam()),
                Tuple.of(4, invalidParam()),
                Tuple.of(2, layer()),
                Tuple.of(2, textLayer()))
            .list()
            .ofMinSize(1)
            .ofMaxSize(5)
            .map(l -> String.join(",", l));
    Arbitrary<String> named = Arbitraries.of("n-thumb", "n-wm", "n-orig", "n-nope");
    Arbitrary<String> valid =
        Arbitraries.frequencyOf(Tuple.of(8, validStep), Tuple.of(1, named))
            .list()
            .ofMinSize(1)
            .ofMaxSize(4)
            .map(l -> String.join(":", l));
    Arbitrary<String> mixed =
        Arbitraries.frequencyOf(Tuple.of(8, anyStep), Tuple.of(1, named))
            .list()
            .ofMinSize(1)
            .ofMaxSize(4)
            .map(l -> String.join(":", l));
    return Arbitraries.frequencyOf(
        Tuple.of(5, valid), Tuple.of(2, mutate(valid)), Tuple.of(2, mixed));
  }

  /** The key a parameter occupies in its step, to keep generated steps free of duplicates. */
  private static String key(String param) {
    if (param.startsWith("l-image") || param.startsWith("l-text")) {
      return param;
    }
    int dash = param.indexOf('-');
    String key = dash < 0 ? param : param.substring(0, dash);
    if (key.equals("e")) {
      int second = param.indexOf('-', dash + 1);
      return second < 0 ? param : param.substring(0, second);
    }
    return key;
  }

  /** A valid-looking text with one character inserted, deleted or replaced. */
  private static Arbitrary<String> mutate(Arbitrary<String> texts) {
    Arbitrary<Character> chars =
        Arbitraries.of(
            ',', ':', '-', '_', '.', '@', 'N', '0', '9', 'l', 'e', ' ', '\u0000', '\\', '\u00e9');
    return Combinators.combine(
            texts,
            Arbitraries.integers().between(0, 1000),
            chars,
            Arbitraries.integers().between(0, 2))
        .as(
            (text, at, c, op) -> {
              int i = at % (text.length() + 1);
              return switch (op) {
                case 0 -> text.substring(0, i) + c + text.substring(i);
                case 1 -> i < text.length() ? text.substring(0, i) + text.substring(i + 1) : text;
                default ->
                    i < text.length() ? text.substring(0, i) + c + text.substring(i + 1) : text;
              };
            });
  }

  private static Arbitrary<String> validParam() {
    Arbitrary<String> dimension =
        Arbitraries.oneOf(
            Arbitraries.integers().between(1, 3000).map(String::valueOf),
            Arbitraries.of("0.5", "0.25", "0.333", "0.99999999", "0.10"),
            expression(false));
    Arbitrary<String> coordinate = Arbitraries.integers().between(0, 600).map(String::valueOf);
    Arbitrary<String> offset =
        Arbitraries.integers().between(-600, 600).map(v -> v < 0 ? "N" + -v : String.valueOf(v));
    Arbitrary<String> color =
        Arbitraries.of(
            "FFFFFF",
            "ff000080",
            "00ff0000",
            "12345699",
            "white",
            "Grey",
            "transparent",
            "RebeccaPurple",
            "lightgoldenrodyellow");
    Arbitrary<Focus> position = Arbitraries.of(Focus.values()).filter(f -> f != Focus.AUTO);
    return Arbitraries.frequencyOf(
        Tuple.of(6, dimension.map(v -> "w-" + v)),
        Tuple.of(6, dimension.map(v -> "h-" + v)),
        Tuple.of(
            1,
            Combinators.combine(
                    dimension,
                    Arbitraries.integers().between(1, 20),
                    Arbitraries.integers().between(1, 20))
                .as((w, a, b) -> "ar-" + a + "-" + b + ",h-" + w)),
        Tuple.of(2, Arbitraries.of(Crop.values()).map(c -> "c-" + c.token())),
        Tuple.of(2, Arbitraries.of(CropMode.values()).map(m -> "cm-" + m.token())),
        Tuple.of(2, Arbitraries.of(Focus.values()).map(f -> "fo-" + f.token())),
        Tuple.of(
            2,
            Combinators.combine(
                    Arbitraries.of("x", "y", "xc", "yc"),
                    coordinate,
                    Arbitraries.of("extract", "pad_extract"),
                    dimension)
                .as((k, v, m, w) -> "cm-" + m + "," + k + "-" + v + ",w-" + w)),
        Tuple.of(2, Arbitraries.of("0.1", "1", "1.5", "2.0", "2").map(v -> "dpr-" + v)),
        Tuple.of(2, Arbitraries.integers().between(1, 100).map(v -> "q-" + v)),
        Tuple.of(2, Arbitraries.of("auto", "jpg", "jpeg", "png", "webp", "gif").map(v -> "f-" + v)),
        Tuple.of(
            2,
            Combinators.combine(Arbitraries.of("pr", "lo", "md"), Arbitraries.of("true", "false"))
                .as((k, v) -> k + "-" + v)),
        Tuple.of(1, Arbitraries.of("t-true", "t-1", "t-99")),
        Tuple.of(2, color.map(v -> "bg-" + v)),
        Tuple.of(
            1,
            Combinators.combine(Arbitraries.integers().between(1, 50), color)
                .as((w, c) -> "b-" + w + "_" + c)),
        Tuple.of(1, Arbitraries.of("max", "5", "20").map(v -> "r-" + v)),
        Tuple.of(1, Arbitraries.of("90", "N90", "-45", "360", "auto").map(v -> "rt-" + v)),
        Tuple.of(1, Arbitraries.integers().between(1, 100).map(v -> "bl-" + v)),
        Tuple.of(
            2, Arbitraries.of("grayscale", "contrast", "sharpen", "sharpen-5").map(v -> "e-" + v)),
        Tuple.of(
            3,
            Combinators.combine(
                    Arbitraries.of("logo.png", "a@@b.png", "@@logo.png", "a@@@b"),
                    position.map(f -> ",ofo-" + f.token()).injectNull(0.5),
                    Combinators.combine(Arbitraries.of("ox", "oy"), offset)
                        .as((k, v) -> "," + k + "-" + v)
                        .injectNull(0.5),
                    Combinators.combine(Arbitraries.of("ow", "oh"), dimension)
                        .as((k, v) -> "," + k + "-" + v)
                        .injectNull(0.5))
                .as(
                    (p, f, o, d) ->
                        "oi-"
                            + p
                            + (f == null ? "" : f)
                            + (o == null ? "" : o)
                            + (d == null ? "" : d))),
        Tuple.of(1, Arbitraries.just("orig-true")));
  }

  /** ImageKit arithmetic expressions: values and operators joined by '_'. */
  private static Arbitrary<String> expression(boolean inLayer) {
    Arbitrary<String> value =
        inLayer
            ? Arbitraries.of("bw", "bh", "bar", "iw", "ch", "2", "0.5", "10.0", "007")
            : Arbitraries.of("iw", "ih", "iar", "cw", "ch", "car", "2", "0.25", "100");
    Arbitrary<String> op = Arbitraries.of("add", "sub", "mul", "div", "mod", "pow");
    return Combinators.combine(
            value,
            Combinators.combine(op, value).as((o, v) -> "_" + o + "_" + v).list().ofMaxSize(3))
        .as((first, rest) -> first + String.join("", rest))
        .filter(e -> e.contains("_") || e.matches("[a-z]+"));
  }

  /** Text layers with any of their parameters, sometimes nested in an image layer. */
  private static Arbitrary<String> textLayer() {
    Arbitrary<String> text =
        Arbitraries.oneOf(
            Arbitraries.of(
                "i-Hello",
                "i-© Studio",
                "i-licensed to Zoë · order 1234",
                "i-a-b",
                "i-Привет",
                "ie-aGVsbG8",
                "ie-aGVsbG8=",
                "ie-wqkgRm9vZA",
                "i-x@@y"),
            Arbitraries.strings()
                .withCharRange('a', 'z')
                .ofMinLength(1)
                .ofMaxLength(150)
                .map(t -> "i-" + t));
    Arbitrary<String> param =
        Arbitraries.of(
            "fs-20",
            "fs-bh_div_10",
            "ff-DejaVuSans",
            "ff-dejavusans",
            "ff-fonts@@a.ttf",
            "ff-b.OTF",
            "co-FF000050",
            "co-navy",
            "bg-white",
            "bg-00000040",
            "pa-10",
            "pa-1_2",
            "pa-1_2_3",
            "pa-4_4_4_4",
            "pa-0",
            "pa-bh_mul_0.05",
            "pa-1_bw",
            "ia-left",
            "ia-center",
            "ia-right",
            "al-1",
            "al-9",
            "tg-b",
            "tg-i",
            "tg-b_i",
            "w-200",
            "w-bw_mul_0.5",
            "r-5",
            "r-max",
            "rt-45",
            "lx-10",
            "ly-N5",
            "lx-bw_sub_100",
            "lfo-top_left",
            "o-30");
    return Combinators.combine(
            text,
            param.list().ofMaxSize(4).uniqueElements(TransformationParserPropertiesTest::key),
            Arbitraries.integers().between(0, 9))
        .as(
            (t, params, nest) -> {
              String layer =
                  "l-text,"
                      + t
                      + (params.isEmpty() ? "" : "," + String.join(",", params))
                      + ",l-end";
              return nest == 0 ? "l-image,i-card.png," + layer + ",l-end" : layer;
            });
  }

  /** Solid colour blocks. */
  private static Arbitrary<String> canvas() {
    return Combinators.combine(
            Arbitraries.of("w-100", "w-bw_mul_0.3", "w-0.5"),
            Arbitraries.of("h-20", "h-bh_div_10"),
            Arbitraries.of(
                "", ",bg-FF000050", ",bg-red", ",al-5", ",r-4", ",lfo-bottom", ",t-true"))
        .as((w, h, extra) -> "l-image,i-ik_canvas," + w + "," + h + extra + ",l-end");
  }

  private static Arbitrary<String> invalidParam() {
    return Arbitraries.of(
        "w-bw_mul_2",
        "w-iw_div",
        "w-iw_div_0",
        "bg-FF0000FF",
        "l-text,l-end",
        "l-text,i-a,zz-1,l-end",
        "l-text,i-a,i-b,l-end",
        "l-text,ie-@@,l-end",
        "l-image,i-a.png,al-5,l-end",
        "l-image,i-ik_canvas,w-10,l-end",
        "w-0",
        "w-9000",
        "w-1.0",
        "w-auto",
        "h-0.000000001",
        "ar-4-0",
        "c-x",
        "cm-pad",
        "fo-face",
        "dpr-6",
        "dpr-auto",
        "q-0",
        "q-101",
        "f-bmp",
        "pr-1",
        "bg-GGG",
        "b-0_white",
        "r-0",
        "rt-361",
        "bl-0",
        "e-sepia",
        "e-sharpen-0",
        "t-false",
        "orig-false",
        "oi-..@@x",
        "oi-a@@@@b",
        "oi-x@",
        "ofo-auto",
        "ox--5",
        "ow-0",
        "zz-1",
        "n-thumb",
        "l-end",
        "l-image",
        "i-a.png",
        "lx-1",
        "w",
        "-1",
        "w-",
        "ar-1-1",
        "x-5",
        "ofo-top",
        "l-image,i-..,l-end",
        "l-image,i-a,q-50,l-end",
        "l-image,i-@@,l-end");
  }

  private static Arbitrary<String> layer() {
    Arbitrary<String> inner =
        Arbitraries.of(
            "w-50",
            "h-0.5",
            "lfo-top_right",
            "lx-N10",
            "ly-20",
            "rt-90",
            "e-grayscale",
            "bg-red",
            "c-force",
            "o-50",
            "dpr-2",
            "q-40",
            "t-false",
            "t-20",
            "w-bw_mul_0.5",
            "h-bh_div_3",
            "lx-bw_div_2",
            "ly-bh_sub_ch",
            "l-image,i-b.png,l-end",
            "l-text,i-b,l-end");
    return Combinators.combine(
            Arbitraries.of("a.png", "x@@y.png", "a@@b@@c.png"),
            inner.list().ofMaxSize(3).uniqueElements(),
            Arbitraries.integers().between(0, 9))
        .as(
            (path, params, depth) -> {
              String body =
                  "l-image,i-" + path + (params.isEmpty() ? "" : "," + String.join(",", params));
              // Sometimes nest, sometimes forget to close, usually close properly.
              String layer = body + ",l-end";
              if (depth == 0) {
                return body; // not closed: invalid
              }
              if (depth >= 7) {
                return "l-image,i-outer.png," + layer + ",l-end";
              }
              return layer;
            });
  }
}
