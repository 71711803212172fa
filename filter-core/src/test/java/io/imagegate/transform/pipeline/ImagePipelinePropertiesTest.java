package io.imagegate.transform.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.imagegate.failure.Failure;
import io.imagegate.failure.ImageGateException;
import io.imagegate.limits.Limits;
import io.imagegate.testing.TryTimeLimit;
import io.imagegate.transform.Transformation;
import io.imagegate.transform.TransformationParser;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.statistics.Statistics;

/**
 * Any valid transformation from a small grammar, on any small image, renders to an image within the
 * limit or fails with a 400; never another exception, and never a changed input.
 */
@AddLifecycleHook(TryTimeLimit.class)
class ImagePipelinePropertiesTest {
  private static final int MAX = 300;
  private static final Limits LIMITS = Limits.defaults().withMaxDimension(MAX);
  private static final TransformationParser PARSER = new TransformationParser(Map.of(), LIMITS);
  private static final ImagePipeline PIPELINE = new ImagePipeline(LIMITS);

  @Property(tries = 1500, maxDiscardRatio = 20)
  void anyValidTransformation_rendersWithinLimitsOrIsA400(
      @ForAll("transformations") String text,
      @ForAll @IntRange(min = 1, max = 64) int width,
      @ForAll @IntRange(min = 1, max = 64) int height,
      @ForAll boolean alpha,
      @ForAll @IntRange(min = 0, max = 1000) int seed) {
    Transformation transformation;
    try {
      transformation = PARSER.parse(text);
    } catch (ImageGateException e) {
      transformation = null;
    }
    Assume.that(transformation != null);
    BufferedImage image = random(width, height, alpha, new Random(seed));
    int[] before = image.getRGB(0, 0, width, height, null, 0, width);
    Random overlaySeeds = new Random(seed + 1L);
    OverlayImages overlays =
        path ->
            random(
                1 + overlaySeeds.nextInt(40),
                1 + overlaySeeds.nextInt(40),
                overlaySeeds.nextBoolean(),
                overlaySeeds);
    try {
      BufferedImage out = PIPELINE.apply(image, transformation, overlays);
      assertThat(out.getWidth()).isBetween(1, MAX);
      assertThat(out.getHeight()).isBetween(1, MAX);
      Statistics.label("outcome")
          .collect(transformation.overlays().isEmpty() ? "rendered" : "rendered with overlays");
    } catch (ImageGateException e) {
      assertThat(e.failure()).isEqualTo(Failure.BAD_TRANSFORMATION);
      Statistics.label("outcome").collect("400");
    }
    assertThat(image.getRGB(0, 0, width, height, null, 0, width)).isEqualTo(before);
  }

  @Provide
  Arbitrary<String> transformations() {
    return step().list().ofMinSize(1).ofMaxSize(3).map(steps -> String.join(":", steps));
  }

  private static Arbitrary<String> step() {
    return param().list().ofMinSize(1).ofMaxSize(5).map(ImagePipelinePropertiesTest::distinctKeys);
  }

  /** Joins parameters, keeping the first of each key so that most steps parse. */
  private static String distinctKeys(List<String> params) {
    Map<String, String> byKey = new LinkedHashMap<>();
    for (String p : params) {
      String key = p.startsWith("e-") ? p.split("-")[1] : p.substring(0, p.indexOf('-'));
      byKey.putIfAbsent(key, p);
    }
    return String.join(",", new ArrayList<>(byKey.values()));
  }

