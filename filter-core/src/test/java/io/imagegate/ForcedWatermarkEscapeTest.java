package io.imagegate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Known ways around a forced watermark ({@code rule.<name>.unsigned-transformation}), each refused
 * or answered with the logo over the photo; and transformations that keep to the photo's pixels,
 * served with the logo. {@link ForcedWatermarkPropertyTest} covers the grammar at large.
 */
class ForcedWatermarkEscapeTest {
  @TempDir static Path tmp;
  static WatermarkFixture fixture;

  @BeforeAll
  static void start() throws Exception {
    fixture = new WatermarkFixture(tmp);
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  static Stream<Arguments> escapes() {
    return Stream.of(
        Arguments.of("border puts the logo in the border", "/img/wm/photo.png?tr=b-300_FFFFFF"),
        Arguments.of("border after a resize", "/img/wm/photo.png?tr=w-60:b-100_FFFFFF"),
        Arguments.of("border in the path form", "/img/tr:b-300_FFFFFF/wm/photo.png"),
        Arguments.of("a named border", "/img/wm/photo.png?tr=n-framed"),
        Arguments.of(
            "padding", "/img/wm/photo.png?tr=w-400,h-400,cm-pad_resize,bg-FFFFFF,fo-top_left"),
        Arguments.of("pad_extract", "/img/wm/photo.png?tr=w-400,h-400,cm-pad_extract"),
        Arguments.of("rotation grows the canvas", "/img/wm/photo.png?tr=rt-45,bg-FFFFFF"),
        Arguments.of("rotation by 1 degree", "/img/wm/photo.png?tr=rt-1"),
        Arguments.of("corner radius", "/img/wm/photo.png?tr=r-max"),
        Arguments.of(
            "extract away from the corner, then a border",
            "/img/wm/photo.png?tr=cm-extract,x-0,y-0,w-30,h-30:b-300_FFFFFF"),
        Arguments.of(
            "chain ending in padding", "/img/wm/photo.png?tr=w-50:w-300,h-300,cm-pad_resize"),
        Arguments.of(
            "photo as overlay of a public image", "/img/public/base.png?tr=oi-wm@@photo.png"),
        Arguments.of(
            "photo as a layer", "/img/public/base.png?tr=l-image,i-wm@@photo.png,w-90,h-60,l-end"),
        Arguments.of(
            "photo nested in a layer",
            "/img/public/base.png?tr=l-image,i-public@@base.png,l-image,i-wm@@photo.png,l-end,l-end"),
        Arguments.of(
            "photo as overlay, leading slash", "/img/public/base.png?tr=oi-@@wm@@photo.png"),
        Arguments.of("photo through a public symlink", "/img/public/alias.png?tr=b-300_FFFFFF"),
        Arguments.of(
            "photo through a symlink as overlay", "/img/public/base.png?tr=oi-public@@alias.png"),
        Arguments.of("orig-true", "/img/wm/photo.png?tr=orig-true"),
        Arguments.of("orig-true in the path", "/img/tr:orig-true/wm/photo.png"));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("escapes")
  void knownEscape_isClosed(String name, String target) throws Exception {
    int status = fixture.check(target);
    if (!target.contains("orig-true")) {
      assertThat(status).as(name).isEqualTo(401);
    }
  }

  static Stream<Arguments> allowed() {
    return Stream.of(
        Arguments.of("/img/wm/photo.png"),
        Arguments.of("/img/wm/photo.png?tr=orig-true"),
        Arguments.of("/img/wm/photo.png?tr=w-60"),
        Arguments.of("/img/wm/photo.png?tr=cm-extract,x-0,y-0,w-30,h-30"),
        Arguments.of("/img/wm/photo.png?tr=rt-90"),
        Arguments.of("/img/wm/photo.png?tr=w-40,h-40,c-force:e-grayscale:bl-2"),
        Arguments.of("/img/wm/photo.png?tr=oi-public@@base.png,ofo-bottom_right"),
        Arguments.of("/img/public/alias.png"),
        Arguments.of("/img/public/base.png?tr=b-10_FFFFFF"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("allowed")
  void sourcePixelsOnly_areServedWithTheLogo(String target) throws Exception {
    assertThat(fixture.check(target)).isEqualTo(200);
  }
}
