package io.imagegate.transform.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.imagegate.failure.Failure;
import io.imagegate.failure.ImageGateException;
import io.imagegate.limits.Limits;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Any bytes decode to a plain INT image or are refused with 415/422; nothing else escapes. The
 * inputs are valid small images of every format with bytes flipped or cut off, and random bytes
 * behind each format's magic number.
 */
class DecodeFuzzTest {
  /**
   * Small, so that a mutated header that claims more pixels is refused instead of decoded slowly.
   */
  private static final Limits LIMITS =
      Limits.defaults().withMaxSourcePixels(1_000_000).withMaxFileBytes(10_000_000);

  private static List<byte[]> samples;

  @BeforeContainer
  static void makeSamples() {
    BufferedImage picture = CodecFixtures.upright(40, 30);
    BufferedImage alpha = new BufferedImage(40, 30, BufferedImage.TYPE_INT_ARGB);
    alpha.createGraphics().drawImage(picture, 0, 0, null);
    alpha.setRGB(3, 3, 0x00000000);
    List<byte[]> all =
        new java.util.ArrayList<>(
            List.of(
                CodecFixtures.jpegWithExif(
                    CodecFixtures.jdkJpeg(picture, 0.8f), CodecFixtures.exifWithGps(6)),
                CodecFixtures.insertPngChunkAfterIhdr(
                    CodecFixtures.jdkEncode(alpha, "png"),
                    CodecFixtures.iccpChunk(ColorDecodeTest.linearProfile())),
                CodecFixtures.jdkEncode(picture, "gif"),
                CodecFixtures.jdkEncode(picture, "bmp"),
                CmykJpegs.strip(new int[][] {{255, 0, 0, 0}, {0, 0, 0, 255}}, true)));
    if (NativeCodecs.webp() != null) { // WebP is 415 format_unavailable on the pure-Java backend
      all.add(WebpFiles.still(picture, false, 0.8f));
      all.add(WebpFiles.still(alpha, true, 1f));
    }
    samples = List.copyOf(all);
  }

  @Property(tries = 300)
  void decode_mutatedImageDecodesOrFailsWith415Or422(
      @ForAll @IntRange(min = 0, max = 6) int sample,
      @ForAll @IntRange(min = 1, max = 12) int flips,
      @ForAll boolean truncate,
      @ForAll long seed)
      throws IOException {
    byte[] bytes = samples.get(sample % samples.size()).clone();
    Random random = new Random(seed);
    for (int i = 0; i < flips; i++) {
      bytes[random.nextInt(bytes.length)] ^= (byte) (1 + random.nextInt(255));
    }
    if (truncate) {
      bytes = Arrays.copyOf(bytes, random.nextInt(bytes.length));
    }
    assertDecodesOrRefuses(bytes);
  }

  @Property(tries = 200)
  void decode_randomBytesBehindMagicFailWith415Or422(
      @ForAll("magic") byte[] magic, @ForAll @Size(max = 600) byte[] tail) throws IOException {
    assertDecodesOrRefuses(CodecFixtures.concat(magic, tail));
  }

  @Provide
  Arbitrary<byte[]> magic() {
    return Arbitraries.of(
        new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF},
        new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A},
        new byte[] {'G', 'I', 'F', '8', '9', 'a'},
        new byte[] {'R', 'I', 'F', 'F', 0x10, 0, 0, 0, 'W', 'E', 'B', 'P', 'V', 'P', '8', 'L'},
        new byte[] {'R', 'I', 'F', 'F', 0x10, 0, 0, 0, 'W', 'E', 'B', 'P', 'V', 'P', '8', ' '},
        new byte[] {'B', 'M'},
        new byte[0]);
  }

  private static void assertDecodesOrRefuses(byte[] bytes) throws IOException {
    Path file = Files.createTempFile("fuzz", ".img");
    try {
      Files.write(file, bytes);
      DecodedImage decoded = ImageCodecs.decode(file, LIMITS);
      assertThat(decoded.image().getType())
          .isIn(BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_INT_ARGB);
      assertThat((long) decoded.image().getWidth() * decoded.image().getHeight())
          .isLessThanOrEqualTo(1_000_000);
    } catch (ImageGateException refusal) {
      assertThat(refusal.failure())
          // FORMAT_UNAVAILABLE: WebP magic on the pure-Java backend (also a 415)
          .isIn(
              Failure.UNSUPPORTED_MEDIA_TYPE,
              Failure.UNPROCESSABLE_IMAGE,
              Failure.FORMAT_UNAVAILABLE);
    } finally {
      Files.delete(file);
    }
  }
}
