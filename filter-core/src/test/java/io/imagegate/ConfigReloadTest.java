package io.imagegate;

import static org.assertj.core.api.Assertions.assertThat;

import io.imagegate.metrics.StatsSnapshot;
import io.imagegate.security.UrlSigner;
import io.imagegate.testing.Fixtures;
import io.imagegate.testing.MutableClock;
import io.imagegate.testing.RawHttp;
import jakarta.servlet.DispatcherType;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reload without restart: the filter configured by {@code config-file} (and {@code file:} keys) in
 * embedded Jetty, the files rewritten, and an injected clock moved on instead of sleeping. A change
 * is taken at the second look (one second apart) after it was written.
 */
class ConfigReloadTest {
  static final String K1 = "imagegate-reload-test-key-one-0123456789abcdef";
  static final String K2 = "imagegate-reload-test-key-two-0123456789abcdef";

  @TempDir Path tmp;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private Server server;
  private ImageGateFilter filter;
  private ServletContextHandler context;
  private int port;

  @AfterEach
  void stop() throws Exception {
    if (server != null) {
      server.stop();
    }
  }

  @Test
  void rotationByReload_newPrimarySigns_oldMovedToPreviousKeys_bothVerify() throws Exception {
    Path config = write("imagegate.properties", config("key=" + K1));
    start(config);
    assertThat(filter.signer().url("a.png").sign()).isEqualTo(signer(K1).url("a.png").sign());
    assertThat(status(K1)).isEqualTo(200);
    assertThat(status(K2)).isEqualTo(401);

    write("imagegate.properties", config("key=" + K2, "previous-keys=" + K1));
    tick();
    assertThat(status(K2)).as("seen once, not yet held still").isEqualTo(401);
    tick();
    assertThat(status(K2)).isEqualTo(200);
    assertThat(status(K1)).as("the old primary is a previous key now").isEqualTo(200);
    assertThat(filter.gate().stats().reloads()).isEqualTo(1);

    // The signer the pages use follows the new primary key, in the attribute and the getter.
    UrlSigner published = ImageGateFilter.signer(context.getServletContext(), "imagegate");
    assertThat(published).isSameAs(filter.signer());
    String url = published.url("a.png").sign();
    assertThat(url).isEqualTo(signer(K2).url("a.png").sign());
    assertThat(RawHttp.get(port, url).status()).isEqualTo(200);

    write("imagegate.properties", config("key=" + K2));
    tick();
    tick();
    assertThat(status(K1)).as("retired").isEqualTo(401);
    assertThat(status(K2)).isEqualTo(200);
    assertThat(filter.gate().stats().reloads()).isEqualTo(2);
  }

  @Test
  void keyFile_isWatchedToo() throws Exception {
    Path keyFile = write("primary.key", K1 + "\n");
    Path config = write("imagegate.properties", config("key=file:" + keyFile));
    start(config);
    assertThat(status(K1)).isEqualTo(200);

    replace(keyFile, K2 + "\n");
    tick();
    tick();
    assertThat(status(K2)).isEqualTo(200);
    assertThat(status(K1)).isEqualTo(401);
  }

  @Test
  void newKeyFileNamedByTheReloadedConfig_isWatchedFromThen() throws Exception {
    Path config = write("imagegate.properties", config("key=" + K1));
    start(config);
    Path keyFile = write("rotated.key", K2);
    write("imagegate.properties", config("key=file:" + keyFile));
    tick();
    tick();
    assertThat(status(K2)).isEqualTo(200);

    replace(keyFile, K1);
    tick();
    tick();
    assertThat(status(K1)).isEqualTo(200);
    assertThat(status(K2)).isEqualTo(401);
  }

