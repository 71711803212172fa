package io.imagegate.transform.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.imagegate.limits.Limits;
import io.imagegate.source.ImageFormat;
import io.imagegate.testing.ImageMetrics;
import io.imagegate.transform.Transformation;
import io.imagegate.transform.TransformationParser;
import io.imagegate.transform.codec.ImageCodecs;
import io.imagegate.transform.pipeline.ImagePipeline;
import io.imagegate.transform.pipeline.OverlayImages;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A thumbnail rendered from a reduced (shrink-on-load) decode has the same geometry as one from the
 * full decode, looks the same, and shows no moiré where the full decode shows none.
 */
class VariantRendererShrinkOnLoadTest {
  private static final OverlayImages NO_OVERLAYS =
      path -> {
        throw new AssertionError("no overlay expected");
      };

  /**
   * Stripe periods in source pixels, one horizontal band each, all far above what a 9x smaller
   * thumbnail can show. 2.9 and 3.2 alias badly under 3x point subsampling (the control); a 3x3 box
   * leaves a few percent of them, in the full decode (the resampler's own box pre-reduction) and
   * the reduced one alike.
   */
  private static final double[] PERIODS = {2, 2.4, 2.9, 3.2, 4.5, 7};

  @TempDir static Path dir;
  private static Path stripes;
  private static Path photo;

  private final VariantRenderer fast = new VariantRenderer(Limits.defaults());
  private final VariantRenderer full = new VariantRenderer(Limits.defaults(), false);
  private final VariantRenderer reducedImage = new VariantRenderer(Limits.defaults(), true, false);

  @BeforeAll
  static void writeSources() {
    stripes = write("stripes.jpg", jpeg(stripes(2700, 1800), 0.95f, true));
    photo = write("photo.jpg", jpeg(photoLike(4928, 3264), 0.85f, false));
  }

  @Test
  void fineStripes_averageToFlatGreyThroughTheReducedDecode() {
    BufferedImage reduced = render(fast, stripes, "w-300,h-200");
    BufferedImage reference = render(full, stripes, "w-300,h-200");
    BufferedImage pointSampled = pointSampledThumbnail(stripes, 3, "w-300,h-200");

    double worstControl = 0;
    for (int band = 0; band < PERIODS.length; band++) {
      double fastStd = bandStdDev(reduced, band);
      double fullStd = bandStdDev(reference, band);
      assertThat(fastStd)
          .as("period %s", PERIODS[band])
          .isLessThanOrEqualTo(Math.max(1.5, fullStd + 1));
      worstControl = Math.max(worstControl, bandStdDev(pointSampled, band));
    }
    assertThat(worstControl).as("the control: point subsampling shows moiré").isGreaterThan(5);
  }

  @Test
  void sixteenMegapixelThumbnail_matchesTheFullDecodeAndAllocatesFarLess() {
    render(fast, photo, "w-300,h-300"); // warm up

    long before = allocatedBytes();
    BufferedImage reduced = render(fast, photo, "w-300,h-300");
    long fastAllocation = allocatedBytes() - before;
    before = allocatedBytes();
    BufferedImage reference = render(full, photo, "w-300,h-300");
    long fullAllocation = allocatedBytes() - before;

    assertThat(reduced.getWidth()).isEqualTo(300);
    assertThat(reduced.getHeight()).isEqualTo(300);
    assertThat(ImageMetrics.psnr(reduced, reference)).isGreaterThan(35);
    // Java's box path keeps 1/3 per side here, libjpeg-turbo's power-of-two DCT scaling 1/2.
    long bound = fullAllocation / (ImageCodecs.nativeJpeg() ? 2 : 4);
    assertThat(fastAllocation).as("the reduced decode was used").isLessThan(bound);
  }

