package io.imagegate.transform.ops;

import io.imagegate.testing.TestImages;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.concurrent.TimeUnit;
import org.imgscalr.Scalr;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Thumbnailing a 16-megapixel photo-sized image (4928x3264, decoded-JPEG layout {@code
 * TYPE_3BYTE_BGR}) with {@link Resample} and, for comparison, imgscalr's clean modes.
 *
 * <p>Run (single-threaded, on the build machine):
 *
 * <pre>
 * mvn -q -B -pl filter-core -am test-compile -DskipTests
 * mvn -q -B -pl filter-core exec:exec -Dexec.classpathScope=test -Dexec.executable=java \
 *   -Dexec.args="-cp %classpath org.openjdk.jmh.Main ResampleBenchmark"
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgs = {"-Xmx2g", "-Djava.awt.headless=true"})
public class ResampleBenchmark {
  private BufferedImage photo;
  private BufferedImage halfScale;

  /** Draws the test card at 16 MP into a 3-byte BGR image, as a JPEG decoder would return. */
  @Setup
  public void setUp() {
    photo = new BufferedImage(4928, 3264, BufferedImage.TYPE_3BYTE_BGR);
    Graphics2D g = photo.createGraphics();
    g.drawImage(TestImages.card(4928, 3264), 0, 0, null);
    g.dispose();
    // What libjpeg-turbo's 1/2 DCT decode of the 16 MP photo (5312x2988) returns.
    halfScale = new BufferedImage(2656, 1494, BufferedImage.TYPE_INT_RGB);
    g = halfScale.createGraphics();
    g.drawImage(TestImages.card(2656, 1494), 0, 0, null);
    g.dispose();
  }

  /**
   * The native path's w-300,h-300 of a 5312x2988 photo: its 1/2-scale decode, the centre square (a
   * view, as GeometryStage cuts it) resampled 4.98x to 300x300 (no pre-reduction).
   */
  @Benchmark
  public BufferedImage lanczosFromHalfScaleDecode() {
    return Resample.resize(halfScale.getSubimage(581, 0, 1494, 1494), 300, 300);
  }

  /** The thumbnail the demo serves: area pre-reduction plus Lanczos-3. */
  @Benchmark
  public BufferedImage lanczosThumbnail300() {
    return Resample.resize(photo, 300, 300);
  }

  /** A mild shrink with no pre-reduction: Lanczos-3 over every source pixel. */
  @Benchmark
  public BufferedImage lanczosHalfSize() {
    return Resample.resize(photo, 2464, 1632);
  }

  /** imgscalr's progressive bilinear halving, clean but softer. */
  @Benchmark
  public BufferedImage imgscalrQualityThumbnail300() {
    return Scalr.resize(photo, Scalr.Method.QUALITY, Scalr.Mode.FIT_EXACT, 300, 300);
  }

  /** imgscalr's QUALITY plus a final blur. */
  @Benchmark
  public BufferedImage imgscalrUltraQualityThumbnail300() {
    return Scalr.resize(photo, Scalr.Method.ULTRA_QUALITY, Scalr.Mode.FIT_EXACT, 300, 300);
  }
}