  @Test
  void badFile_keepsTheOldSettings_logsOneLineNamingTheKey_andCountsIt() throws Exception {
    Path config = write("imagegate.properties", config("key=" + K1));
    start(config);
    List<String> lines = new ArrayList<>();
    Handler capture = capture(lines);
    Logger logger = Logger.getLogger(ImageGate.class.getName());
    logger.addHandler(capture);
    try {
      write(
          "imagegate.properties",
          config("key=" + K2, "previous-keys=" + K1, "limits.max-dimension=lots"));
      for (int i = 0; i < 5; i++) {
        tick();
        assertThat(status(K1)).isEqualTo(200);
        assertThat(status(K2)).as("nothing of the bad file is in force").isEqualTo(401);
      }
      assertThat(lines).hasSize(1);
      assertThat(lines.get(0))
          .contains("limits.max-dimension")
          .contains("previous settings stay")
          .doesNotContain(K1)
          .doesNotContain(K2);
      StatsSnapshot stats = filter.gate().stats();
      assertThat(stats.reloads()).isZero();
      assertThat(stats.reloadFailures()).isEqualTo(1);
      assertThat(stats.lastReloadError()).contains("limits.max-dimension");
      assertThat(stats.toJson()).contains("\"reloadFailures\":1");

      // A short key is refused by name too, and never shown.
      write("imagegate.properties", config("key=too-short-secret"));
      tick();
      tick();
      assertThat(status(K1)).isEqualTo(200);
      assertThat(filter.gate().stats().lastReloadError())
          .startsWith("key:")
          .doesNotContain("too-short-secret");

      write("imagegate.properties", config("key=" + K2));
      tick();
      tick();
      assertThat(status(K2)).as("a good file is taken again").isEqualTo(200);
      assertThat(filter.gate().stats().reloads()).isEqualTo(1);
      assertThat(lines).hasSize(3);
    } finally {
      logger.removeHandler(capture);
    }
  }

  @Test
  void deletedConfigFile_keepsTheOldSettings() throws Exception {
    Path config = write("imagegate.properties", config("key=" + K1));
    start(config);
    Files.delete(config);
    tick();
    tick();
    assertThat(status(K1)).isEqualTo(200);
    assertThat(filter.gate().stats().lastReloadError()).startsWith("config-file:");
  }

  @Test
  void noChange_noReload_andTheFilesAreLookedAtAtMostOncePerSecond() throws Exception {
    Path config = write("imagegate.properties", config("key=" + K1));
    start(config);
    ImageGate first = filter.gate();
    write("imagegate.properties", config("key=" + K2));
    for (int i = 0; i < 10; i++) {
      clock.advance(Duration.ofMillis(150));
      status(K1);
    }
    // 1.5 s: looked at once (at 1 s), so the change has not been taken yet.
    assertThat(filter.gate()).isSameAs(first);
    clock.advance(Duration.ofMillis(600));
    assertThat(status(K2)).isEqualTo(200);
  }

