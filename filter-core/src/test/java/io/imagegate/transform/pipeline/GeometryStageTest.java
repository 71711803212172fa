package io.imagegate.transform.pipeline;

import static io.imagegate.testing.TestImages.gradient;
import static io.imagegate.testing.TestImages.quadrants;
import static io.imagegate.transform.pipeline.Pictures.sourceX;
import static io.imagegate.transform.pipeline.Pictures.sourceY;
import static io.imagegate.transform.pipeline.Pictures.step;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.imagegate.limits.Limits;
import io.imagegate.testing.ImageMetrics;
import io.imagegate.transform.geometry.GeometryPlanner;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every resize and crop mode against ImageKit's documented results, on a 400x200 gradient whose
 * pixels say where they came from (red = source column, green = source row) and on four colour
 * quadrants.
 */
class GeometryStageTest {
  private static final int W = 400;
  private static final int H = 200;

  /** Source pixels a resampled edge pixel may lie from the ideal position. */
  private static final double TOLERANCE = 3;

  private final GeometryStage stage = new GeometryStage(new GeometryPlanner(Limits.defaults()));
  private final BufferedImage source = gradient(W, H);

  private BufferedImage apply(String transformation) {
    return stage.apply(source, step(transformation));
  }

  /** The output's left/right edge columns come from these source columns, top/bottom rows too. */
  private static void assertKeeps(
      BufferedImage out, double left, double right, double top, double bottom) {
    int midX = out.getWidth() / 2;
    int midY = out.getHeight() / 2;
    assertThat(sourceX(out, 0, midY, W)).as("left edge").isCloseTo(left, within(TOLERANCE));
    assertThat(sourceX(out, out.getWidth() - 1, midY, W))
        .as("right edge")
        .isCloseTo(right, within(TOLERANCE));
    assertThat(sourceY(out, midX, 0, H)).as("top edge").isCloseTo(top, within(TOLERANCE));
    assertThat(sourceY(out, midX, out.getHeight() - 1, H))
        .as("bottom edge")
        .isCloseTo(bottom, within(TOLERANCE));
  }

