package io.imagegate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;

/**
 * The forced watermark as a property over the grammar: for any chain of steps (sizes, crop modes,
 * extraction, focus, border, padding, rotation, radius, effects, trim, overlays of public and
 * watermarked files, nested layers, output formats), an unsigned request for the watermarked photo
 * is refused or shows the logo over nothing but the photo, and one for a public image never shows
 * the photo's pixels without the logo.
 */
class ForcedWatermarkPropertyTest {
  static Path tmp;
  static WatermarkFixture fixture;

  @BeforeContainer
  static void start() throws Exception {
    tmp = Files.createTempDirectory("imagegate-wm-property");
    fixture = new WatermarkFixture(tmp);
  }

  @AfterContainer
  static void stop() throws Exception {
    fixture.close();
    try (var files = Files.walk(tmp)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  @Property(tries = 400)
  void unsignedResponses_showTheLogoOverThePhoto(
      @ForAll("chains") String transformation, @ForAll("targets") String path) throws Exception {
    int status = fixture.check("/img/" + path + "?tr=" + transformation);
    Statistics.collect(path, status);
  }

  @Provide
  Arbitrary<String> targets() {
    return Arbitraries.of("wm/photo.png", "public/alias.png", "public/base.png");
  }

  @Provide
  Arbitrary<String> chains() {
    return step().list().ofMinSize(1).ofMaxSize(3).map(steps -> String.join(":", steps));
  }

  private Arbitrary<String> step() {
    Arbitrary<String> color = Arbitraries.of("FFFFFF", "FF0000", "FFFF00", "0000FF");
    Arbitrary<String> size =
        Arbitraries.oneOf(
            Arbitraries.just(""),
            Arbitraries.integers().between(8, 300).map(n -> "w-" + n),
            Arbitraries.integers().between(8, 300).map(n -> "h-" + n),
            Combinators.combine(
                    Arbitraries.integers().between(8, 300), Arbitraries.integers().between(8, 300))
                .as((w, h) -> "w-" + w + ",h-" + h));
    Arbitrary<String> crop =
        Arbitraries.of(
            "",
            "c-force",
            "c-at_max",
            "c-at_least",
            "c-maintain_ratio",
            "cm-pad_resize",
            "cm-extract",
            "cm-pad_extract",
            "cm-extract,x-0,y-0",
            "cm-extract,xc-10,yc-10");
    Arbitrary<String> focus = Arbitraries.of("", "fo-top_left", "fo-bottom_right", "fo-auto");
    Arbitrary<String> border =
        Arbitraries.frequencyOf(
            Tuple.of(6, Arbitraries.just("")),
            Tuple.of(
                1,
                Combinators.combine(Arbitraries.integers().between(1, 200), color)
                    .as((w, c) -> "b-" + w + "_" + c)));
    Arbitrary<String> background =
        Arbitraries.oneOf(Arbitraries.just(""), color.map(c -> "bg-" + c));
    Arbitrary<String> rotation =
        Arbitraries.frequencyOf(
            Tuple.of(6, Arbitraries.of("", "", "", "rt-90", "rt-180", "rt-270", "rt-auto")),
            Tuple.of(1, Arbitraries.integers().between(1, 359).map(n -> "rt-" + n)));
    Arbitrary<String> radius = Arbitraries.of("", "", "", "", "", "", "r-10", "r-max");
    Arbitrary<String> effect =
        Arbitraries.of("", "bl-3", "e-grayscale", "e-sharpen", "e-contrast", "t-true");
    Arbitrary<String> overlay =
        Arbitraries.of(
            "",
            "oi-public@@base.png,ofo-top_left",
            "oi-wm@@photo.png",
            "oi-public@@alias.png,ofo-bottom_right",
            "l-image,i-public@@base.png,b-20_00FFFF,l-end",
            "l-image,i-public@@base.png,l-image,i-wm@@photo.png,l-end,l-end");
    Arbitrary<String> format = Arbitraries.of("", "", "f-png", "f-jpg");
    return Combinators.combine(
            List.of(
                size, crop, focus, border, background, rotation, radius, effect, overlay, format))
        .as(
            parts -> {
              String joined =
                  String.join(
                      ",", parts.stream().map(Object::toString).filter(p -> !p.isEmpty()).toList());
              return joined.isEmpty() ? "q-90" : joined;
            });
  }
}
