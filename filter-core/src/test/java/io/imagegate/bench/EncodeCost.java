package io.imagegate.bench;

import io.imagegate.source.ImageFormat;
import io.imagegate.transform.codec.EncodeOptions;
import io.imagegate.transform.codec.ImageCodecs;
import java.awt.image.BufferedImage;
import java.util.Arrays;

/**
 * What one 300x300 q80 output costs per format on this backend: the median time of 50 encodes after
 * 20 of warm-up, and the size. The image is a 300x300 thumbnail of the photo given (or the
 * generated benchmark photo). Run from filter-core/ like {@link EncodeSoak}:
 *
 * <pre>
 * java -cp target/test-classes:target/classes:$(cat /tmp/cp.txt) io.imagegate.bench.EncodeCost \
 *   ../../shared/corpus/photos/nature-dandelion-seeds.jpg
 * </pre>
 */
public final class EncodeCost {
  private EncodeCost() {}

  /** Prints one line per format. */
  public static void main(String[] args) throws Exception {
    System.out.println("codecs: " + ImageCodecs.acquire());
    java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("imagegate-cost");
    if (args.length > 0) {
      System.setProperty(BenchPhoto.PROPERTY, args[0]);
    }
    java.nio.file.Path photo = BenchPhoto.writeTo(dir.resolve("photo.jpg"));
    BufferedImage thumb =
        ImageCodecs.decode(photo, io.imagegate.limits.Limits.defaults(), 300, 300).image();
    BufferedImage image = new BufferedImage(300, 300, BufferedImage.TYPE_INT_RGB);
    image.createGraphics().drawImage(thumb, 0, 0, 300, 300, null);
    for (ImageFormat format :
        new ImageFormat[] {ImageFormat.JPEG, ImageFormat.WEBP, ImageFormat.AVIF, ImageFormat.PNG}) {
      if (!ImageCodecs.canEncode(format)) {
        System.out.println(format + ": unavailable");
        continue;
      }
      EncodeOptions options = EncodeOptions.of(format, 80);
      long[] times = new long[50];
      int size = 0;
      for (int i = -20; i < times.length; i++) {
        long start = System.nanoTime();
        size = ImageCodecs.encode(image, options).length;
        if (i >= 0) {
          times[i] = System.nanoTime() - start;
        }
      }
      Arrays.sort(times);
      System.out.printf(
          "%s: median %.2f ms, %d bytes (300x300 q80)%n", format, times[25] / 1e6, size);
    }
    java.nio.file.Files.deleteIfExists(photo);
    java.nio.file.Files.deleteIfExists(dir);
    ImageCodecs.release();
  }
}
