package io.imagegate.transform;

import static io.imagegate.transform.ParserAssertions.assertRejected;
import static io.imagegate.transform.ParserAssertions.parse;
import static io.imagegate.transform.ParserAssertions.step;
import static org.assertj.core.api.Assertions.assertThat;

import io.imagegate.limits.Limits;
import io.imagegate.transform.model.AspectRatio;
import io.imagegate.transform.model.Dimension;
import io.imagegate.transform.model.Focus;
import io.imagegate.transform.model.Overlay;
import io.imagegate.transform.model.Rotation;
import io.imagegate.transform.model.Step;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Legacy ({@code oi-...}) and layer ({@code l-image,...,l-end}) overlays: one model. */
class OverlayParsingTest {

  @Test
  void legacyAndLayerForms_giveEqualOverlays() {
    Step legacy = step("oi-img@@logo.png,ofo-bottom_right,ox-10,oy-N20,ow-100,oh-0.5");
    Step layer = step("l-image,i-img@@logo.png,lfo-bottom_right,lx-10,ly-N20,w-100,h-0.5,l-end");

    assertThat(legacy).isEqualTo(layer);
    Overlay overlay = legacy.overlays().get(0);
    assertThat(overlay)
        .isEqualTo(
            new Overlay(
                "img/logo.png",
                Optional.of(Focus.BOTTOM_RIGHT),
                OptionalInt.of(10),
                OptionalInt.of(-20),
                Optional.of(Dimension.ofPixels(100)),
                Optional.of(Dimension.ofFraction(0.5)),
                Step.empty()));
  }

  @Test
  void plainLegacyOverlay_equalsPlainLayer_andCanonicalIsLayerForm() {
    Transformation legacy = parse("w-300,oi-logo.png");
    Transformation layer = parse("w-300,l-image,i-logo.png,l-end");
    assertThat(legacy).isEqualTo(layer);
    assertThat(legacy.canonical()).isEqualTo("w-300,l-image,i-logo.png,l-end");
    assertThat(parse("l-image,lx-N5,i-a@@b.png,l-end").canonical())
        .isEqualTo("l-image,i-a@@b.png,lx-N5,l-end");
  }

  @Test
  void layer_sizeBelongsToOverlay_otherParametersNest() {
    Step s = step("w-300,l-image,i-logo.png,w-50,rt-90,e-grayscale,bg-red,l-end");
    assertThat(s.width()).contains(Dimension.ofPixels(300));
    Overlay o = s.overlays().get(0);
    assertThat(o.width()).contains(Dimension.ofPixels(50));
    assertThat(o.transformation().width()).isEmpty();
    assertThat(o.transformation().rotation()).contains(Rotation.ofDegrees(90));
    assertThat(o.transformation().grayscale()).isTrue();
    assertThat(o.effectiveStep().width()).contains(Dimension.ofPixels(50));
    assertThat(o.effectiveStep().rotation()).contains(Rotation.ofDegrees(90));
  }

  @Test
  void layer_allowsAspectRatioAndCropWithItsOwnSize() {
    Overlay o = step("l-image,i-a.png,w-100,ar-1-1,c-force,l-end").overlays().get(0);
    assertThat(o.transformation().aspectRatio()).contains(new AspectRatio(1, 1));
    assertRejected("l-image,i-a.png,ar-1-1,l-end", "ar-1-1 needs w or h");
  }

  @Test
  void overlays_keepDrawingOrder() {
    Step s = step("l-image,i-a.png,l-end,oi-b.png,l-image,i-c.png,l-end");
    assertThat(s.overlays()).extracting(Overlay::path).containsExactly("a.png", "b.png", "c.png");
    assertThat(step("ofo-top,oi-b.png,l-image,i-c.png,l-end").overlays())
        .extracting(Overlay::path)
        .containsExactly("b.png", "c.png");
  }

  @Test
  void nesting_upToThreeDeep_isAccepted_andAllOverlaysAreListed() {
    Transformation t =
        parse("l-image,i-a.png,l-image,i-b.png,l-image,i-c.png,l-end,l-end,l-end:oi-d.png");
    assertThat(t.overlays())
        .extracting(Overlay::path)
        .containsExactly("a.png", "b.png", "c.png", "d.png");
    Overlay a = t.steps().get(0).overlays().get(0);
    assertThat(a.transformation().overlays().get(0).transformation().overlays())
        .extracting(Overlay::path)
        .containsExactly("c.png");
    assertThat(parse(t.canonical())).isEqualTo(t);
  }

  @Test
  void nesting_fourDeep_isRejected() {
    assertRejected(
        "l-image,i-a,l-image,i-b,l-image,i-c,l-image,i-d,l-end,l-end,l-end,l-end",
        "layers nest at most 3 deep",
        "depth 4");
  }

