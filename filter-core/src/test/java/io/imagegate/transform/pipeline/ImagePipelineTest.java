package io.imagegate.transform.pipeline;

import static io.imagegate.testing.ImageMetrics.lumaStdDev;
import static io.imagegate.testing.TestImages.gradient;
import static io.imagegate.testing.TestImages.solid;
import static io.imagegate.transform.pipeline.Pictures.alpha;
import static io.imagegate.transform.pipeline.Pictures.blue;
import static io.imagegate.transform.pipeline.Pictures.green;
import static io.imagegate.transform.pipeline.Pictures.loader;
import static io.imagegate.transform.pipeline.Pictures.noOverlays;
import static io.imagegate.transform.pipeline.Pictures.parse;
import static io.imagegate.transform.pipeline.Pictures.red;
import static io.imagegate.transform.pipeline.Pictures.sourceX;
import static io.imagegate.transform.pipeline.Pictures.sourceY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.imagegate.failure.Failure;
import io.imagegate.failure.ImageGateException;
import io.imagegate.limits.Limits;
import io.imagegate.testing.ImageMetrics;
import io.imagegate.testing.TestImages;
import io.imagegate.transform.Transformation;
import io.imagegate.transform.geometry.DecodePlan;
import io.imagegate.transform.geometry.GeometryPlanner;
import io.imagegate.transform.geometry.ResizePlan;
import java.awt.image.BufferedImage;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Whole transformations: chains, orig-true, stage order, transparency and the size limit. */
class ImagePipelineTest {
  private final ImagePipeline pipeline = new ImagePipeline(Limits.defaults());
  private final BufferedImage source = gradient(400, 200);

  private BufferedImage apply(String transformation) {
    return pipeline.apply(source, parse(transformation), noOverlays());
  }

  @Test
  void chain_resizesThenRotates() {
    BufferedImage out = apply("w-200:rt-90");
    assertThat(out.getWidth()).isEqualTo(100);
    assertThat(out.getHeight()).isEqualTo(200);
    // Clockwise: the source's bottom-left corner is now top-left.
    assertThat(sourceX(out, 0, 0, 400)).isCloseTo(0, within(4.0));
    assertThat(sourceY(out, 0, 0, 200)).isCloseTo(199, within(4.0));
  }

  @Test
  void chain_eachStepSeesThePreviousOutput() {
    // w-0.5 of 400 is 200, then w-0.5 of 200 is 100.
    BufferedImage out = apply("w-0.5:w-0.5");
    assertThat(out.getWidth()).isEqualTo(100);
    assertThat(out.getHeight()).isEqualTo(50);
  }

  @Test
  void original_returnsTheInputItself() {
    assertThat(apply("orig-true")).isSameAs(source);
    assertThat(pipeline.apply(source, Transformation.empty(), noOverlays())).isSameAs(source);
  }

  @Test
  void original_ignoresOverlaysToo() {
    assertThat(apply("w-100,oi-logo.png:orig-true")).isSameAs(source);
  }

  @ParameterizedTest(name = "{0} -> {1}x{2}")
  @CsvSource({
    "'w-200,b-5_FF0000', 210, 110",
    "'w-200,h-100,rt-90,b-2_000000', 104, 204",
    "'w-200,e-grayscale', 200, 100",
    "'w-200,bl-3,e-sharpen,e-contrast', 200, 100",
    "'w-200,r-max', 200, 100",
    "'t-true,w-100', 100, 50"
  })
  void stages_applyInOrder(String transformation, int width, int height) {
    BufferedImage out = apply(transformation);
    assertThat(out.getWidth()).isEqualTo(width);
    assertThat(out.getHeight()).isEqualTo(height);
  }

  @Test
  void effects_actOnTheResizedImage() {
    BufferedImage grey = apply("w-200,e-grayscale");
    int p = grey.getRGB(150, 80);
    assertThat(red(p)).isEqualTo(green(p)).isEqualTo(blue(p));
    BufferedImage sharp =
        pipeline.apply(TestImages.quadrants(200, 200), parse("w-100,bl-10"), noOverlays());
    assertThat(lumaStdDev(sharp, 40, 40, 20, 20)).isGreaterThan(5); // the centre is blurred
  }

  @Test
  void radiusThenBorder_framesTheRoundedImage() {
    BufferedImage out = apply("w-200,r-20,b-3_FF0000");
    assertThat(out.getRGB(0, 0)).isEqualTo(0xFFFF0000);
    assertThat(alpha(out.getRGB(4, 4))).isZero();
    assertThat(alpha(out.getRGB(100, 50))).isEqualTo(255);
  }

