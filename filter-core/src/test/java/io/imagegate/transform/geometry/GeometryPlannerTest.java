package io.imagegate.transform.geometry;

import static io.imagegate.transform.ParserAssertions.step;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imagegate.failure.Failure;
import io.imagegate.failure.ImageGateException;
import io.imagegate.limits.Limits;
import io.imagegate.transform.ParserAssertions;
import io.imagegate.transform.Transformation;
import io.imagegate.transform.TransformationParser;
import io.imagegate.transform.model.Overlay;
import io.imagegate.transform.model.Step;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The geometry of every crop strategy and mode, checked against ImageKit's documentation
 * (imagekit.io/docs/image-resize-and-crop and help.imagekit.io "Crop, crop modes and focus"):
 *
 * <ul>
 *   <li>"If only one of the dimensions is specified, then no cropping takes place" and the other
 *       side keeps the aspect ratio; values 0-1 are a percentage of the original side.
 *   <li>maintain_ratio, their example {@code w-300,h-200} on a plant photo taller than 3:2:
 *       "exactly the same size as requested", "the top and the bottom of the image got cropped out"
 *       (our 1000x1000 row: rows 50-250 of the 300x300 scaled image are kept).
 *   <li>force, same example: exactly 300×200, "squeezed", nothing cropped.
 *   <li>at_max / at_max_enlarge / at_least: the whole image kept, one side as requested and the
 *       other smaller (at_max) or larger (at_least); at_max_enlarge "allows enlarging of image in
 *       case requested dimensions are more than original image dimension", i.e. at_max does not
 *       enlarge.
 *   <li>pad_resize: exact size, nothing cropped, padding added; fo moves the image.
 *   <li>extract / pad_extract: a region of the original, no scaling; padding when larger.
 *   <li>{@code w-400,ar-4-3} gives 400×300; with both w and h, ar is ignored.
 *   <li>dpr multiplies the requested w/h ({@code w-300,dpr-2} is 600 wide).
 * </ul>
 *
 * Columns: source size | transformation | scaled size | crop x,y,w,h (scaled coordinates) | canvas
 * size | offset x,y on the canvas.
 */
public class GeometryPlannerTest {
  private final GeometryPlanner planner = new GeometryPlanner(Limits.defaults());

