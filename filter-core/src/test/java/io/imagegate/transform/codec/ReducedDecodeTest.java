package io.imagegate.transform.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imagegate.failure.Failure;
import io.imagegate.failure.ImageGateException;
import io.imagegate.limits.Limits;
import io.imagegate.testing.ImageMetrics;
import io.imagegate.testing.TestImages;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.FileImageInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Shrink-on-load on the pure-Java backend ({@link ImageCodecs#decode(Path, Limits, int, int)}): a
 * JPEG decoded straight into its box-averaged reduction is the full decode averaged over the same
 * boxes, upright and in sRGB, without the full image ever being allocated.
 */
class ReducedDecodeTest {
  /** These tests are about the Java box path; the native path is covered by NativeCodecsTest. */
  private static final String INITIAL = System.getProperty(NativeCodecs.PROPERTY);

  @org.junit.jupiter.api.BeforeAll
  static void javaBackend() {
    System.setProperty(NativeCodecs.PROPERTY, "java");
    NativeCodecs.reloadForTests();
  }

  @org.junit.jupiter.api.AfterAll
  static void defaultBackend() {
    if (INITIAL == null) {
      System.clearProperty(NativeCodecs.PROPERTY);
    } else {
      System.setProperty(NativeCodecs.PROPERTY, INITIAL);
    }
    NativeCodecs.reloadForTests();
  }

  private static final int BIG_W = 4928;
  private static final int BIG_H = 3264;

  @TempDir static Path shared;
  private static Path bigJpeg;

  @TempDir Path dir;

  @BeforeAll
  static void writeSixteenMegapixelJpeg() {
    bigJpeg =
        CodecFixtures.write(
            shared, "16mp.jpg", CodecFixtures.jdkJpeg(photoLike(BIG_W, BIG_H, 7), 0.85f));
  }

  @Test
  void decode_reducesSixteenMegapixelJpegAndAllocatesOnlyTheReducedImage() {
    ImageCodecs.decode(bigJpeg, Limits.defaults(), 1500, 1000); // warm up classes and natives

    long before = allocatedBytes();
    DecodedImage reduced = ImageCodecs.decode(bigJpeg, Limits.defaults(), 1500, 1000);
    long reducedAllocation = allocatedBytes() - before;
    before = allocatedBytes();
    DecodedImage full = ImageCodecs.decode(bigJpeg, Limits.defaults());
    long fullAllocation = allocatedBytes() - before;

    // factor min(4928 / 1500, 3264 / 1000) = 3: ceil(4928 / 3) x ceil(3264 / 3)
    assertThat(reduced.image().getWidth()).isEqualTo(1643);
    assertThat(reduced.image().getHeight()).isEqualTo(1088);
    assertThat(reduced.info().width()).isEqualTo(BIG_W);
    assertThat(reduced.info().height()).isEqualTo(BIG_H);
    long fullIntImage = 4L * BIG_W * BIG_H;
    assertThat(fullAllocation)
        .as("the control: a full decode holds the 64 MB INT image")
        .isGreaterThan(fullIntImage);
    assertThat(reducedAllocation)
        .as("reduced image (7 MB) plus line buffers")
        .isLessThan(fullIntImage / 4);
    assertThat(full.image().getWidth()).isEqualTo(BIG_W);
  }

  @ParameterizedTest(name = "progressive {0}")
  @ValueSource(booleans = {false, true})
  void decode_reducedImageIsTheBoxAverageOfTheFullDecode(boolean progressive) {
    Path file = CodecFixtures.write(dir, "p.jpg", jpeg(photoLike(1203, 802, 3), 0.9f, progressive));

    BufferedImage reduced = ImageCodecs.decode(file, Limits.defaults(), 300, 200).image();
    BufferedImage full = ImageCodecs.decode(file, Limits.defaults()).image();

    assertThat(reduced.getWidth()).isEqualTo(301); // factor 4, the last column averages 3 pixels
    assertThat(reduced.getHeight()).isEqualTo(201);
    assertThat(reduced.getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
    assertThat(ImageMetrics.psnr(reduced, boxAverage(full, 4))).isGreaterThan(50);
  }

  @ParameterizedTest(name = "orientation {0}")
  @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
  void decode_appliesExifOrientationToTheReducedImage(int orientation) {
    BufferedImage stored =
        ExifOrientationDecodeTest.storedFor(orientation, CodecFixtures.upright(960, 640));
    Path file =
        CodecFixtures.write(
            dir,
            "o.jpg",
            CodecFixtures.jpegWithExif(
                CodecFixtures.jdkJpeg(stored, 0.9f), CodecFixtures.exifOrientation(orientation)));

    DecodedImage decoded = ImageCodecs.decode(file, Limits.defaults(), 240, 160);

    BufferedImage image = decoded.image();
    assertThat(image.getWidth()).isEqualTo(240);
    assertThat(image.getHeight()).isEqualTo(160);
    assertThat(CodecFixtures.distance(image, 60, 40, CodecFixtures.RED)).isLessThan(40);
    assertThat(CodecFixtures.distance(image, 180, 40, CodecFixtures.GREEN)).isLessThan(40);
    assertThat(CodecFixtures.distance(image, 60, 120, CodecFixtures.BLUE)).isLessThan(40);
    assertThat(CodecFixtures.distance(image, 180, 120, CodecFixtures.WHITE)).isLessThan(40);
    assertThat(ExifOrientation.read(decoded.exif())).isEqualTo(1);
  }

  @Test
  void decode_appliesEmbeddedProfileToTheReducedImage() {
    byte[] raw =
        CodecFixtures.jdkJpeg(TestImages.solid(64, 64, 0xFF804020, BufferedImage.TYPE_INT_RGB), 1f);
    byte[] linear = ICC_Profile.getInstance(ColorSpace.CS_LINEAR_RGB).getData();
    Path file = CodecFixtures.write(dir, "linear.jpg", CodecFixtures.jpegWithIcc(raw, linear));

    BufferedImage reduced = ImageCodecs.decode(file, Limits.defaults(), 16, 16).image();
    BufferedImage full = ImageCodecs.decode(file, Limits.defaults()).image();

    assertThat(reduced.getWidth()).isEqualTo(16);
    assertThat(CodecFixtures.distance(reduced, 8, 8, full.getRGB(32, 32))).isLessThanOrEqualTo(3);
    assertThat(CodecFixtures.distance(reduced, 8, 8, 0xFF804020))
        .as("the profile was applied")
        .isGreaterThan(30);
  }

  @Test
  void decode_decodesCmykInFullWhateverTheMinimum() {
    Path file =
        CodecFixtures.write(
            dir, "cmyk.jpg", CmykJpegs.strip(new int[][] {{255, 0, 0, 0}, {0, 0, 0, 255}}, false));

    DecodedImage decoded = ImageCodecs.decode(file, Limits.defaults(), 1, 1);

    assertThat(decoded.image().getWidth()).isEqualTo(32);
    assertThat(decoded.image().getHeight()).isEqualTo(16);
  }

  @Test
  void decode_decodesInFullWhenNoFactorOfTwoLeavesTheMinimum() {
    Path file =
        CodecFixtures.write(
            dir, "small.jpg", CodecFixtures.jdkJpeg(CodecFixtures.upright(200, 100), 0.9f));

    BufferedImage image = ImageCodecs.decode(file, Limits.defaults(), 101, 10).image();

    assertThat(image.getWidth()).isEqualTo(200);
    assertThat(image.getHeight()).isEqualTo(100);
  }

  @Test
  void decode_decodesOtherFormatsInFull() {
    Path file =
        CodecFixtures.write(
            dir, "q.png", CodecFixtures.jdkEncode(CodecFixtures.upright(200, 100), "png"));

    assertThat(ImageCodecs.decode(file, Limits.defaults(), 10, 10).image().getWidth())
        .isEqualTo(200);
  }

  @Test
  void decode_refusesTruncatedJpegOnTheReducedPath() {
    byte[] jpeg = CodecFixtures.jdkJpeg(photoLike(800, 600, 5), 0.9f);
    Path file = CodecFixtures.write(dir, "cut.jpg", Arrays.copyOf(jpeg, jpeg.length * 2 / 3));

    assertThatThrownBy(() -> ImageCodecs.decode(file, Limits.defaults(), 100, 100))
        .isInstanceOfSatisfying(
            ImageGateException.class,
            e -> assertThat(e.failure()).isEqualTo(Failure.UNPROCESSABLE_IMAGE));
  }

  @Test
  void decode_rejectsMinimumBelowOne() {
    assertThatThrownBy(() -> ImageCodecs.decode(bigJpeg, Limits.defaults(), 0, 10))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void reductionFactor_isTheSmallerWholeRatio() {
    assertThat(ImageCodecs.reductionFactor(5312, 2988, 1599, 900)).isEqualTo(3);
    assertThat(ImageCodecs.reductionFactor(5312, 2988, 2700, 10)).isEqualTo(1);
    assertThat(ImageCodecs.reductionFactor(100_000, 100_000, 1, 1))
        .isEqualTo(ImageDecoder.MAX_FACTOR);
  }

  @Test
  void scans_countsOneForBaselineAndEverySosForProgressive() throws Exception {
    Path baseline = CodecFixtures.write(dir, "b.jpg", jpeg(photoLike(64, 64, 1), 0.9f, false));
    Path progressive = CodecFixtures.write(dir, "p.jpg", jpeg(photoLike(64, 64, 1), 0.9f, true));

    try (FileImageInputStream b = new FileImageInputStream(baseline.toFile());
        FileImageInputStream p = new FileImageInputStream(progressive.toFile())) {
      assertThat(JpegScans.of(b).count()).isEqualTo(1);
      assertThat(JpegScans.of(p).count()).isEqualTo(10); // libjpeg's default script for YCbCr
    }
  }

  /** Smooth gradients, a few hard edges and fine noise: something like a photo. */
  static BufferedImage photoLike(int width, int height, long seed) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    int[] px = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
    Random random = new Random(seed);
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

  static byte[] jpeg(BufferedImage image, float quality, boolean progressive) {
    ImageWriter writer = CodecFixtures.jdkWriter("jpeg");
    ImageWriteParam param = writer.getDefaultWriteParam();
    writer.dispose();
    param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
    param.setCompressionQuality(quality);
    if (progressive) {
      param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
    }
    return CodecFixtures.jdkEncode(image, "jpeg", param, null);
  }

  /** Box averages, {@code k x k}, partial boxes at the right and bottom edges: the reference. */
  private static BufferedImage boxAverage(BufferedImage image, int k) {
    int w = (image.getWidth() + k - 1) / k;
    int h = (image.getHeight() + k - 1) / k;
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    for (int oy = 0; oy < h; oy++) {
      for (int ox = 0; ox < w; ox++) {
        long[] sum = new long[3];
        int n = 0;
        for (int y = oy * k; y < Math.min(image.getHeight(), oy * k + k); y++) {
          for (int x = ox * k; x < Math.min(image.getWidth(), ox * k + k); x++) {
            int p = image.getRGB(x, y);
            sum[0] += (p >> 16) & 0xFF;
            sum[1] += (p >> 8) & 0xFF;
            sum[2] += p & 0xFF;
            n++;
          }
        }
        out.setRGB(
            ox,
            oy,
            (int) Math.round((double) sum[0] / n) << 16
                | (int) Math.round((double) sum[1] / n) << 8
                | (int) Math.round((double) sum[2] / n));
      }
    }
    return out;
  }

  private static long allocatedBytes() {
    return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
        .getCurrentThreadAllocatedBytes();
  }
}
