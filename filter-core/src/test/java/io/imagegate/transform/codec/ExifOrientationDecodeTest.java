package io.imagegate.transform.codec;

import static io.imagegate.transform.codec.CodecFixtures.BLUE;
import static io.imagegate.transform.codec.CodecFixtures.GREEN;
import static io.imagegate.transform.codec.CodecFixtures.RED;
import static io.imagegate.transform.codec.CodecFixtures.WHITE;
import static org.assertj.core.api.Assertions.assertThat;

import io.imagegate.limits.Limits;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A JPEG whose pixels are stored turned the opposite way of what its EXIF Orientation tag asks the
 * viewer to do must decode to the upright picture, as a browser shows it.
 */
class ExifOrientationDecodeTest {
  private static final int W = 64;
  private static final int H = 48;
  private static final int JPEG_TOLERANCE = 40;

  @TempDir Path dir;

  @ParameterizedTest(name = "orientation {0}")
  @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
  void decode_appliesExifOrientation(int orientation) {
    BufferedImage stored = storedFor(orientation, CodecFixtures.upright(W, H));
    Path file =
        CodecFixtures.write(
            dir,
            "o" + orientation + ".jpg",
            CodecFixtures.jpegWithExif(
                CodecFixtures.jdkJpeg(stored, 0.95f), CodecFixtures.exifOrientation(orientation)));

    DecodedImage decoded = ImageCodecs.decode(file, Limits.defaults());

    assertThat(decoded.info().exifOrientation()).isEqualTo(orientation);
    assertUpright(decoded.image());
    assertThat(decoded.image().getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
  }

  @ParameterizedTest(name = "orientation {0}")
  @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
  void probe_reportsUprightSizeWithoutDecoding(int orientation) {
    BufferedImage stored = storedFor(orientation, CodecFixtures.upright(W, H));
    Path file =
        CodecFixtures.write(
            dir,
            "p" + orientation + ".jpg",
            CodecFixtures.jpegWithExif(
                CodecFixtures.jdkJpeg(stored, 0.9f), CodecFixtures.exifOrientation(orientation)));

    ImageInfo info = ImageCodecs.probe(file, Limits.defaults());

    assertThat(info.width()).isEqualTo(W);
    assertThat(info.height()).isEqualTo(H);
    assertThat(info.exifOrientation()).isEqualTo(orientation);
  }

  @Test
  void decode_treatsOutOfRangeOrientationAsUpright() {
    Path file =
        CodecFixtures.write(
            dir,
            "o9.jpg",
            CodecFixtures.jpegWithExif(
                CodecFixtures.jdkJpeg(CodecFixtures.upright(W, H), 0.95f),
                CodecFixtures.exifOrientation(9)));

    DecodedImage decoded = ImageCodecs.decode(file, Limits.defaults());

    assertThat(decoded.info().exifOrientation()).isEqualTo(1);
    assertUpright(decoded.image());
  }

  @Test
  void decode_resetsOrientationInReturnedExif() {
    BufferedImage stored = storedFor(6, CodecFixtures.upright(W, H));
    Path file =
        CodecFixtures.write(
            dir,
            "o6.jpg",
            CodecFixtures.jpegWithExif(
                CodecFixtures.jdkJpeg(stored, 0.9f), CodecFixtures.exifOrientation(6)));

    DecodedImage decoded = ImageCodecs.decode(file, Limits.defaults());

    assertThat(ExifOrientation.read(decoded.exif())).isEqualTo(1);
  }

  static void assertUpright(BufferedImage image) {
    assertThat(image.getWidth()).isEqualTo(W);
    assertThat(image.getHeight()).isEqualTo(H);
    assertThat(CodecFixtures.distance(image, W / 4, H / 4, RED))
        .as("top-left red")
        .isLessThan(JPEG_TOLERANCE);
    assertThat(CodecFixtures.distance(image, 3 * W / 4, H / 4, GREEN))
        .as("top-right green")
        .isLessThan(JPEG_TOLERANCE);
    assertThat(CodecFixtures.distance(image, W / 4, 3 * H / 4, BLUE))
        .as("bottom-left blue")
        .isLessThan(JPEG_TOLERANCE);
    assertThat(CodecFixtures.distance(image, 3 * W / 4, 3 * H / 4, WHITE))
        .as("bottom-right white")
        .isLessThan(JPEG_TOLERANCE);
  }

  /**
   * The upright picture turned by the inverse of what the tag asks (ImageMagick's table in the
   * corpus: 2 flop, 3 rotate 180, 4 flip, 5 transpose, 6 rotate 270, 7 transverse, 8 rotate 90),
   * built with Java 2D transforms rather than the code under test.
   */
  static BufferedImage storedFor(int orientation, BufferedImage upright) {
    int w = upright.getWidth();
    int h = upright.getHeight();
    // AffineTransform(m00, m10, m01, m11, m02, m12): x' = m00 x + m01 y + m02, y' = m10 x + m11 y +
    // m12
    AffineTransform t =
        switch (orientation) {
          case 2 -> new AffineTransform(-1, 0, 0, 1, w, 0);
          case 3 -> new AffineTransform(-1, 0, 0, -1, w, h);
          case 4 -> new AffineTransform(1, 0, 0, -1, 0, h);
          case 5 -> new AffineTransform(0, 1, 1, 0, 0, 0);
          case 6 -> new AffineTransform(0, -1, 1, 0, 0, w); // 90° counter-clockwise
          case 7 -> new AffineTransform(0, -1, -1, 0, h, w);
          case 8 -> new AffineTransform(0, 1, -1, 0, h, 0); // 90° clockwise
          default -> new AffineTransform();
        };
    boolean swap = orientation >= 5;
    BufferedImage stored =
        new BufferedImage(swap ? h : w, swap ? w : h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = stored.createGraphics();
    g.drawImage(upright, t, null);
    g.dispose();
    return stored;
  }
}