  @ParameterizedTest(name = "{0} {1} -> canvas {4}")
  @CsvSource(
      delimiter = '|',
      value = {
        // no size: unchanged
        "1000x500 | q-50 | 1000x500 | 0,0,1000,500 | 1000x500 | 0,0",
        // one side: the other keeps the ratio, no crop
        "1000x500 | w-300 | 300x150 | 0,0,300,150 | 300x150 | 0,0",
        "1000x500 | h-100 | 200x100 | 0,0,200,100 | 200x100 | 0,0",
        "1000x500 | w-2000 | 2000x1000 | 0,0,2000,1000 | 2000x1000 | 0,0",
        "1000x667 | w-300 | 300x200 | 0,0,300,200 | 300x200 | 0,0",
        // fractions of the source
        "1000x500 | w-0.5 | 500x250 | 0,0,500,250 | 500x250 | 0,0",
        "1000x500 | h-0.1 | 100x50 | 0,0,100,50 | 100x50 | 0,0",
        "1000x500 | w-0.5,h-0.5 | 500x250 | 0,0,500,250 | 500x250 | 0,0",
        // maintain_ratio (default): cover, then crop around fo
        "1000x1000 | w-300,h-200 | 300x300 | 0,50,300,200 | 300x200 | 0,0",
        "1000x1000 | w-300,h-200,c-maintain_ratio | 300x300 | 0,50,300,200 | 300x200 | 0,0",
        "1000x1000 | w-300,h-200,fo-top | 300x300 | 0,0,300,200 | 300x200 | 0,0",
        "1000x1000 | w-300,h-200,fo-bottom | 300x300 | 0,100,300,200 | 300x200 | 0,0",
        "1000x500 | w-200,h-200 | 400x200 | 100,0,200,200 | 200x200 | 0,0",
        "1000x500 | w-200,h-200,fo-left | 400x200 | 0,0,200,200 | 200x200 | 0,0",
        "1000x500 | w-200,h-200,fo-right | 400x200 | 200,0,200,200 | 200x200 | 0,0",
        "1000x500 | w-200,h-200,fo-top_right | 400x200 | 200,0,200,200 | 200x200 | 0,0",
        "1000x500 | w-200,h-200,fo-bottom_left | 400x200 | 0,0,200,200 | 200x200 | 0,0",
        "1000x500 | w-200,h-200,fo-auto | 400x200 | 100,0,200,200 | 200x200 | 0,0",
        "1000x667 | w-300,h-200 | 300x200 | 0,0,300,200 | 300x200 | 0,0",
        "100x50 | w-400,h-400 | 800x400 | 200,0,400,400 | 400x400 | 0,0",
        // aspect ratio with one side; ignored with both
        "1000x500 | w-400,ar-4-3 | 600x300 | 100,0,400,300 | 400x300 | 0,0",
        "1000x500 | h-300,ar-16-9 | 600x300 | 33,0,533,300 | 533x300 | 0,0",
        "1000x1000 | w-100,h-100,ar-4-3 | 100x100 | 0,0,100,100 | 100x100 | 0,0",
        // dpr multiplies w and h, rounding half up
        "1000x500 | w-300,dpr-2 | 600x300 | 0,0,600,300 | 600x300 | 0,0",
        "1000x1000 | w-100,h-100,dpr-1.5 | 150x150 | 0,0,150,150 | 150x150 | 0,0",
        "1000x1000 | w-333,dpr-1.5 | 500x500 | 0,0,500,500 | 500x500 | 0,0",
        "1000x500 | w-0.5,dpr-2 | 1000x500 | 0,0,1000,500 | 1000x500 | 0,0",
        "1000x500 | w-100,dpr-0.1 | 10x5 | 0,0,10,5 | 10x5 | 0,0",
        // force: exactly w x h, squashed
        "1000x500 | w-300,h-300,c-force | 300x300 | 0,0,300,300 | 300x300 | 0,0",
        "1000x500 | w-300,c-force | 300x150 | 0,0,300,150 | 300x150 | 0,0",
        // at_max: fit inside, never enlarge
        "1000x500 | w-300,h-300,c-at_max | 300x150 | 0,0,300,150 | 300x150 | 0,0",
        "1000x500 | w-2000,h-250,c-at_max | 500x250 | 0,0,500,250 | 500x250 | 0,0",
        "1000x500 | w-2000,h-2000,c-at_max | 1000x500 | 0,0,1000,500 | 1000x500 | 0,0",
        "1000x500 | w-1000,h-500,c-at_max | 1000x500 | 0,0,1000,500 | 1000x500 | 0,0",
        "1000x500 | w-2000,c-at_max | 1000x500 | 0,0,1000,500 | 1000x500 | 0,0",
        "1000x500 | h-250,c-at_max | 500x250 | 0,0,500,250 | 500x250 | 0,0",
        // at_max_enlarge: fit inside, may enlarge
        "1000x500 | w-2000,h-2000,c-at_max_enlarge | 2000x1000 | 0,0,2000,1000 | 2000x1000 | 0,0",
        "1000x500 | w-300,h-300,c-at_max_enlarge | 300x150 | 0,0,300,150 | 300x150 | 0,0",
        // at_least: cover without cropping
        "1000x500 | w-300,h-300,c-at_least | 600x300 | 0,0,600,300 | 600x300 | 0,0",
        "1000x500 | w-100,h-10,c-at_least | 100x50 | 0,0,100,50 | 100x50 | 0,0",
        "100x50 | w-400,h-400,c-at_least | 800x400 | 0,0,800,400 | 800x400 | 0,0",
        // pad_resize: fit inside, pad to exactly w x h, image placed by fo
        "1000x500 | w-300,h-300,cm-pad_resize | 300x150 | 0,0,300,150 | 300x300 | 0,75",
        "1000x500 | w-300,h-300,cm-pad_resize,fo-top | 300x150 | 0,0,300,150 | 300x300 | 0,0",
        "1000x500 | w-300,h-300,cm-pad_resize,fo-bottom | 300x150 | 0,0,300,150 | 300x300 | 0,150",
        "500x1000 | w-300,h-300,cm-pad_resize | 150x300 | 0,0,150,300 | 300x300 | 75,0",
        "500x1000 | w-300,h-300,cm-pad_resize,fo-left | 150x300 | 0,0,150,300 | 300x300 | 0,0",
        "500x1000 | w-300,h-300,cm-pad_resize,fo-right | 150x300 | 0,0,150,300 | 300x300 | 150,0",
        "500x1000 | w-300,h-300,cm-pad_resize,fo-auto | 150x300 | 0,0,150,300 | 300x300 | 75,0",
        "100x50 | w-400,h-400,cm-pad_resize | 400x200 | 0,0,400,200 | 400x400 | 0,100",
        "1000x500 | w-301,h-300,cm-pad_resize | 301x151 | 0,0,301,151 | 301x300 | 0,74",
        "1000x500 | w-300,cm-pad_resize | 300x150 | 0,0,300,150 | 300x150 | 0,0",
        // extract: a region of the unscaled source
        "1000x500 | w-200,h-100,cm-extract | 1000x500 | 400,200,200,100 | 200x100 | 0,0",
        "1000x500 | w-200,h-100,cm-extract,x-10,y-20 | 1000x500 | 10,20,200,100 | 200x100 | 0,0",
        "1000x500 | w-200,h-100,cm-extract,xc-500,yc-100 | 1000x500 | 400,50,200,100 | 200x100 | 0,0",
        "1000x500 | w-200,h-100,cm-extract,xc-100,yc-50 | 1000x500 | 0,0,200,100 | 200x100 | 0,0",
        "1000x500 | w-200,h-100,cm-extract,xc-950 | 1000x500 | 800,200,200,100 | 200x100 | 0,0",
        "1000x500 | w-200,h-100,cm-extract,x-900,y-450 | 1000x500 | 800,400,200,100 | 200x100 | 0,0",
        "1000x500 | w-200,h-100,cm-extract,fo-top_left | 1000x500 | 0,0,200,100 | 200x100 | 0,0",
        "1000x500 | w-200,h-100,cm-extract,fo-bottom_right | 1000x500 | 800,400,200,100 | 200x100 | 0,0",
        "1000x500 | w-200,h-100,cm-extract,fo-right,y-7 | 1000x500 | 800,7,200,100 | 200x100 | 0,0",
        "1000x500 | w-200,cm-extract | 1000x500 | 400,0,200,500 | 200x500 | 0,0",
        "1000x500 | w-0.5,h-0.5,cm-extract | 1000x500 | 250,125,500,250 | 500x250 | 0,0",
        "1000x500 | w-100,h-50,dpr-2,cm-extract | 1000x500 | 400,200,200,100 | 200x100 | 0,0",
        "1000x500 | w-2000,h-100,cm-extract | 1000x500 | 0,200,1000,100 | 1000x100 | 0,0",
        // pad_extract: as extract, padded where the region is larger than the source
        "1000x500 | w-200,h-100,cm-pad_extract | 1000x500 | 400,200,200,100 | 200x100 | 0,0",
        "1000x500 | w-1200,h-600,cm-pad_extract | 1000x500 | 0,0,1000,500 | 1200x600 | 100,50",
        "1000x500 | w-1200,h-600,cm-pad_extract,fo-left | 1000x500 | 0,0,1000,500 | 1200x600 | 0,50",
        "1000x500 | w-1200,h-600,cm-pad_extract,fo-bottom_right | 1000x500 | 0,0,1000,500 | 1200x600 | 200,100",
        "1000x500 | w-1200,h-100,cm-pad_extract,y-10 | 1000x500 | 0,10,1000,100 | 1200x100 | 100,0",
        "1000x500 | w-1200,h-100,cm-pad_extract,x-50 | 1000x500 | 0,200,1000,100 | 1200x100 | 0,0",
        "1000x500 | w-1201,h-500,cm-pad_extract | 1000x500 | 0,0,1000,500 | 1201x500 | 101,0",
      })
  void plan_matchesDocumentedGeometry(
      String source,
      String transformation,
      String scaled,
      String crop,
      String canvas,
      String offset) {
    int[] src = size(source);
    ResizePlan plan = planner.plan(src[0], src[1], step(transformation));

    assertThat(size(plan.scaledWidth(), plan.scaledHeight())).isEqualTo(scaled);
    assertThat(rect(plan.crop())).isEqualTo(crop);
    assertThat(size(plan.canvasWidth(), plan.canvasHeight())).isEqualTo(canvas);
    assertThat(plan.offsetX() + "," + plan.offsetY()).isEqualTo(offset);
    assertInvariants(plan);
  }