  @Test
  void squareOnWideImage_isExactSizeCroppedAroundCentre() {
    BufferedImage out = apply("w-300,h-300");
    assertThat(out.getWidth()).isEqualTo(300);
    assertThat(out.getHeight()).isEqualTo(300);
    // Scaled to 600x300, the middle 300 columns kept: source columns 100..300.
    assertKeeps(out, 100, 299, 0, 199);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "fo-left, 0, 199",
    "fo-right, 200, 399",
    "fo-top_left, 0, 199",
    "fo-bottom_right, 200, 399",
    "fo-center, 100, 299",
    "fo-top, 100, 299"
  })
  void focus_keepsTheNamedSideOfAWideImage(String focus, double left, double right) {
    BufferedImage out = apply("w-300,h-300," + focus);
    assertThat(out.getWidth()).isEqualTo(300);
    assertThat(out.getHeight()).isEqualTo(300);
    assertKeeps(out, left, right, 0, 199);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "fo-top, 0, 133",
    "fo-bottom, 67, 199",
    "fo-center, 33, 166",
    "fo-left, 33, 166",
    "fo-bottom_left, 67, 199"
  })
  void focus_keepsTheNamedSideOfATallCrop(String focus, double top, double bottom) {
    // Scaled to 300x150, 100 of the 150 rows are kept.
    BufferedImage out = apply("w-300,h-100," + focus);
    assertThat(out.getWidth()).isEqualTo(300);
    assertThat(out.getHeight()).isEqualTo(100);
    assertKeeps(out, 0, 399, top, bottom);
  }

  @Test
  void force_squashesAndKeepsAllFourQuadrants() {
    BufferedImage out = stage.apply(quadrants(W, H), step("w-100,h-100,c-force"));
    assertThat(out.getWidth()).isEqualTo(100);
    assertThat(out.getHeight()).isEqualTo(100);
    assertThat(out.getRGB(25, 25) & 0xFFFFFF).isEqualTo(0xFF0000);
    assertThat(out.getRGB(75, 25) & 0xFFFFFF).isEqualTo(0x00FF00);
    assertThat(out.getRGB(25, 75) & 0xFFFFFF).isEqualTo(0x0000FF);
    assertThat(out.getRGB(75, 75) & 0xFFFFFF).isEqualTo(0xFFFF00);
  }

  @ParameterizedTest(name = "{0} -> {1}x{2}")
  @CsvSource({
    "'w-200,h-200,c-at_max', 200, 100",
    "'w-800,h-800,c-at_max', 400, 200",
    "'w-800,h-800,c-at_max_enlarge', 800, 400",
    "'w-300,h-300,c-at_least', 600, 300",
    "'w-100,h-300,c-at_least', 600, 300",
    "'w-200', 200, 100",
    "'h-50', 100, 50",
    "'w-0.5', 200, 100",
    "'h-0.5', 200, 100",
    "'w-0.5,h-0.25', 200, 50",
    "'w-320,ar-16-9', 320, 180",
    "'h-90,ar-16-9', 160, 90",
    "'w-100,dpr-2', 200, 100",
    "'w-100,h-100,dpr-2', 200, 200",
    "'w-0.5,dpr-2', 400, 200",
    "'w-300,h-300,cm-pad_resize', 300, 300",
    "'w-100,h-50,cm-extract', 100, 50",
    "'w-500,h-100,cm-pad_extract', 500, 100"
  })
  void size_asImageKitDocumentsIt(String transformation, int width, int height) {
    BufferedImage out = apply(transformation);
    assertThat(out.getWidth()).isEqualTo(width);
    assertThat(out.getHeight()).isEqualTo(height);
  }

  @Test
  void fitModes_keepTheWholeImage() {
    assertKeeps(apply("w-200,h-200,c-at_max"), 0, 399, 0, 199);
    assertKeeps(apply("w-800,h-800,c-at_max_enlarge"), 0, 399, 0, 199);
    assertKeeps(apply("w-300,h-300,c-at_least"), 0, 399, 0, 199);
  }

  @Test
  void atMax_leavesASmallerImageAlone() {
    assertThat(apply("w-800,h-800,c-at_max")).isSameAs(source);
  }

  @Test
  void padResize_padsAboveAndBelowWithWhite() {
    BufferedImage out = apply("w-300,h-300,cm-pad_resize");
    // The image fits as 300x150, centred: rows 75..224.
    assertThat(out.getRGB(150, 10)).isEqualTo(0xFFFFFFFF);
    assertThat(out.getRGB(150, 74)).isEqualTo(0xFFFFFFFF);
    assertThat(out.getRGB(150, 289)).isEqualTo(0xFFFFFFFF);
    assertThat(sourceY(out, 150, 76, H)).isCloseTo(0, within(TOLERANCE));
    assertThat(sourceY(out, 150, 223, H)).isCloseTo(199, within(TOLERANCE));
    assertThat(sourceX(out, 0, 150, W)).isCloseTo(0, within(TOLERANCE));
    assertThat(sourceX(out, 299, 150, W)).isCloseTo(399, within(TOLERANCE));
  }

  @Test
  void padResize_withFocusLeft_placesTheImageLeft() {
    BufferedImage out = apply("w-400,h-100,cm-pad_resize,fo-left");
    // Fits as 200x100 at x = 0; the right half is padding.
    assertThat(sourceX(out, 0, 50, W)).isCloseTo(0, within(TOLERANCE));
    assertThat(sourceX(out, 199, 50, W)).isCloseTo(399, within(TOLERANCE));
    assertThat(out.getRGB(200, 50)).isEqualTo(0xFFFFFFFF);
    assertThat(out.getRGB(399, 50)).isEqualTo(0xFFFFFFFF);
  }

  @Test
  void padResize_centresByDefault_andPadsWithBg() {
    BufferedImage out = apply("w-400,h-100,cm-pad_resize,bg-FF0000");
    assertThat(out.getRGB(50, 50)).isEqualTo(0xFFFF0000);
    assertThat(out.getRGB(350, 50)).isEqualTo(0xFFFF0000);
    assertThat(out.getRGB(99, 50)).isEqualTo(0xFFFF0000);
    assertThat(sourceX(out, 100, 50, W)).isCloseTo(0, within(TOLERANCE));
    assertThat(sourceX(out, 299, 50, W)).isCloseTo(399, within(TOLERANCE));
    assertThat(out.getRGB(300, 50)).isEqualTo(0xFFFF0000);
  }

  @Test
  void extract_cutsUnscaledAtXy() {
    BufferedImage out = apply("w-100,h-50,cm-extract,x-20,y-30");
    assertThat(out.getRGB(0, 0)).isEqualTo(source.getRGB(20, 30));
    assertThat(out.getRGB(99, 49)).isEqualTo(source.getRGB(119, 79));
  }

  @Test
  void extract_cutsUnscaledAroundXcYc() {
    BufferedImage out = apply("w-100,h-50,cm-extract,xc-200,yc-100");
    assertThat(out.getRGB(0, 0)).isEqualTo(source.getRGB(150, 75));
    assertThat(out.getRGB(50, 25)).isEqualTo(source.getRGB(200, 100));
  }

  @Test
  void extract_withFocus_cutsAtTheNamedCorner() {
    BufferedImage out = apply("w-100,h-50,cm-extract,fo-bottom_right");
    assertThat(out.getRGB(0, 0)).isEqualTo(source.getRGB(300, 150));
    assertThat(out.getRGB(99, 49)).isEqualTo(source.getRGB(399, 199));
  }

  @Test
  void padExtract_padsWhereTheRegionIsLargerThanTheImage() {
    BufferedImage out = apply("w-500,h-100,cm-pad_extract");
    // Across: the whole 400 columns centred in 500; down: rows 50..149.
    assertThat(out.getRGB(0, 50)).isEqualTo(0xFFFFFFFF);
    assertThat(out.getRGB(49, 50)).isEqualTo(0xFFFFFFFF);
    assertThat(out.getRGB(50, 0)).isEqualTo(source.getRGB(0, 50));
    assertThat(out.getRGB(449, 99)).isEqualTo(source.getRGB(399, 149));
    assertThat(out.getRGB(450, 50)).isEqualTo(0xFFFFFFFF);
  }

  @Test
  void dpr_doublesTheSameView() {
    BufferedImage one = apply("w-150,h-150");
    BufferedImage two = apply("w-150,h-150,dpr-2");
    assertThat(two.getWidth()).isEqualTo(300);
    assertKeeps(one, 100, 299, 0, 199);
    assertKeeps(two, 100, 299, 0, 199);
  }

  @Test
  void stepWithoutSize_returnsTheInputItself() {
    assertThat(apply("e-grayscale")).isSameAs(source);
  }

  @Test
  void input_isNeverModified() {
    BufferedImage copy = gradient(W, H);
    apply("w-300,h-300,cm-pad_resize,bg-00FF00");
    apply("w-100,h-50,cm-extract,x-20,y-30");
    assertThat(ImageMetrics.meanAbsDiff(copy, source)).isZero();
  }

  @Test
  void decoderLayouts_cropAndScaleLikePackedInts() {
    for (int type :
        new int[] {
          BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_4BYTE_ABGR, BufferedImage.TYPE_BYTE_GRAY
        }) {
      BufferedImage other = new BufferedImage(W, H, type);
      other.getGraphics().drawImage(source, 0, 0, null);
      BufferedImage expected = stage.apply(convert(other), step("w-150,h-150,fo-right"));
      BufferedImage actual = stage.apply(other, step("w-150,h-150,fo-right"));
      assertThat(ImageMetrics.meanAbsDiff(actual, expected)).as("type %d", type).isLessThan(0.5);
    }
  }

  private static BufferedImage convert(BufferedImage img) {
    BufferedImage out =
        new BufferedImage(
            img.getWidth(),
            img.getHeight(),
            img.getColorModel().hasAlpha()
                ? BufferedImage.TYPE_INT_ARGB
                : BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < img.getHeight(); y++) {
      for (int x = 0; x < img.getWidth(); x++) {
        if (img.getType() == BufferedImage.TYPE_BYTE_GRAY) {
          int v = img.getRaster().getSample(x, y, 0); // grey is read as encoded, not as linear
          out.setRGB(x, y, 0xFF000000 | v << 16 | v << 8 | v);
        } else {
          out.setRGB(x, y, img.getRGB(x, y));
        }
      }
    }
    return out;
  }
}
