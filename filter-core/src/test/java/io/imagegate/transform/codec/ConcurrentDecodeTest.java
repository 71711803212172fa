package io.imagegate.transform.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.imagegate.limits.Limits;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Readers, writers and colour conversions are not shared between threads: parallel work agrees. */
class ConcurrentDecodeTest {
  @TempDir Path dir;

  @Test
  void decodeAndEncode_giveSameResultsInParallel() throws Exception {
    List<Path> files =
        List.of(
            CodecFixtures.write(
                dir, "cmyk.jpg", CmykJpegs.strip(new int[][] {{255, 0, 0, 0}, {0, 0, 0, 0}}, true)),
            CodecFixtures.write(
                dir,
                "icc.png",
                CodecFixtures.insertPngChunkAfterIhdr(
                    CodecFixtures.jdkEncode(CodecFixtures.upright(), "png"),
                    CodecFixtures.iccpChunk(ColorDecodeTest.linearProfile()))),
            CodecFixtures.write(
                dir,
                "o6.jpg",
                CodecFixtures.jpegWithExif(
                    CodecFixtures.jdkJpeg(
                        ExifOrientationDecodeTest.storedFor(6, CodecFixtures.upright()), 0.9f),
                    CodecFixtures.exifOrientation(6))),
            CodecFixtures.write(
                dir, "q.webp", WebpFiles.still(CodecFixtures.upright(), false, 0.8f)));
    List<int[]> expected = new ArrayList<>();
    for (Path file : files) {
      expected.add(signature(file));
    }

    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<int[]>> results = new ArrayList<>();
      for (int round = 0; round < 16; round++) {
        for (Path file : files) {
          results.add(pool.submit(() -> signature(file)));
        }
      }
      for (int i = 0; i < results.size(); i++) {
        assertThat(results.get(i).get()).isEqualTo(expected.get(i % files.size()));
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** Some decoded pixels plus the length of a re-encoded WebP: both deterministic per input. */
  private static int[] signature(Path file) {
    BufferedImage image = ImageCodecs.decode(file, Limits.defaults()).image();
    byte[] webp =
        ImageCodecs.encode(image, EncodeOptions.of(io.imagegate.source.ImageFormat.WEBP, 75));
    return new int[] {
      image.getRGB(0, 0),
      image.getRGB(image.getWidth() / 2, image.getHeight() / 2),
      image.getRGB(image.getWidth() - 1, image.getHeight() - 1),
      webp.length
    };
  }
}