  @Test
  void plan_mapsCropBackToSource() {
    // Landscape crop of a square: the middle two thirds of the rows (166.7 to 833.3) are kept.
    ResizePlan plan = planner.plan(1000, 1000, step("w-300,h-200"));
    assertThat(plan.sourceRegion()).isEqualTo(new Rect(0, 167, 1000, 666));

    ResizePlan right = planner.plan(1000, 500, step("w-200,h-200,fo-right"));
    assertThat(right.sourceRegion()).isEqualTo(new Rect(500, 0, 500, 500));

    ResizePlan extract = planner.plan(1000, 500, step("w-200,h-100,cm-extract,x-10,y-20"));
    assertThat(extract.sourceRegion()).isEqualTo(extract.crop());
    assertThat(extract.scaleX()).isEqualTo(1.0);
  }

  @Test
  void plan_marksAutoFocusOnlyWhenFocusChoosesTheCrop() {
    assertThat(planner.plan(1000, 1000, step("w-300,h-200,fo-auto")).autoFocus()).isTrue();
    assertThat(planner.plan(1000, 1000, step("w-300,h-200")).autoFocus()).isFalse();
    assertThat(planner.plan(1000, 1000, step("w-300,h-300,fo-auto")).autoFocus()).isFalse();
    assertThat(planner.plan(1000, 500, step("w-300,h-300,cm-pad_resize,fo-auto")).autoFocus())
        .isFalse();
    assertThat(planner.plan(1000, 500, step("w-200,h-100,cm-extract,fo-auto")).autoFocus())
        .isTrue();
    assertThat(planner.plan(1000, 500, step("w-200,h-500,cm-extract,x-5,fo-auto")).autoFocus())
        .isFalse();
  }