  @Test
  void padding_withTranslucentBg_keepsTransparency() {
    BufferedImage out = apply("w-300,h-300,cm-pad_resize,bg-00000000");
    assertThat(out.getColorModel().hasAlpha()).isTrue();
    assertThat(alpha(out.getRGB(150, 10))).isZero();
    assertThat(alpha(out.getRGB(150, 150))).isEqualTo(255);
    BufferedImage half = apply("w-300,h-300,cm-pad_resize,bg-FF000050");
    assertThat(half.getRGB(150, 10)).isEqualTo(0x80FF0000);
  }

  @Test
  void padding_ofATransparentSource_keepsItsTransparency() {
    BufferedImage clear = solid(100, 50, 0x00000000, BufferedImage.TYPE_INT_ARGB);
    BufferedImage out = pipeline.apply(clear, parse("w-100,h-100,cm-pad_resize"), noOverlays());
    assertThat(out.getRGB(50, 10)).isEqualTo(0xFFFFFFFF);
    assertThat(alpha(out.getRGB(50, 50))).isZero();
  }

  @Test
  void input_isNeverModified() {
    apply("w-300,h-300,fo-auto,rt-45,bl-2,e-grayscale,e-sharpen,e-contrast,r-10,b-2_00FF00");
    assertThat(ImageMetrics.meanAbsDiff(source, gradient(400, 200))).isZero();
  }

  // The size limit, with a pipeline allowing at most 500 px.

  private final ImagePipeline small = new ImagePipeline(Limits.defaults().withMaxDimension(500));

  private ImageGateException refusal(BufferedImage image, String transformation) {
    Transformation t =
        new io.imagegate.transform.TransformationParser(Map.of(), Limits.defaults())
            .parse(transformation);
    try {
      small.apply(image, t, loader(Map.of("logo.png", solid(80, 40, 0xFFFFFFFF))));
    } catch (ImageGateException e) {
      assertThat(e.failure()).isEqualTo(Failure.BAD_TRANSFORMATION);
      return e;
    }
    throw new AssertionError("expected a 400 for " + transformation);
  }

  @ParameterizedTest(name = "{0} names {1}")
  @CsvSource({
    "'w-600', w-600",
    "'w-400,h-400,rt-45', rt-45",
    "'w-450,b-30_FF0000', b-30_FF0000",
    "'w-400:rt-45:rt-45', rt-45",
    "'w-200,dpr-2,oi-logo.png,ow-300', 'width of 300'",
    "'w-480:w-480,h-480,c-at_least', 'limit of 500'"
  })
  void limit_refusesWhatWouldGrowTooLarge(String transformation, String named) {
    assertThat(refusal(source, transformation))
        .hasMessageContaining(named)
        .hasMessageContaining("500");
  }

  @Test
  void limit_letsAnOversizedSourcePassWithoutGrowing() {
    BufferedImage wide = gradient(600, 40);
    BufferedImage out = small.apply(wide, parse("e-grayscale,r-5"), noOverlays());
    assertThat(out.getWidth()).isEqualTo(600);
    assertThat(refusal(wide, "rt-90")).hasMessageContaining("rt-90");
  }

  @Test
  void nullArguments_areRejected() {
    assertThatThrownBy(() -> pipeline.apply(null, Transformation.empty(), noOverlays()))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void apply_followsTheRenderersPlan_andIwMeansTheSource_onAReducedDecode() {
    // The source is 1600x800; the decoder delivered a 1/4 reduction (400x200).
    Transformation t = parse("w-300,h-100:w-iw_div_8");
    ResizePlan onSource = new GeometryPlanner(Limits.defaults()).plan(1600, 800, t.steps().get(0));
    DecodePlan planned = new DecodePlan(1600, 800, onSource.onInput(400, 200));
    BufferedImage out = pipeline.apply(source, t, noOverlays(), planned);
    // iw is the source's 1600, not the decoded 400: the second step makes it 200 wide.
    assertThat(out.getWidth()).isEqualTo(200);
    BufferedImage firstOnly = pipeline.apply(source, parse("w-300,h-100"), noOverlays(), planned);
    assertThat(firstOnly.getWidth()).isEqualTo(onSource.canvasWidth());
    assertThat(firstOnly.getHeight()).isEqualTo(onSource.canvasHeight());
    assertThat(lumaStdDev(firstOnly, 0, 0, firstOnly.getWidth(), firstOnly.getHeight()))
        .isGreaterThan(0);
  }
}
