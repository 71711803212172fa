package io.imagegate.transform.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.imagegate.limits.Limits;
import io.imagegate.testing.TestImages;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Decoded images are in sRGB: CMYK, YCCK and embedded ICC profiles are converted, grey kept. */
class ColorDecodeTest {
  private static final int[][] INKS = {
    {255, 0, 0, 0}, // cyan
    {0, 255, 0, 0}, // magenta
    {0, 0, 255, 0}, // yellow
    {0, 0, 0, 255}, // black
    {0, 0, 0, 0}, // paper
  };

  @TempDir Path dir;

  /**
   * Without an embedded profile TwelveMonkeys converts with a generic CMYK ICC profile where the
   * platform has one and with the naive 255-(C+K) formula where not (Linux: naive). The bounds
   * accept both, e.g. cyan is (0,255,255) naive and about (0,174,239) through a SWOP/FOGRA profile,
   * and reject what goes wrong in practice: un-inverted Adobe data (cyan turns red, paper black)
   * and a dropped K channel.
   */
  @ParameterizedTest(name = "ycck={0}")
  @ValueSource(booleans = {false, true})
  void decode_convertsAdobeCmykAndYcckToSrgb(boolean ycck) {
    Path file = CodecFixtures.write(dir, "cmyk.jpg", CmykJpegs.strip(INKS, ycck));

    DecodedImage decoded = ImageCodecs.decode(file, Limits.defaults());

    BufferedImage image = decoded.image();
    assertThat(image.getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
    assertThat(image.getWidth()).isEqualTo(80);
    assertRange(image, 0, "cyan", new int[] {0, 60}, new int[] {140, 255}, new int[] {200, 255});
    assertRange(image, 1, "magenta", new int[] {200, 255}, new int[] {0, 60}, new int[] {120, 255});
    assertRange(image, 2, "yellow", new int[] {200, 255}, new int[] {200, 255}, new int[] {0, 60});
    assertRange(image, 3, "black", new int[] {0, 60}, new int[] {0, 60}, new int[] {0, 60});
    assertRange(
        image, 4, "paper", new int[] {230, 255}, new int[] {230, 255}, new int[] {230, 255});
  }

  /**
   * The JDK's linear-RGB profile has sRGB's primaries and gamma 1, so colour management must only
   * apply the sRGB transfer curve: raw (128, 64, 32) shows as about (188, 137, 99).
   */
  @Test
  void decode_convertsJpegWithEmbeddedLinearProfile() {
    byte[] raw =
        CodecFixtures.jdkJpeg(TestImages.solid(16, 16, 0xFF804020, BufferedImage.TYPE_INT_RGB), 1f);
    Path file =
        CodecFixtures.write(dir, "linear.jpg", CodecFixtures.jpegWithIcc(raw, linearProfile()));

    BufferedImage image = ImageCodecs.decode(file, Limits.defaults()).image();

    assertThat(CodecFixtures.distance(image, 8, 8, linearToSrgb(128, 64, 32)))
        .isLessThanOrEqualTo(8);
  }

  @Test
  void decode_convertsPngWithIccpLinearProfile() {
    byte[] raw =
        CodecFixtures.jdkEncode(
            TestImages.solid(16, 16, 0xFF804020, BufferedImage.TYPE_INT_RGB), "png");
    Path file =
        CodecFixtures.write(
            dir,
            "linear.png",
            CodecFixtures.insertPngChunkAfterIhdr(raw, CodecFixtures.iccpChunk(linearProfile())));

    BufferedImage image = ImageCodecs.decode(file, Limits.defaults()).image();

    assertThat(CodecFixtures.distance(image, 8, 8, linearToSrgb(128, 64, 32)))
        .isLessThanOrEqualTo(6);
  }

  /**
   * The corpus' "SwappedRedAndGreen" case: a raw red pixel is green once the profile is honoured.
   */
  @Test
  void decode_honoursSwappedPrimariesInJpegProfile() {
    BufferedImage redThenGreen = TestImages.solid(32, 16, 0xFFFF0000, BufferedImage.TYPE_INT_RGB);
    redThenGreen.getGraphics().setColor(java.awt.Color.GREEN);
    java.awt.Graphics g = redThenGreen.getGraphics();
    g.setColor(new java.awt.Color(0, 255, 0));
    g.fillRect(16, 0, 16, 16);
    g.dispose();
    Path file =
        CodecFixtures.write(
            dir,
            "swapped.jpg",
            CodecFixtures.jpegWithIcc(
                CodecFixtures.jdkJpeg(redThenGreen, 1f), swappedRedGreenProfile()));

    BufferedImage image = ImageCodecs.decode(file, Limits.defaults()).image();

    assertThat(CodecFixtures.distance(image, 8, 8, 0xFF00FF00))
        .as("raw red shows green")
        .isLessThanOrEqualTo(30);
    assertThat(CodecFixtures.distance(image, 24, 8, 0xFFFF0000))
        .as("raw green shows red")
        .isLessThanOrEqualTo(30);
  }

  @Test
  void decode_honoursSwappedPrimariesInPngProfile() {
    byte[] raw =
        CodecFixtures.jdkEncode(
            TestImages.solid(16, 16, 0xFFFF0000, BufferedImage.TYPE_INT_RGB), "png");
    Path file =
        CodecFixtures.write(
            dir,
            "swapped.png",
            CodecFixtures.insertPngChunkAfterIhdr(
                raw, CodecFixtures.iccpChunk(swappedRedGreenProfile())));

    BufferedImage image = ImageCodecs.decode(file, Limits.defaults()).image();

    assertThat(CodecFixtures.distance(image, 8, 8, 0xFF00FF00)).isLessThanOrEqualTo(10);
  }

  /** libwebp ignores the ICCP chunk; the decoder applies it. */
  @Test
  void decode_honoursSwappedPrimariesInWebpProfile() {
    byte[] webp =
        WebpFiles.withIcc(
            TestImages.solid(16, 16, 0xFFFF0000, BufferedImage.TYPE_INT_RGB),
            swappedRedGreenProfile());
    Path file = CodecFixtures.write(dir, "swapped.webp", webp);

    BufferedImage image = ImageCodecs.decode(file, Limits.defaults()).image();

    assertThat(CodecFixtures.distance(image, 8, 8, 0xFF00FF00)).isLessThanOrEqualTo(10);
  }

  @Test
  void decode_ignoresCorruptIccpProfile() {
    byte[] raw =
        CodecFixtures.jdkEncode(
            TestImages.solid(16, 16, 0xFF804020, BufferedImage.TYPE_INT_RGB), "png");
    Path file =
        CodecFixtures.write(
            dir,
            "bad-icc.png",
            CodecFixtures.insertPngChunkAfterIhdr(
                raw, CodecFixtures.iccpChunk(new byte[] {1, 2, 3, 4, 5})));

    BufferedImage image = ImageCodecs.decode(file, Limits.defaults()).image();

    assertThat(CodecFixtures.distance(image, 8, 8, 0xFF804020)).isZero();
  }

  /**
   * Grey JPEG samples are gamma-encoded already; treating them as linear grey would lighten them.
   */
  @Test
  void decode_keepsGreyLevelsOfGrayscaleJpeg() {
    BufferedImage grey = TestImages.solid(16, 16, 0xFF646464, BufferedImage.TYPE_BYTE_GRAY);
    Path file = CodecFixtures.write(dir, "grey.jpg", CodecFixtures.jdkJpeg(grey, 1f));

    BufferedImage image = ImageCodecs.decode(file, Limits.defaults()).image();

    assertThat(image.getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
    assertThat(CodecFixtures.distance(image, 8, 8, 0xFF646464)).isLessThanOrEqualTo(3);
  }

  private static void assertRange(BufferedImage image, int patch, String name, int[]... ranges) {
    int[] rgba = CodecFixtures.rgba(image, patch * 16 + 8, 8);
    for (int c = 0; c < 3; c++) {
      assertThat(rgba[c])
          .as("%s channel %d of %s", name, c, java.util.Arrays.toString(rgba))
          .isBetween(ranges[c][0], ranges[c][1]);
    }
  }

  static byte[] linearProfile() {
    return ICC_Profile.getInstance(ColorSpace.CS_LINEAR_RGB).getData();
  }

  /** The JDK's sRGB profile with its red and green colorant tags exchanged. */
  static byte[] swappedRedGreenProfile() {
    ICC_Profile profile =
        ICC_Profile.getInstance(ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData());
    byte[] red = profile.getData(ICC_Profile.icSigRedColorantTag);
    byte[] green = profile.getData(ICC_Profile.icSigGreenColorantTag);
    profile.setData(ICC_Profile.icSigRedColorantTag, green);
    profile.setData(ICC_Profile.icSigGreenColorantTag, red);
    return profile.getData();
  }

  /** The sRGB transfer function (IEC 61966-2-1) applied to linear 8-bit values. */
  static int linearToSrgb(int r, int g, int b) {
    return 0xFF000000 | encode(r) << 16 | encode(g) << 8 | encode(b);
  }

  private static int encode(int linear) {
    double v = linear / 255.0;
    double s = v <= 0.0031308 ? 12.92 * v : 1.055 * Math.pow(v, 1 / 2.4) - 0.055;
    return (int) Math.round(s * 255);
  }
}