  private static Arbitrary<String> param() {
    Arbitrary<String> pixels = Arbitraries.integers().between(1, 320).map(String::valueOf);
    Arbitrary<String> fraction = Arbitraries.of("0.1", "0.5", "0.75", "0.99");
    Arbitrary<String> size = Arbitraries.oneOf(pixels, fraction);
    Arbitrary<String> small = Arbitraries.integers().between(0, 80).map(String::valueOf);
    Arbitrary<String> focus =
        Arbitraries.of(
            "center",
            "top",
            "left",
            "bottom",
            "right",
            "top_left",
            "top_right",
            "bottom_left",
            "bottom_right");
    Arbitrary<String> offset =
        Arbitraries.integers().between(-80, 80).map(v -> v < 0 ? "N" + -v : String.valueOf(v));
    return Arbitraries.oneOf(
        size.map(v -> "w-" + v),
        size.map(v -> "h-" + v),
        Arbitraries.of("ar-16-9", "ar-1-3", "ar-4-3"),
        Arbitraries.of("force", "at_max", "at_max_enlarge", "at_least", "maintain_ratio")
            .map(v -> "c-" + v),
        Arbitraries.of("pad_resize", "extract", "pad_extract").map(v -> "cm-" + v),
        Arbitraries.oneOf(focus, Arbitraries.just("auto")).map(v -> "fo-" + v),
        small.map(v -> "x-" + v),
        small.map(v -> "y-" + v),
        small.map(v -> "xc-" + v),
        small.map(v -> "yc-" + v),
        Arbitraries.of("0.5", "1", "1.5", "2", "3").map(v -> "dpr-" + v),
        Arbitraries.of("FF0000", "00000000", "FFFFFF80", "white").map(v -> "bg-" + v),
        Arbitraries.of("90", "180", "270", "auto", "45", "N30", "13", "135").map(v -> "rt-" + v),
        Arbitraries.integers().between(1, 20).map(v -> "bl-" + v),
        Arbitraries.of("e-grayscale", "e-sharpen", "e-sharpen-30", "e-contrast"),
        Arbitraries.oneOf(
                Arbitraries.integers().between(1, 40).map(String::valueOf), Arbitraries.just("max"))
            .map(v -> "r-" + v),
        Arbitraries.integers().between(1, 150).map(v -> "b-" + v + "_FF0000"),
        Arbitraries.of("t-true", "t-30"),
        Arbitraries.of("q-50", "f-png"),
        Arbitraries.of("w-iw_div_2", "h-ch_mul_0.5_add_10", "w-iw_mul_9"),
        textLayer(),
        overlay(size, focus, offset));
  }

  /** Text layers and colour blocks: any of them renders, or is a 400. */
  private static Arbitrary<String> textLayer() {
    Arbitrary<String> param =
        Arbitraries.of(
            "fs-1",
            "fs-12",
            "fs-90",
            "fs-bh_div_4",
            "fs-bw_mul_3",
            "co-FF000050",
            "bg-white",
            "pa-0",
            "pa-5_10",
            "ia-right",
            "al-3",
            "tg-b_i",
            "w-1",
            "w-60",
            "w-bw_div_3",
            "r-max",
            "r-6",
            "rt-45",
            "rt-180",
            "lx-N10",
            "ly-bh_sub_ch",
            "lfo-bottom_right",
            "o-60");
    Arbitrary<String> text =
        Arbitraries.of(
            "i-Hello world",
            "i-© preview",
            "ie-5ryi5a2X",
            "i- ",
            "ie-8J-YgA",
            "i-مرحبا بالعالم",
            "ie-7787",
            "i-" + "W".repeat(144));
    return Arbitraries.oneOf(
        Combinators.combine(text, param.list().ofMaxSize(4).uniqueElements(p -> p.split("-")[0]))
            .as(
                (t, ps) ->
                    "l-text," + t + (ps.isEmpty() ? "" : "," + String.join(",", ps)) + ",l-end"),
        Arbitraries.of(
            "l-image,i-ik_canvas,w-bw_mul_0.5,h-20,bg-FF000050,l-end",
            "l-image,i-ik_canvas,w-9000,h-10,l-end",
            "l-image,i-ik_canvas,w-bw_mul_99,h-10,l-end"));
  }

  private static Arbitrary<String> overlay(
      Arbitrary<String> size, Arbitrary<String> focus, Arbitrary<String> offset) {
    Arbitrary<String> legacy =
        Arbitraries.of("", ",ofo-", ",ox-", ",oy-", ",ow-", ",oh-")
            .flatMap(
                k ->
                    switch (k) {
                      case ",ofo-" -> focus.map(v -> k + v);
                      case ",ox-", ",oy-" -> offset.map(v -> k + v);
                      case ",ow-", ",oh-" -> size.map(v -> k + v);
                      default -> Arbitraries.just("");
                    })
            .map(rest -> "oi-o1.png" + rest);
    Arbitrary<String> layer =
        Arbitraries.of(
                "",
                ",rt-90",
                ",bl-2",
                ",r-max",
                ",b-2_00FF00",
                ",cm-pad_resize,h-30",
                ",lfo-bottom_right",
                ",lx-N10,ly-5")
            .flatMap(rest -> size.map(w -> "l-image,i-o2.png,w-" + w + rest + ",l-end"));
    Arbitrary<String> nested =
        Arbitraries.just("l-image,i-o1.png,l-image,i-o2.png,lfo-top_left,l-end,l-end");
    return Arbitraries.oneOf(legacy, layer, nested);
  }

  private static BufferedImage random(int w, int h, boolean alpha, Random random) {
    BufferedImage img =
        new BufferedImage(w, h, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
    boolean flat = random.nextInt(4) == 0; // flat images exercise trim and contrast edge cases
    int colour = random.nextInt();
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        img.setRGB(x, y, flat ? colour : random.nextInt());
      }
    }
    return img;
  }
}