  @Test
  void overlayCount_countsNestedAndAllSteps() {
    assertThat(parse("oi-a:oi-b:oi-c:oi-d:oi-e").overlays()).hasSize(5);
    assertRejected("oi-a:oi-b:oi-c:oi-d:oi-e:oi-f", "6 overlays, above the limit of 5");
    assertRejected(
        "l-image,i-a,l-image,i-b,l-image,i-c,l-end,l-end,l-end,"
            + "l-image,i-d,l-image,i-e,l-image,i-f,l-end,l-end,l-end",
        "6 overlays");
    TransformationParser none =
        new TransformationParser(Map.of(), Limits.defaults().withMaxOverlays(0));
    assertRejected(none, "oi-a", "1 overlays, above the limit of 0");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "l-image,i-a.png | not closed with l-end",
        "l-image,i-a.png,l-image,i-b.png,l-end | not closed with l-end",
        "l-end | 'l-end' without a matching 'l-image'",
        "l-video,i-a | layer type 'video' is not supported",
        "l-text,i-a | a layer opened with l-image or l-text is not closed with l-end",
        "l-image,l-end | a layer needs an image",
        "i-a.png | 'i' is only allowed inside a layer",
        "lx-5 | 'lx' is only allowed inside a layer",
        "l-image,i-a,f-png,l-end | 'f' is not allowed inside a layer",
        "l-image,i-a,oi-b,l-end | 'oi' is not allowed inside a layer",
        "l-image,i-a,md-true,l-end | 'md' is not allowed inside a layer",
        "l-image,i-a,n-thumb,l-end | must be alone in its step",
        "l-image,i-a,i-b,l-end | duplicate key 'i'",
        "l-image,i-a,zz-1,l-end | unknown transformation key 'zz'",
        "l-image,i-a,lfo-auto,l-end | lfo must be, got 'auto'",
        "l-image,i-a,l-end:ox-1 | need an overlay image: add oi-<path>",
        "ofo-top | need an overlay image",
        "oi-a,ofo-auto | ofo must be, got 'auto'",
        "oi-a,ofo-middle | got 'middle'",
        "oi-a,ox--20 | ox must be an integer, with N for negative (e.g. N20), got '-20'",
        "oi-a,ox-N | got 'N'",
        "oi-a,oy-N1000000000 | got 'N1000000000'",
        "oi-a,ow-0 | ow must be a positive integer or a fraction 0-1, got '0'",
        "oi-a,oh-9000 | oh must be at most 8192 pixels",
        "oi-a,oi-b | duplicate key 'oi'",
        "w-300,h-300:l-image,i-a,w-1,w-2,l-end | duplicate key 'w'",
      })
  void overlays_rejectMalformed(String raw, String expected) {
    assertRejected(raw, expected.split(", (?=got ')"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "oi-@@ | oi needs an image path",
        "oi-..@@secret.png | must not contain empty, '.' or '..' segments",
        "oi-a@@..@@..@@etc@@passwd | '..' segments",
        "oi-a@@.@@b.png | '..' segments",
        "oi-a@@@@b.png | empty",
        "oi-a@@ | empty",
        "oi-@@@@a.png | empty",
        "l-image,i-..,l-end | i path must not contain",
      })
  void overlayPath_rejectsTraversalAndEmptySegments(String raw, String expected) {
    assertRejected(raw, expected);
  }

  @Test
  void overlayPath_rejectsBackslashAndControlCharacters() {
    assertRejected("oi-a\\b.png", "forbidden character");
    assertRejected("oi-a\u0000b.png", "forbidden character");
    assertRejected("oi-a\nb.png", "forbidden character");
    assertRejected("oi-a\u007fb.png", "forbidden character");
    assertRejected("oi-a\ud800b.png", "forbidden character");
  }

  @Test
  void overlayPath_decodesAtSignsAndDropsLeadingSlash() {
    assertThat(step("oi-@@logo.png").overlays().get(0).path()).isEqualTo("logo.png");
    assertThat(step("oi-a@@b@@c.png").overlays().get(0).path()).isEqualTo("a/b/c.png");
    assertThat(step("oi-a@@@b.png").overlays().get(0).path()).isEqualTo("a/@b.png");
    assertThat(step("oi-mail@home.png").overlays().get(0).path()).isEqualTo("mail@home.png");
    assertThat(step("oi-fotos@@café.png").overlays().get(0).path()).isEqualTo("fotos/café.png");
    Transformation t = parse("oi-a@@@b.png");
    assertThat(parse(t.canonical())).isEqualTo(t);
  }

  @Test
  void overlay_rejectsModelsTheGrammarCannotExpress() {
    Step sized = step("w-10");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                new Overlay(
                    "a.png",
                    Optional.empty(),
                    OptionalInt.empty(),
                    OptionalInt.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    sized))
        .isInstanceOf(IllegalArgumentException.class);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                new Overlay(
                    "a.png",
                    Optional.of(Focus.AUTO),
                    OptionalInt.empty(),
                    OptionalInt.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Step.empty()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
