package io.imagegate.bench;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * The photo the benchmarks thumbnail: the file named by the system property {@value #PROPERTY} when
 * it is set (pass it to JMH's forked JVM with {@code -jvmArgsAppend -Dimagegate.bench.photo=...}),
 * else a generated 16-megapixel (4928x3264, a 16 MP camera's size) baseline JPEG with gradients,
 * hard-edged tiles and noise.
 */
final class BenchPhoto {
  /** The system property naming a JPEG to use instead of the generated one. */
  static final String PROPERTY = "imagegate.bench.photo";

  static final int WIDTH = 4928;
  static final int HEIGHT = 3264;

  private BenchPhoto() {}

  /** Copies the configured photo, or writes the generated one, to {@code target}. */
  static Path writeTo(Path target) {
    String configured = System.getProperty(PROPERTY);
    try {
      if (configured != null && !configured.isBlank()) {
        return Files.copy(Path.of(configured), target);
      }
      ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(0.85f);
      try (ImageOutputStream out = ImageIO.createImageOutputStream(target.toFile())) {
        writer.setOutput(out);
        writer.write(null, new IIOImage(generated(), null, null), param);
      } finally {
        writer.dispose();
      }
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A description for the benchmark log. */
  static String describe() {
    String configured = System.getProperty(PROPERTY);
    return configured == null || configured.isBlank()
        ? "generated " + WIDTH + "x" + HEIGHT + " baseline JPEG"
        : configured;
  }

  private static BufferedImage generated() {
    BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    int[] px = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
    Random random = new Random(16);
    for (int y = 0; y < HEIGHT; y++) {
      for (int x = 0; x < WIDTH; x++) {
        int r = 40 + 160 * x / WIDTH + random.nextInt(24);
        int g = 30 + 180 * y / HEIGHT + random.nextInt(24);
        int b = (x / 97 + y / 61) % 3 == 0 ? 220 : 60 + (int) (50 * Math.sin(x * 0.02 + y * 0.013));
        px[y * WIDTH + x] = r << 16 | g << 8 | Math.min(255, b);
      }
    }
    return image;
  }
}
