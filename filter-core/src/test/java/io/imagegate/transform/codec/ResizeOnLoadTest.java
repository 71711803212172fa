package io.imagegate.transform.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.imagegate.failure.ImageGateException;
import io.imagegate.limits.Limits;
import io.imagegate.testing.ImageMetrics;
import io.imagegate.transform.ops.PackedRows;
import io.imagegate.transform.ops.RegionResample;
import io.imagegate.transform.ops.Resample;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link ImageCodecs#decodeResized}: the reduced native decode handed to the caller as a buffer,
 * for exactly the JPEGs whose pixels need nothing else (no ICC conversion, no EXIF rotation); every
 * other source is the caller's to decode as usual.
 */
class ResizeOnLoadTest {
  private static final int W = 1600;
  private static final int H = 1200;

  @TempDir Path dir;
  private final AtomicInteger calls = new AtomicInteger();

  @BeforeEach
  void nativeJpeg() {
    assumeTrue(ImageCodecs.nativeJpeg(), "libjpeg-turbo is not loaded: no native buffer");
  }

  @Test
  void aPlainJpeg_isHandedOverAtTheReducedScale_withTheSamePixelsAsTheReducedDecode() {
    Path file = CodecFixtures.write(dir, "plain.jpg", jpeg());
    int[][] size = new int[1][];
    int[] row = new int[W / 4];
    DecodedImage resized =
        ImageCodecs.decodeResized(
            file,
            Limits.defaults(),
            400,
            300,
            pixels -> {
              size[0] = new int[] {pixels.width(), pixels.height()};
              pixels.read(123, 0, pixels.width(), row);
              return RegionResample.resize(pixels, 10, 20, 300, 200, 150, 100);
            });

    assertThat(resized).isNotNull();
    assertThat(size[0]).containsExactly(W / 4, H / 4); // 1/4 just covers 400x300
    assertThat(resized.info().width()).isEqualTo(W);
    assertThat(resized.image().getWidth()).isEqualTo(150);
    BufferedImage reduced = ImageCodecs.decode(file, Limits.defaults(), 400, 300).image();
    int[] expected = reduced.getRGB(0, 123, W / 4, 1, null, 0, W / 4);
    for (int x = 0; x < row.length; x++) {
      assertThat(row[x] & 0xFFFFFF).as("pixel %d", x).isEqualTo(expected[x] & 0xFFFFFF);
    }
    ImageMetrics.assertSamePixels(
        resized.image(), Resample.resize(reduced.getSubimage(10, 20, 300, 200), 150, 100));
  }

  @Test
  void aRotatedJpeg_anIccJpegAndAPng_areLeftToTheUsualDecode() {
    byte[] plain = jpeg();
    Path rotated =
        CodecFixtures.write(
            dir,
            "rotated.jpg",
            CodecFixtures.jpegWithExif(plain, CodecFixtures.exifOrientation(6)));
    Path icc =
        CodecFixtures.write(
            dir,
            "icc.jpg",
            CodecFixtures.jpegWithIcc(
                plain, ICC_Profile.getInstance(ColorSpace.CS_LINEAR_RGB).getData()));
    Path png =
        CodecFixtures.write(
            dir, "image.png", CodecFixtures.jdkEncode(CodecFixtures.upright(W, H), "png"));

    for (Path file : new Path[] {rotated, icc, png}) {
      assertThat(ImageCodecs.decodeResized(file, Limits.defaults(), 400, 300, counting()))
          .as("%s", file.getFileName())
          .isNull();
    }
    assertThat(calls).as("the callback never ran").hasValue(0);
  }

  @Test
  void aTruncatedJpeg_is422_asInTheUsualDecode() {
    byte[] plain = jpeg();
    Path file =
        CodecFixtures.write(dir, "truncated.jpg", Arrays.copyOf(plain, plain.length * 2 / 3));

    assertThatThrownBy(
            () -> ImageCodecs.decodeResized(file, Limits.defaults(), 400, 300, counting()))
        .isInstanceOf(ImageGateException.class)
        .satisfies(e -> assertThat(((ImageGateException) e).failure().status()).isEqualTo(422));
    assertThat(calls).hasValue(0);
  }

  @Test
  void readsOutsideTheDecodedImage_areRefused() {
    Path file = CodecFixtures.write(dir, "plain.jpg", jpeg());
    ImageCodecs.decodeResized(
        file,
        Limits.defaults(),
        400,
        300,
        pixels -> {
          int[] row = new int[pixels.width() + 1];
          assertThatThrownBy(() -> pixels.read(0, 0, pixels.width() + 1, row))
              .isInstanceOf(IndexOutOfBoundsException.class);
          assertThatThrownBy(() -> pixels.read(pixels.height(), 0, 1, row))
              .isInstanceOf(IndexOutOfBoundsException.class);
          assertThatThrownBy(() -> pixels.read(0, -1, 1, row))
              .isInstanceOf(IndexOutOfBoundsException.class);
          return new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        });
  }

  private Function<PackedRows, BufferedImage> counting() {
    return pixels -> {
      calls.incrementAndGet();
      return new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
    };
  }

  private static byte[] jpeg() {
    return CodecFixtures.jdkJpeg(CodecFixtures.upright(W, H), 0.9f);
  }
}