  @Test
  void plan_identityAndPaddingFlags() {
    assertThat(planner.plan(640, 480, step("q-10")).isIdentity()).isTrue();
    assertThat(planner.plan(640, 480, step("w-640")).isIdentity()).isTrue();
    assertThat(planner.plan(640, 480, step("w-320")).isIdentity()).isFalse();
    assertThat(planner.plan(640, 480, step("w-100,h-100,cm-pad_resize")).padded()).isTrue();
    assertThat(planner.plan(640, 480, step("w-100,h-100")).padded()).isFalse();
  }

  @Test
  void plan_chainFeedsEachOutputIntoTheNextStep() {
    Transformation t =
        ParserAssertions.parse(
            "w-500:h-100:w-400,h-400,cm-pad_resize:w-100,h-50,cm-extract,fo-bottom");
    int[] size = {1000, 500};
    List<String> sizes = new java.util.ArrayList<>();
    for (Step s : t.steps()) {
      ResizePlan plan = planner.plan(size[0], size[1], s);
      size = new int[] {plan.canvasWidth(), plan.canvasHeight()};
      sizes.add(size(size[0], size[1]));
    }
    assertThat(sizes).containsExactly("500x250", "200x100", "400x400", "100x50");
  }

  @Test
  void plan_sizesOverlayByItsOwnDimensions() {
    Overlay logo = ParserAssertions.step("l-image,i-logo.png,w-100,l-end").overlays().get(0);
    ResizePlan plan = planner.plan(400, 200, logo.effectiveStep());
    assertThat(size(plan.canvasWidth(), plan.canvasHeight())).isEqualTo("100x50");
    Overlay half = ParserAssertions.step("oi-logo.png,ow-0.5").overlays().get(0);
    assertThat(planner.plan(400, 200, half.effectiveStep()).canvasWidth()).isEqualTo(200);
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "4000x3000 | w-0.9,dpr-5 | w-0.9 with dpr-5 gives 18000 pixels, above the limit of 8192",
        "100x10000 | w-1000 | resulting h would be 100000 pixels",
        "10000x100 | h-1000 | resulting w would be 100000 pixels",
        "100x10000 | w-8000,h-100,c-at_least | resulting h would be 800000 pixels",
        "100x10000 | w-100,cm-extract | extracted region would be 100x10000 pixels",
        "100x100 | w-1,h-8000,cm-pad_extract,dpr-2 | h-8000 with dpr-2 gives 16000 pixels",
        "1x1000000000 | w-8000,h-8000 | would stretch this image's other side",
        "1000x1000 | h-10,ar-1000-1 | resulting w would be 10000 pixels",
      })
  void plan_rejectsOutputAboveMaxDimension(String source, String transformation, String message) {
    int[] src = size(source);
    // Steps are built leniently here: the parser would reject some of these already.
    Step s =
        new TransformationParser(java.util.Map.of(), Limits.defaults().withMaxDimension(1_000_000))
            .parse(transformation)
            .steps()
            .get(0);
    assertThatThrownBy(() -> planner.plan(src[0], src[1], s))
        .isInstanceOfSatisfying(
            ImageGateException.class,
            e -> {
              assertThat(e.failure()).isEqualTo(Failure.BAD_TRANSFORMATION);
              assertThat(e.getMessage()).contains(message);
            });
  }

  @Test
  void plan_acceptsExactlyMaxDimension() {
    ResizePlan plan = planner.plan(100, 100, step("w-8192,h-8192"));
    assertThat(plan.canvasWidth()).isEqualTo(8192);
  }

  @Test
  void plan_rejectsEmptySource() {
    assertThatThrownBy(() -> planner.plan(0, 10, step("w-1")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** Holds for every plan: the crop lies in the scaled image and its mapping in the source. */
  @Test
  void onInput_keepsTheOutputAndRescalesTheSourceRegion() {
    ResizePlan full = planner.plan(1600, 1200, step("w-300,h-300"));
    ResizePlan reduced = full.onInput(400, 300);
    assertThat(reduced.sourceWidth()).isEqualTo(400);
    assertThat(reduced.sourceHeight()).isEqualTo(300);
    assertThat(reduced.crop()).isEqualTo(full.crop());
    assertThat(size(reduced.canvasWidth(), reduced.canvasHeight())).isEqualTo("300x300");
    Rect f = full.sourceRegion();
    Rect r = reduced.sourceRegion();
    assertThat(size(f.width(), f.height())).isEqualTo("1200x1200");
    assertThat(r).isEqualTo(new Rect(f.x() / 4, f.y() / 4, f.width() / 4, f.height() / 4));
    assertThat(full.onInput(1600, 1200)).isSameAs(full);
    assertInvariants(reduced);
  }

  public static void assertInvariants(ResizePlan p) {
    Rect c = p.crop();
    assertThat(c.x()).isBetween(0, p.scaledWidth() - c.width());
    assertThat(c.y()).isBetween(0, p.scaledHeight() - c.height());
    Rect s = p.sourceRegion();
    assertThat(s.x() + s.width()).isLessThanOrEqualTo(p.sourceWidth());
    assertThat(s.y() + s.height()).isLessThanOrEqualTo(p.sourceHeight());
    assertThat(p.offsetX()).isBetween(0, p.canvasWidth() - c.width());
    assertThat(p.offsetY()).isBetween(0, p.canvasHeight() - c.height());
  }

  private static int[] size(String text) {
    String[] parts = text.split("x");
    return new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1])};
  }

  private static String size(int w, int h) {
    return w + "x" + h;
  }

  private static String rect(Rect r) {
    return r.x() + "," + r.y() + "," + r.width() + "," + r.height();
  }
}
