package io.imagegate.bench;

import io.imagegate.limits.Limits;
import io.imagegate.source.ImageFormat;
import io.imagegate.transform.Transformation;
import io.imagegate.transform.TransformationParser;
import io.imagegate.transform.pipeline.OverlayImages;
import io.imagegate.transform.render.RenderHelper;
import io.imagegate.transform.render.Variant;
import io.imagegate.transform.render.VariantRenderer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Decode, resize, encode: a 300x300 JPEG thumbnail ({@code w-300,h-300}) of a 16-megapixel JPEG
 * through {@link VariantRenderer#render}, the path form of what the filter does on a cache miss,
 * with shrink-on-load ({@code shrinkOnLoad=true}: the JPEG is decoded straight into a 3x3 box
 * reduction) and without (full decode, then the resampler's own box pre-reduction and Lanczos). One
 * calling thread, so the numbers are per render; with {@code helper=true} (as the filter renders on
 * a multi-core machine) half of the first resample runs on a helper thread when one is idle, with
 * {@code helper=false} the render stays on one core. {@code bench/thumbnail.sh} runs it beside
 * {@code vipsthumbnail}.
 *
 * <p>The source is a generated 4928x3264 baseline JPEG, or the JPEG named by the system property
 * {@code imagegate.bench.photo} in the forked JVM. Run, from the repository root:
 *
 * <pre>
 * mvn -q -B -pl filter-core -am install -DskipTests
 * mvn -q -B -pl filter-core exec:exec -Dexec.classpathScope=test -Dexec.executable=java \
 *   -Dexec.args="-cp %classpath org.openjdk.jmh.Main ThumbnailBenchmark"
 * # a real progressive photo instead (the path as seen from filter-core/):
 * mvn -q -B -pl filter-core exec:exec -Dexec.classpathScope=test -Dexec.executable=java \
 *   -Dexec.args="-cp %classpath org.openjdk.jmh.Main ThumbnailBenchmark \
 *   -jvmArgsAppend -Dimagegate.bench.photo=../../shared/corpus/photos/nature-dandelion-seeds.jpg"
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(
    value = 1,
    jvmArgs = {"-Xmx1g", "-Djava.awt.headless=true"})
public class ThumbnailBenchmark {
  private static final OverlayImages NO_OVERLAYS =
      path -> {
        throw new IllegalStateException("no overlays in this benchmark");
      };

  /** Whether the renderer may decode the JPEG reduced. */
  @Param({"true", "false"})
  public boolean shrinkOnLoad;

  /**
   * The codec backend: {@code native} (libjpeg-turbo) or {@code java} ({@code imagegate.codecs}).
   */
  @Param({"native", "java"})
  public String backend;

  /**
   * Whether the render may hand half of its first resample to a helper thread, as the filter's
   * renders do on a machine with more than one core ({@code RenderHelper}).
   */
  @Param({"true", "false"})
  public boolean helper;

  private RenderHelper helpers;
  private Path dir;
  private Path photo;
  private VariantRenderer renderer;
  private Transformation thumbnail;

  /** Writes (or copies) the photo to a temporary file and builds the renderer. */
  @Setup
  public void setUp() throws IOException {
    System.setProperty("imagegate.codecs", backend.equals("java") ? "java" : "auto");
    io.imagegate.transform.codec.EncoderFaults.reloadBackend();
    System.out.println("codecs: " + io.imagegate.transform.codec.ImageCodecs.backend());
    dir = Files.createTempDirectory("imagegate-bench");
    photo = BenchPhoto.writeTo(dir.resolve("photo.jpg"));
    System.out.println("source: " + BenchPhoto.describe());
    helpers = helper ? RenderHelper.forThisMachine() : null;
    renderer =
        shrinkOnLoad && helpers != null
            ? new VariantRenderer(Limits.defaults(), helpers)
            : new VariantRenderer(Limits.defaults(), shrinkOnLoad);
    thumbnail = new TransformationParser(Map.of(), Limits.defaults()).parse("w-300,h-300");
  }

  /** Removes the temporary photo. */
  @TearDown
  public void tearDown() throws IOException {
    if (helpers != null) {
      helpers.close();
    }
    Files.deleteIfExists(photo);
    Files.deleteIfExists(dir);
  }

  /** One cold 300x300 JPEG thumbnail: decode, resize, encode at quality 80. */
  @Benchmark
  public Variant thumbnail300() {
    return renderer.render(photo, thumbnail, ImageFormat.JPEG, NO_OVERLAYS);
  }
}