  /**
   * Transformations that take the reduced decode (plain shrinks, crops, padding, later steps) and
   * some that must not (fo-auto, extraction, trim): either way the result must not change.
   */
  static Stream<String> transformations() {
    return Stream.of(
        "w-300,h-300",
        "w-300",
        "h-200",
        "w-400,h-150,c-force",
        "w-300,h-300,cm-pad_resize,bg-FF0000",
        "w-300,h-300,c-at_max",
        "w-300,h-300,fo-top_left",
        "w-300,h-200:rt-90",
        "w-300,h-300,dpr-2",
        "w-0.05",
        "w-300,h-300,fo-auto",
        "w-500,h-500,cm-extract,x-10,y-10",
        "w-300:w-100,h-100",
        "t-true,w-300");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("transformations")
  void geometry_isTheSameAsWithTheFullDecode(String transformation) {
    BufferedImage reduced = render(fast, photo, transformation);
    BufferedImage reference = render(full, photo, transformation);

    assertThat(reduced.getWidth()).isEqualTo(reference.getWidth());
    assertThat(reduced.getHeight()).isEqualTo(reference.getHeight());
    assertThat(ImageMetrics.psnr(reduced, reference)).isGreaterThan(35);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("transformations")
  void resizeOnLoad_givesExactlyThePixelsOfResamplingTheReducedDecode(String transformation) {
    // Resampling the region straight from the decoder's buffer is the same filter on the same
    // pixels as the pipeline's resample of a view of the reduced image: equal to the last bit.
    assumeTrue(ImageCodecs.nativeJpeg(), "libjpeg-turbo is not loaded: no native buffer");
    ImageMetrics.assertSamePixels(
        render(fast, photo, transformation), render(reducedImage, photo, transformation));
    ImageMetrics.assertSamePixels(
        render(fast, stripes, transformation), render(reducedImage, stripes, transformation));
  }

  @Test
  void aHelperThreadTakesHalfTheFirstResample_withTheSamePixels() {
    assumeTrue(ImageCodecs.nativeJpeg(), "libjpeg-turbo is not loaded: no native buffer");
    try (RenderHelper helper = RenderHelper.withThreads(1)) {
      VariantRenderer shared = new VariantRenderer(Limits.defaults(), helper);
      ImageMetrics.assertSamePixels(
          render(shared, photo, "w-300,h-300"), render(fast, photo, "w-300,h-300"));
      assertThat(helper.threads()).as("the helper took its half").isEqualTo(1);
    }
  }

  @Test
  void resizeOnLoad_neverCopiesTheReducedDecodeIntoTheHeap() {
    assumeTrue(ImageCodecs.nativeJpeg(), "libjpeg-turbo is not loaded: no native buffer");
    render(fast, photo, "w-300,h-300"); // warm up
    render(reducedImage, photo, "w-300,h-300");

    long before = allocatedBytes();
    render(fast, photo, "w-300,h-300");
    long fused = allocatedBytes() - before;
    before = allocatedBytes();
    render(reducedImage, photo, "w-300,h-300");
    long copied = allocatedBytes() - before;

    // The 1/2 decode of 4928x3264 is 2464x1632 ints: 16 MB the fused path never allocates.
    long decoded = 2464L * 1632 * 4;
    assertThat(copied - fused).as("heap bytes saved").isGreaterThan(decoded * 9 / 10);
  }

  private static BufferedImage render(
      VariantRenderer renderer, Path source, String transformation) {
    Transformation parsed =
        new TransformationParser(Map.of(), Limits.defaults()).parse(transformation);
    Variant variant = renderer.render(source, parsed, ImageFormat.PNG, NO_OVERLAYS);
    try {
      return ImageIO.read(new ByteArrayInputStream(variant.bytes()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What plain ImageIO subsampling gives: every k-th pixel, then the same resize. */
  private static BufferedImage pointSampledThumbnail(Path source, int k, String transformation) {
    try (ImageInputStream in = ImageIO.createImageInputStream(source.toFile())) {
      ImageReader reader = ImageIO.getImageReaders(in).next();
      reader.setInput(in);
      ImageReadParam param = reader.getDefaultReadParam();
      param.setSourceSubsampling(k, k, 0, 0);
      BufferedImage sampled = reader.read(0, param);
      reader.dispose();
      BufferedImage rgb =
          new BufferedImage(sampled.getWidth(), sampled.getHeight(), BufferedImage.TYPE_INT_RGB);
      Graphics2D g = rgb.createGraphics();
      g.drawImage(sampled, 0, 0, null);
      g.dispose();
      Transformation parsed =
          new TransformationParser(Map.of(), Limits.defaults()).parse(transformation);
      return new ImagePipeline(Limits.defaults()).apply(rgb, parsed, NO_OVERLAYS);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Vertical black/white cosine stripes, one period per horizontal band. */
  private static BufferedImage stripes(int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    int[] px = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
    for (int y = 0; y < height; y++) {
      double period = PERIODS[y * PERIODS.length / height];
      for (int x = 0; x < width; x++) {
        int v = (int) Math.round(127.5 + 127.5 * Math.cos(2 * Math.PI * x / period));
        px[y * width + x] = v << 16 | v << 8 | v;
      }
    }
    return image;
  }

  /** Luma standard deviation inside a band of the thumbnail, away from its edges. */
  private static double bandStdDev(BufferedImage image, int band) {
    int top = image.getHeight() * band / PERIODS.length + 8;
    int bottom = image.getHeight() * (band + 1) / PERIODS.length - 8;
    double sum = 0;
    double squares = 0;
    int n = 0;
    for (int y = top; y < bottom; y++) {
      for (int x = 8; x < image.getWidth() - 8; x++) {
        int p = image.getRGB(x, y);
        double luma = 0.299 * ((p >> 16) & 0xFF) + 0.587 * ((p >> 8) & 0xFF) + 0.114 * (p & 0xFF);
        sum += luma;
        squares += luma * luma;
        n++;
      }
    }
    double mean = sum / n;
    return Math.sqrt(Math.max(0, squares / n - mean * mean));
  }

  /** Smooth gradients, hard-edged tiles and noise: something like a photo. */
  private static BufferedImage photoLike(int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    int[] px = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
    Random random = new Random(11);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        int r = 40 + 160 * x / width + random.nextInt(24);
        int g = 30 + 180 * y / height + random.nextInt(24);
        int b = (x / 97 + y / 61) % 3 == 0 ? 220 : 60 + (int) (50 * Math.sin(x * 0.02 + y * 0.013));
        px[y * width + x] = r << 16 | g << 8 | Math.min(255, b);
      }
    }
    return image;
  }

  private static byte[] jpeg(BufferedImage image, float quality, boolean progressive) {
    Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
    ImageWriter writer = writers.next();
    ImageWriteParam param = writer.getDefaultWriteParam();
    param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
    param.setCompressionQuality(quality);
    if (progressive) {
      param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
    }
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
      writer.setOutput(out);
      writer.write(null, new IIOImage(image, null, null), param);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      writer.dispose();
    }
    return bytes.toByteArray();
  }

  private static Path write(String name, byte[] bytes) {
    try {
      return Files.write(dir.resolve(name), bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static long allocatedBytes() {
    return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
        .getCurrentThreadAllocatedBytes();
  }
}