  /**
   * Two settings that differ in two places at once: A accepts K1 and names t as w-10; B accepts K2
   * and names t as w-20. A request that saw a mix would be accepted with K1 and come out 20 wide,
   * or with K2 and 10 wide. Requests run on four threads while the file flips between A and B.
   */
  @Test
  void swapIsAtomic_underConcurrentRequests_noRequestSeesAMix() throws Exception {
    String a = config("key=" + K1, "named.t=w-10");
    String b = config("key=" + K2, "named.t=w-20");
    Path config = write("imagegate.properties", a);
    start(config);
    Map<String, AtomicInteger> seen = new ConcurrentHashMap<>();
    List<String> mixes = java.util.Collections.synchronizedList(new ArrayList<>());
    AtomicBoolean running = new AtomicBoolean(true);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<?>> workers = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      String key = t % 2 == 0 ? K1 : K2;
      workers.add(
          pool.submit(
              () -> {
                while (running.get()) {
                  String url = signer(key).url("a.png").transformation("n-t").sign();
                  RawHttp.Response response = RawHttp.get(port, url);
                  String outcome =
                      (key.equals(K1) ? "K1 " : "K2 ")
                          + response.status()
                          + (response.status() == 200 ? " w" + width(response) : "");
                  seen.computeIfAbsent(outcome, o -> new AtomicInteger()).incrementAndGet();
                  if (outcome.equals("K1 200 w20") || outcome.equals("K2 200 w10")) {
                    mixes.add(outcome);
                  }
                }
                return null;
              }));
    }
    try {
      for (int flip = 0; flip < 8; flip++) {
        ImageGate before = filter.gate();
        write("imagegate.properties", flip % 2 == 0 ? b : a);
        tickUnderLoad();
        tickUnderLoad();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (filter.gate() == before && System.nanoTime() < deadline) {
          Thread.sleep(5);
        }
        assertThat(filter.gate()).as("flip " + flip + " took effect").isNotSameAs(before);
      }
    } finally {
      running.set(false);
      for (Future<?> worker : workers) {
        worker.get(30, TimeUnit.SECONDS);
      }
      pool.shutdownNow();
    }
    assertThat(mixes).as("responses " + seen).isEmpty();
    assertThat(seen.keySet()).contains("K1 200 w10", "K2 200 w20", "K1 401", "K2 401");
    assertThat(filter.gate().stats().reloads()).isEqualTo(8);
  }

  /** Moves the clock past the next look while requests are running, and lets one of them look. */
  private void tickUnderLoad() throws InterruptedException {
    clock.advance(Duration.ofMillis(1001));
    long before = filter.gate().stats().requests().values().stream().mapToLong(n -> n).sum();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (System.nanoTime() < deadline
        && filter.gate().stats().requests().values().stream().mapToLong(n -> n).sum()
            < before + 4) {
      Thread.sleep(2);
    }
  }

  private int width(RawHttp.Response response) {
    BufferedImage image = Fixtures.decode(response.body());
    return image.getWidth();
  }

  private String config(String... lines) {
    StringBuilder text =
        new StringBuilder("root=" + tmp.resolve("images").toString().replace("\\", "/") + "\n");
    text.append("require-signature=true\n");
    for (String line : lines) {
      text.append(line).append('\n');
    }
    return text.toString();
  }

  /** Writes a file in place (as an editor that truncates and rewrites does). */
  private Path write(String name, String text) throws Exception {
    return Files.writeString(tmp.resolve(name), text, StandardCharsets.UTF_8);
  }

  /** Replaces a file by renaming a new one over it (as Kubernetes and careful scripts do). */
  private void replace(Path file, String text) throws Exception {
    Path next = Files.writeString(file.resolveSibling(file.getFileName() + ".new"), text);
    Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /** One second on, and one request, which takes the look. */
  private void tick() throws Exception {
    clock.advance(Duration.ofMillis(1000));
    RawHttp.get(port, "/img/none.png");
  }

  private int status(String key) throws Exception {
    return RawHttp.get(port, signer(key).url("a.png").sign()).status();
  }

  private static UrlSigner signer(String key) {
    return UrlSigner.builder().urlEndpoint("/img").privateKey(key).build();
  }

  private void start(Path config) throws Exception {
    Fixtures.write(tmp.resolve("images/a.png"), Fixtures.png(40, 30));
    server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    context = new ServletContextHandler("/");
    filter = new ImageGateFilter();
    filter.reloadClock(clock);
    FilterHolder holder = new FilterHolder(filter);
    holder.setName("imagegate");
    holder.setInitParameter("config-file", config.toString());
    context.addFilter(holder, "/img/*", EnumSet.of(DispatcherType.REQUEST));
    server.setHandler(context);
    server.start();
    port = connector.getLocalPort();
  }

  private static Handler capture(List<String> lines) {
    return new Handler() {
      @Override
      public void publish(LogRecord record) {
        if (record.getMessage() != null && record.getMessage().contains("reload")) {
          synchronized (lines) {
            lines.add(record.getMessage());
          }
        }
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
  }
}
