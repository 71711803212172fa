package io.imagegate.bench;

import io.imagegate.source.ImageFormat;
import io.imagegate.transform.codec.EncodeOptions;
import io.imagegate.transform.codec.ImageCodecs;
import java.awt.image.BufferedImage;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The soak of issue 10: 10,000 JPEG and 10,000 WebP encodes (300x300, q80) in one JVM, printing the
 * heap after GC and the process RSS every 2,000 encodes of each, and whether both stay within 5 %
 * of their first value after warm-up. Run from filter-core/ (after test-compile):
 *
 * <pre>
 * mvn -q -B -o dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt -Dmdep.includeScope=test
 * java -Xms128m -Xmx128m -XX:+AlwaysPreTouch -cp target/test-classes:target/classes:$(cat /tmp/cp.txt) \
 *   io.imagegate.bench.EncodeSoak [encodes-per-format]
 * </pre>
 */
public final class EncodeSoak {
  private EncodeSoak() {}

  /** Runs the soak; exit status 1 when heap or RSS grew by more than 5 %. */
  public static void main(String[] args) throws Exception {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    System.out.println("codecs: " + ImageCodecs.acquire());
    BufferedImage image = new BufferedImage(300, 300, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < 300; y++) {
      for (int x = 0; x < 300; x++) {
        image.setRGB(x, y, (x * 7 + y) << 16 | (y * 3) << 8 | (x ^ y) & 0xFF);
      }
    }
    EncodeOptions jpeg = EncodeOptions.of(ImageFormat.JPEG, 80);
    EncodeOptions webp = EncodeOptions.of(ImageFormat.WEBP, 80);
    int step = Math.max(1, count / 5);
    long bytes = 0;
    for (int i = 0; i < step; i++) { // warm-up: JIT, malloc arenas, libwebp's tables
      bytes += ImageCodecs.encode(image, jpeg).length + ImageCodecs.encode(image, webp).length;
    }
    List<long[]> samples = new ArrayList<>();
    samples.add(new long[] {0, heapAfterGc(), rss()});
    System.out.printf(
        "after %d of each as warm-up: heap after GC %6.1f MB, RSS %6.1f MB%n",
        step, samples.get(0)[1] / 1e6, samples.get(0)[2] / 1e6);
    for (int i = 1; i <= count; i++) {
      bytes += ImageCodecs.encode(image, jpeg).length;
      bytes += ImageCodecs.encode(image, webp).length;
      if (i % step == 0) {
        long[] sample = {i, heapAfterGc(), rss()};
        samples.add(sample);
        System.out.printf(
            "%6d JPEG + %6d WebP: heap after GC %6.1f MB, RSS %6.1f MB%n",
            i, i, sample[1] / 1e6, sample[2] / 1e6);
      }
    }
    ImageCodecs.release();
    long[] first = samples.get(0); // the end of the warm-up
    long[] last = samples.get(samples.size() - 1);
    double heapGrowth = 100.0 * (last[1] - first[1]) / first[1];
    double rssGrowth = 100.0 * (last[2] - first[2]) / first[2];
    System.out.printf(
        "%d JPEG + %d WebP after warm-up: heap %+.1f %%, RSS %+.1f %% (%d bytes encoded)%n",
        count, count, heapGrowth, rssGrowth, bytes);
    System.exit(heapGrowth > 5 || rssGrowth > 5 ? 1 : 0);
  }

  private static long heapAfterGc() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(50);
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  private static long rss() throws Exception {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
      }
    }
    return -1;
  }
}
