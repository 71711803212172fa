package io.imagegate.transform.codec;

import static io.imagegate.testing.ImageMetrics.meanAbsDiffArgb;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.GpsDirectory;
import io.imagegate.failure.Failure;
import io.imagegate.failure.ImageGateException;
import io.imagegate.limits.Limits;
import io.imagegate.source.ImageFormat;
import io.imagegate.testing.TestImages;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Encoded output decodes back to the picture and carries no metadata unless asked to. */
class EncodeTest {
  @TempDir Path dir;

  @Test
  void encodeJpeg_higherQualityIsCloserAndLarger() {
    BufferedImage noisy = noisy(96, 64);

    byte[] high = ImageCodecs.encode(noisy, EncodeOptions.of(ImageFormat.JPEG, 95));
    byte[] low = ImageCodecs.encode(noisy, EncodeOptions.of(ImageFormat.JPEG, 20));

    assertThat(high.length).isGreaterThan(low.length);
    assertThat(meanAbsDiffArgb(noisy, decode(high)))
        .isLessThan(meanAbsDiffArgb(noisy, decode(low)));
    assertThat(meanAbsDiffArgb(noisy, decode(high))).isLessThan(6);
  }

  @Test
  void encodeJpeg_progressiveWritesProgressiveFrame() {
    EncodeOptions progressive =
        new EncodeOptions(ImageFormat.JPEG, 80, true, false, EncodeOptions.WHITE, null);

    byte[] jpeg = ImageCodecs.encode(CodecFixtures.upright(), progressive);
    byte[] baseline =
        ImageCodecs.encode(CodecFixtures.upright(), EncodeOptions.of(ImageFormat.JPEG, 80));

    assertThat(hasMarker(jpeg, 0xC2)).as("SOF2").isTrue();
    assertThat(hasMarker(baseline, 0xC2)).isFalse();
    ExifOrientationDecodeTest.assertUpright(decode(jpeg));
  }

