package io.imagegate.bench;

import io.imagegate.CachedAnswer;
import io.imagegate.ImageGate;
import io.imagegate.config.ImageGateSettings;
import io.imagegate.security.UrlSigner;
import jakarta.servlet.FilterChain;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The whole request path of {@link ImageGate#handle} without a servlet container (fake request and
 * response, {@link FakeExchange}), for a signed {@code w-300,h-300} thumbnail URL of a 16-megapixel
 * JPEG with {@code require-signature=true}:
 *
 * <ul>
 *   <li>{@code cachedThumbnail}: the variant is already in the result cache, so this is parse,
 *       HMAC-SHA1 verify, access policy, file resolution ({@code toRealPath}, size, mtime), cache
 *       lookup and writing the headers and the ~20 KB body;
 *   <li>{@code cachedAnswer}: the same hit through {@link ImageGate#cachedAnswer} (the demo's Jetty
 *       path ahead of the servlet layer): the same parse, verify, policy, resolution and lookup,
 *       and the answer's headers and read-only body instead of a servlet response;
 *   <li>{@code coldThumbnail}: the same URL against a fresh gate (empty cache, built outside the
 *       measurement), so it adds decode, resize and encode.
 * </ul>
 *
 * <p>The source is as in {@link ThumbnailBenchmark} ({@code imagegate.bench.photo} or a generated
 * one). Run, from the repository root:
 *
 * <pre>
 * mvn -q -B -pl filter-core -am install -DskipTests
 * mvn -q -B -pl filter-core exec:exec -Dexec.classpathScope=test -Dexec.executable=java \
 *   -Dexec.args="-cp %classpath org.openjdk.jmh.Main GateBenchmark"
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(
    value = 1,
    jvmArgs = {"-Xmx1g", "-Djava.awt.headless=true"})
public class GateBenchmark {
  private static final String KEY = "benchmark-key-0123456789-abcdefghijklmnop";
  private static final FilterChain NOT_AN_IMAGE =
      (request, response) -> {
        throw new IllegalStateException("the thumbnail URL must not pass down the chain");
      };

  private Path root;
  private ImageGateSettings settings;
  private static final UnaryOperator<String> NO_HEADERS = name -> null;

  private FakeExchange exchange;
  private String path;
  private String query;
  private ImageGate warm;

  /** Writes the photo, signs the URL and renders it once into the warm gate's cache. */
  @Setup(Level.Trial)
  public void setUp() throws Exception {
    root = Files.createTempDirectory("imagegate-gate-bench").toRealPath();
    BenchPhoto.writeTo(root.resolve("photo.jpg"));
    System.out.println("source: " + BenchPhoto.describe());
    settings = ImageGateSettings.builder().root(root).key(KEY).requireSignature(true).build();
    String url =
        UrlSigner.builder()
            .urlEndpoint("/img")
            .privateKey(KEY)
            .build()
            .url("photo.jpg")
            .transformation("w-300,h-300")
            .sign();
    exchange = new FakeExchange(url);
    path = url.substring(0, url.indexOf('?'));
    query = url.substring(url.indexOf('?') + 1);
    warm = new ImageGate(settings, "/img");
    warm.handle(exchange.request(), exchange.response(), NOT_AN_IMAGE);
    if (exchange.status() != 200 || exchange.bodyBytes() == 0) {
      throw new IllegalStateException("the signed thumbnail URL answered " + exchange.status());
    }
  }

  /**
   * A gate with an empty cache for each cold render. Its own state, so that building it (its
   * caches: some 20 KB) is neither timed nor counted by {@code -prof gc} in {@code
   * cachedThumbnail}.
   */
  @State(Scope.Thread)
  public static class ColdGate {
    ImageGate gate;

    /** Builds the gate before each invocation. */
    @Setup(Level.Invocation)
    public void freshGate(GateBenchmark bench) {
      gate = new ImageGate(bench.settings, "/img");
    }
  }

  /** Removes the photo. */
  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    Files.deleteIfExists(root.resolve("photo.jpg"));
    Files.deleteIfExists(root);
  }

  /** Verify and serve from the cache. */
  @Benchmark
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public long cachedThumbnail() throws Exception {
    return serve(warm);
  }

  /** Verify and answer from the cache, ahead of the servlet layer. */
  @Benchmark
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public int cachedAnswer() {
    CachedAnswer answer = warm.cachedAnswer("GET", path, query, NO_HEADERS);
    if (answer == null) {
      throw new IllegalStateException("the signed thumbnail is not a cached answer");
    }
    return answer.body().remaining();
  }

  /** Verify, decode, resize, encode, cache and serve. */
  @Benchmark
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public long coldThumbnail(ColdGate cold) throws Exception {
    return serve(cold.gate);
  }

  private long serve(ImageGate gate) throws Exception {
    exchange.reset();
    gate.handle(exchange.request(), exchange.response(), NOT_AN_IMAGE);
    if (exchange.status() != 200) {
      throw new IllegalStateException("status " + exchange.status());
    }
    return exchange.bodyBytes();
  }
}