  @Test
  void encodeJpeg_flattensAlphaOntoBackground() {
    BufferedImage argb = TestImages.solid(32, 16, 0x00000000, BufferedImage.TYPE_INT_ARGB);
    for (int y = 0; y < 16; y++) {
      for (int x = 16; x < 32; x++) {
        argb.setRGB(x, y, 0xFF0000FF);
      }
    }
    EncodeOptions onRed = new EncodeOptions(ImageFormat.JPEG, 90, false, false, 0xFFFF0000, null);

    BufferedImage decoded = decode(ImageCodecs.encode(argb, onRed));

    assertThat(decoded.getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
    assertThat(CodecFixtures.distance(decoded, 4, 8, 0xFFFF0000))
        .as("transparent shows background")
        .isLessThan(12);
    assertThat(CodecFixtures.distance(decoded, 28, 8, 0xFF0000FF)).as("opaque kept").isLessThan(12);
  }

  @Test
  void encodeJpeg_transparentBackgroundBecomesWhite() {
    BufferedImage clear = TestImages.solid(16, 16, 0x00000000, BufferedImage.TYPE_INT_ARGB);
    EncodeOptions transparentBg =
        new EncodeOptions(ImageFormat.JPEG, 90, false, false, 0x00000000, null);

    BufferedImage decoded = decode(ImageCodecs.encode(clear, transparentBg));

    assertThat(CodecFixtures.distance(decoded, 8, 8, 0xFFFFFFFF)).isLessThan(4);
  }

  @Test
  void encodeJpeg_dropsSourceGpsByDefault() throws Exception {
    Path source =
        CodecFixtures.write(
            dir,
            "gps.jpg",
            CodecFixtures.jpegWithExif(
                CodecFixtures.jdkJpeg(CodecFixtures.upright(), 0.9f),
                CodecFixtures.exifWithGps(1)));
    assertThat(
            metadata(java.nio.file.Files.readAllBytes(source))
                .containsDirectoryOfType(GpsDirectory.class))
        .as("fixture carries GPS")
        .isTrue();
    DecodedImage decoded = ImageCodecs.decode(source, Limits.defaults());

    byte[] out = ImageCodecs.encode(decoded.image(), EncodeOptions.of(ImageFormat.JPEG, 80));

    Metadata metadata = metadata(out);
    assertThat(metadata.containsDirectoryOfType(GpsDirectory.class)).isFalse();
    assertThat(metadata.containsDirectoryOfType(ExifIFD0Directory.class)).isFalse();
  }

  @Test
  void encodeJpeg_keepsExifWhenAskedWithUprightOrientation() throws Exception {
    BufferedImage stored = ExifOrientationDecodeTest.storedFor(6, CodecFixtures.upright());
    Path source =
        CodecFixtures.write(
            dir,
            "gps6.jpg",
            CodecFixtures.jpegWithExif(
                CodecFixtures.jdkJpeg(stored, 0.9f), CodecFixtures.exifWithGps(6)));
    DecodedImage decoded = ImageCodecs.decode(source, Limits.defaults());
    EncodeOptions keep =
        new EncodeOptions(ImageFormat.JPEG, 80, false, false, EncodeOptions.WHITE, decoded.exif());

    byte[] out = ImageCodecs.encode(decoded.image(), keep);

    Metadata metadata = metadata(out);
    GpsDirectory gps = metadata.getFirstDirectoryOfType(GpsDirectory.class);
    assertThat(gps).isNotNull();
    assertThat(gps.getGeoLocation().getLatitude())
        .isCloseTo(48.858, org.assertj.core.data.Offset.offset(0.001));
    ExifIFD0Directory ifd0 = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
    assertThat(ifd0.getInt(ExifIFD0Directory.TAG_ORIENTATION)).isEqualTo(1);
    assertThat(ifd0.getString(ExifIFD0Directory.TAG_MAKE)).isEqualTo("ACM");
    ExifOrientationDecodeTest.assertUpright(decode(out));
  }

  @Test
  void encodePng_roundTripsAlphaExactly() {
    BufferedImage argb = noisy(40, 30);
    argb.setRGB(5, 5, 0x00000000);
    argb.setRGB(6, 5, 0x7F123456);

    BufferedImage decoded = decode(ImageCodecs.encode(argb, EncodeOptions.of(ImageFormat.PNG, 80)));

    assertThat(decoded.getType()).isEqualTo(BufferedImage.TYPE_INT_ARGB);
    assertThat(meanAbsDiffArgb(argb, decoded)).isZero();
    assertThat(decoded.getRGB(6, 5)).isEqualTo(0x7F123456);
  }

  @Test
  void encodeWebp_losslessRoundTripsExactly() {
    assumeWebp();
    BufferedImage argb = noisy(40, 30);
    argb.setRGB(5, 5, 0x00000000);
    argb.setRGB(6, 5, 0x7F123456);
    EncodeOptions lossless =
        new EncodeOptions(ImageFormat.WEBP, 80, false, true, EncodeOptions.WHITE, null);

    byte[] webp = ImageCodecs.encode(argb, lossless);

    assertThat(ImageFormat.sniff(webp, webp.length)).contains(ImageFormat.WEBP);
    BufferedImage decoded = decode(webp);
    assertThat(meanAbsDiffArgb(argb, decoded)).isZero();
    assertThat(decoded.getRGB(6, 5)).isEqualTo(0x7F123456);
  }

  @Test
  void encodeWebp_lossyFollowsQuality() {
    assumeWebp();
    BufferedImage noisy = noisy(96, 64);

    byte[] high = ImageCodecs.encode(noisy, EncodeOptions.of(ImageFormat.WEBP, 95));
    byte[] low = ImageCodecs.encode(noisy, EncodeOptions.of(ImageFormat.WEBP, 10));

    assertThat(high.length).isGreaterThan(low.length);
    assertThat(meanAbsDiffArgb(noisy, decode(high)))
        .isLessThan(meanAbsDiffArgb(noisy, decode(low)));
    ExifOrientationDecodeTest.assertUpright(
        decode(
            ImageCodecs.encode(CodecFixtures.upright(), EncodeOptions.of(ImageFormat.WEBP, 80))));
  }

  @Test
  void encodeWebp_lossyKeepsAlpha() {
    assumeWebp();
    BufferedImage argb = TestImages.solid(32, 32, 0x00000000, BufferedImage.TYPE_INT_ARGB);
    java.awt.Graphics2D g = argb.createGraphics();
    g.setColor(java.awt.Color.BLUE);
    g.fillRect(16, 0, 16, 32);
    g.dispose();

    BufferedImage decoded =
        decode(ImageCodecs.encode(argb, EncodeOptions.of(ImageFormat.WEBP, 80)));

    assertThat(decoded.getType()).isEqualTo(BufferedImage.TYPE_INT_ARGB);
    assertThat(CodecFixtures.rgba(decoded, 4, 16)[3]).isLessThan(10);
    assertThat(CodecFixtures.distance(decoded, 26, 16, 0xFF0000FF)).isLessThan(16);
  }

  @Test
  void encodeGif_keepsColoursAndMakesAlphaBinary() {
    BufferedImage argb = CodecFixtures.upright();
    BufferedImage withAlpha = new BufferedImage(64, 48, BufferedImage.TYPE_INT_ARGB);
    withAlpha.createGraphics().drawImage(argb, 0, 0, null);
    withAlpha.setRGB(1, 1, 0x40FF0000); // mostly transparent
    withAlpha.setRGB(2, 1, 0xC0FF0000); // mostly opaque

    BufferedImage decoded =
        decode(ImageCodecs.encode(withAlpha, EncodeOptions.of(ImageFormat.GIF, 80)));

    assertThat(decoded.getRGB(16, 12)).isEqualTo(CodecFixtures.RED);
    assertThat(decoded.getRGB(48, 36)).isEqualTo(CodecFixtures.WHITE);
    assertThat(CodecFixtures.rgba(decoded, 1, 1)[3]).isZero();
    assertThat(CodecFixtures.rgba(decoded, 2, 1)[3]).isEqualTo(255);
  }

  @ParameterizedTest
  @EnumSource(
      value = ImageFormat.class,
      names = {"JPEG", "PNG", "WEBP", "GIF"})
  void encode_acceptsAnyImageType(ImageFormat format) {
    if (format == ImageFormat.WEBP) {
      assumeWebp();
    }
    for (int type :
        new int[] {
          BufferedImage.TYPE_3BYTE_BGR,
          BufferedImage.TYPE_BYTE_GRAY,
          BufferedImage.TYPE_INT_ARGB_PRE,
          BufferedImage.TYPE_BYTE_INDEXED
        }) {
      BufferedImage image = new BufferedImage(64, 48, type);
      image.createGraphics().drawImage(CodecFixtures.upright(), 0, 0, null);

      BufferedImage decoded = decode(ImageCodecs.encode(image, EncodeOptions.of(format, 90)));

      assertThat(decoded.getWidth()).as("type %d", type).isEqualTo(64);
      int expected = image.getRGB(48, 36);
      assertThat(CodecFixtures.distance(decoded, 48, 36, expected))
          .as("type %d", type)
          .isLessThan(12);
    }
  }

  @Test
  void encodeWebp_refusesSizeBeyondFormatLimit() {
    BufferedImage wide = new BufferedImage(16_384, 1, BufferedImage.TYPE_INT_RGB);

    assertThatThrownBy(() -> ImageCodecs.encode(wide, EncodeOptions.of(ImageFormat.WEBP, 80)))
        .isInstanceOfSatisfying(
            ImageGateException.class,
            e -> assertThat(e.failure()).isEqualTo(Failure.UNPROCESSABLE_IMAGE))
        .hasMessage("the output is 16384x1 pixels; webp allows at most 16383 per side");
  }

  @Test
  void encodeOptions_rejectOutOfRangeQualityAndUnencodableFormat() {
    assertThatThrownBy(() -> EncodeOptions.of(ImageFormat.JPEG, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> EncodeOptions.of(ImageFormat.JPEG, 101))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> EncodeOptions.of(ImageFormat.BMP, 80))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> EncodeOptions.of(ImageFormat.SVG, 80))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private BufferedImage decode(byte[] bytes) {
    return ImageCodecs.decode(
            CodecFixtures.write(dir, "out-" + System.nanoTime(), bytes), Limits.defaults())
        .image();
  }

  private static Metadata metadata(byte[] bytes) throws Exception {
    return ImageMetadataReader.readMetadata(new ByteArrayInputStream(bytes));
  }

  /** Smooth gradients plus noise: something lossy codecs must work at. */
  static BufferedImage noisy(int width, int height) {
    Random random = new Random(42);
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        int r = Math.min(255, x * 215 / width + random.nextInt(40));
        int g = Math.min(255, y * 215 / height + random.nextInt(40));
        int b = 100 + random.nextInt(40);
        image.setRGB(x, y, 0xFF000000 | r << 16 | g << 8 | b);
      }
    }
    return image;
  }

  private static boolean hasMarker(byte[] jpeg, int marker) {
    for (int i = 0; i + 1 < jpeg.length; i++) {
      if ((jpeg[i] & 0xFF) == 0xFF && (jpeg[i + 1] & 0xFF) == marker) {
        return true;
      }
    }
    return false;
  }

  /**
   * WebP needs libwebp: skipped on the pure-Java backend (where it is a 415, see
   * CodecBackendServingTest).
   */
  private static void assumeWebp() {
    org.junit.jupiter.api.Assumptions.assumeTrue(
        ImageCodecs.canEncode(ImageFormat.WEBP), "no libwebp (imagegate.codecs=java)");
  }
}
