package io.imagegate;

import static org.assertj.core.api.Assertions.assertThat;

import io.imagegate.config.ImageGateSettingsBuilder;
import io.imagegate.metrics.StatsSnapshot;
import io.imagegate.security.UrlSigner;
import io.imagegate.testing.Fixtures;
import io.imagegate.testing.HeldRender;
import io.imagegate.testing.MutableClock;
import io.imagegate.testing.RawHttp;
import io.imagegate.testing.RawHttp.Response;
import io.imagegate.testing.TestGate;
import io.imagegate.testing.TestServer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.Mockito;

/**
 * Variants over HTTP: single-flight renders, validators, Cache-Control, Vary, overload, aborts,
 * metrics.
 */
class VariantServingTest {
  @TempDir Path root;
  final MutableClock clock = new MutableClock(Instant.ofEpochSecond(1_800_000_000L));

  ImageGateSettingsBuilder settings() {
    Fixtures.write(root.resolve("a.jpg"), Fixtures.jpeg(400, 300));
    Fixtures.write(root.resolve("p.png"), Fixtures.png(200, 100));
    return TestGate.settings(root)
        .clock(clock)
        .unsignedTransformations(io.imagegate.config.UnsignedTransformations.ANY);
  }

  UrlSigner signer() {
    return TestGate.signer(clock);
  }

  @Test
  void concurrentRequestsForOneColdVariant_renderOnce() throws Exception {
    try (TestServer server = new TestServer(settings().build())) {
      ExecutorService pool = Executors.newFixedThreadPool(32);
      CountDownLatch go = new CountDownLatch(1);
      try {
        List<Future<Response>> responses = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
          responses.add(
              pool.submit(
                  () -> {
                    go.await();
                    return RawHttp.get(server.port(), "/img/a.jpg?tr=w-120,h-90");
                  }));
        }
        go.countDown();
        for (Future<Response> response : responses) {
          assertThat(response.get(60, TimeUnit.SECONDS).status()).isEqualTo(200);
        }
      } finally {
        pool.shutdownNow();
      }
      StatsSnapshot stats = server.filter().gate().stats();
      assertThat(stats.renders()).isEqualTo(1);
      assertThat(stats.requests().get("variant")).isEqualTo(32);
    }
  }

  @Test
  void variant_hasValidatorsAnd304() throws Exception {
    try (TestServer server = new TestServer(settings().build())) {
      Response first = RawHttp.get(server.port(), "/img/a.jpg?tr=w-100");
      assertThat(first.status()).isEqualTo(200);
      assertThat(first.header("Content-Type")).isEqualTo("image/jpeg");
      assertThat(first.header("Content-Length")).isEqualTo(String.valueOf(first.body().length));
      assertThat(first.header("X-Content-Type-Options")).isEqualTo("nosniff");
      String etag = first.header("ETag");
      assertThat(etag).startsWith("\"v");
      assertThat(
              RawHttp.get(server.port(), "/img/a.jpg?tr=w-100", "If-None-Match: " + etag).status())
          .isEqualTo(304);
      assertThat(RawHttp.get(server.port(), "/img/a.jpg?tr=w-101").header("ETag"))
          .isNotEqualTo(etag);
      Response head = RawHttp.send(server.port(), "HEAD", "/img/a.jpg?tr=w-100");
      assertThat(head.header("Content-Length")).isEqualTo(String.valueOf(first.body().length));
      assertThat(head.body()).isEmpty();
    }
  }

  @Test
  void changedSource_givesNewEtagAndNewBytes() throws Exception {
    try (TestServer server = new TestServer(settings().build())) {
      Response before = RawHttp.get(server.port(), "/img/a.jpg?tr=w-100");
      Path file = root.resolve("a.jpg");
      Files.write(
          file,
          Fixtures.encode(
              Fixtures.twoTone(300, 300, java.awt.image.BufferedImage.TYPE_INT_RGB), "jpg"));
      Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(10)));
      // A path's resolution is trusted for SourceResolver.FRESHNESS (900 ms), never longer.
      clock.advance(io.imagegate.source.SourceResolver.FRESHNESS);
      Response after = RawHttp.get(server.port(), "/img/a.jpg?tr=w-100");
      assertThat(after.header("ETag")).isNotEqualTo(before.header("ETag"));
      assertThat(after.body()).isNotEqualTo(before.body());
      assertThat(Fixtures.decode(after.body()).getHeight()).isEqualTo(100);
    }
  }

  @Test
  void cacheControl_isCappedByTheExpiry() throws Exception {
    try (TestServer server = new TestServer(settings().cacheMaxAge(Duration.ofDays(1)).build())) {
      Response plain = RawHttp.get(server.port(), "/img/a.jpg?tr=w-50");
      assertThat(plain.header("Cache-Control")).isEqualTo("public, max-age=86400");
      assertThat(plain.header("Expires")).isNull();
      String url =
          signer().url("a.jpg").transformation("w-50").expiresIn(Duration.ofSeconds(300)).sign();
      // An absolute Expires at ik-t, and no max-age: a proxy that sends no Age (nginx) would
      // otherwise let the browser count max-age again from when the proxy served its copy.
      String expires = httpDate(clock.instant().plusSeconds(300));
      Response first = RawHttp.get(server.port(), url);
      assertThat(first.header("Cache-Control")).isEqualTo("public");
      assertThat(first.header("Expires")).isEqualTo(expires);
      clock.advance(Duration.ofSeconds(200));
      Response later = RawHttp.get(server.port(), url);
      assertThat(later.header("Cache-Control")).isEqualTo("public");
      assertThat(later.header("Expires")).isEqualTo(expires);
      Response notModified =
          RawHttp.get(server.port(), url, "If-None-Match: " + later.header("ETag"));
      assertThat(notModified.status()).isEqualTo(304);
      assertThat(notModified.header("Cache-Control")).isEqualTo("public");
      assertThat(notModified.header("Expires")).isEqualTo(expires);
    }
  }

  @Test
  void expiryBeyondMaxAge_expiresAtMaxAge() throws Exception {
    try (TestServer server =
        new TestServer(settings().cacheMaxAge(Duration.ofMinutes(10)).build())) {
      String url =
          signer().url("a.jpg").transformation("w-50").expiresIn(Duration.ofHours(5)).sign();
      Response r = RawHttp.get(server.port(), url);
      assertThat(r.header("Cache-Control")).isEqualTo("public");
      assertThat(r.header("Expires")).isEqualTo(httpDate(clock.instant().plusSeconds(600)));
    }
  }

  @Test
  void errors_carryNoStoreAndNoExpires() throws Exception {
    try (TestServer server = new TestServer(settings().build())) {
      String url =
          signer().url("a.jpg").transformation("w-50").expiresIn(Duration.ofSeconds(30)).sign();
      clock.advance(Duration.ofSeconds(31));
      Response expired = RawHttp.get(server.port(), url);
      assertThat(expired.status()).isEqualTo(401);
      assertThat(expired.header("Cache-Control")).isEqualTo("no-store");
      assertThat(expired.header("Expires")).isNull();
      assertThat(expired.header("ETag")).isNull();
      assertThat(expired.header("Last-Modified")).isNull();
      Response missing =
          RawHttp.get(server.port(), signer().url("none.jpg").transformation("w-50").sign());
      assertThat(missing.status()).isEqualTo(404);
      assertThat(missing.header("Cache-Control")).isEqualTo("no-store");
      assertThat(missing.header("Expires")).isNull();
    }
  }

  static String httpDate(Instant instant) {
    return java.time.format.DateTimeFormatter.ofPattern(
            "EEE, dd MMM yyyy HH:mm:ss 'GMT'", java.util.Locale.US)
        .format(instant.atZone(java.time.ZoneOffset.UTC));
  }

  @Test
  void formatAuto_negotiatesWebpAndVaries() throws Exception {
    try (TestServer server = new TestServer(settings().build())) {
      // AVIF, when accepted and libavif is there, is CodecBackendServingTest's; no WebP on the
      // pure-Java backend: f-auto then keeps the source's format.
      boolean webpAvailable =
          io.imagegate.transform.codec.ImageCodecs.canEncode(io.imagegate.source.ImageFormat.WEBP);
      Response webp =
          RawHttp.get(server.port(), "/img/a.jpg?tr=w-80,f-auto", "Accept: image/webp,*/*");
      assertThat(webp.header("Content-Type"))
          .isEqualTo(webpAvailable ? "image/webp" : "image/jpeg");
      assertThat(webp.header("Vary")).isEqualTo("Accept");
      Response jpeg = RawHttp.get(server.port(), "/img/a.jpg?tr=w-80,f-auto", "Accept: image/*");
      assertThat(jpeg.header("Content-Type")).isEqualTo("image/jpeg");
      assertThat(jpeg.header("Vary")).isEqualTo("Accept");
      if (webpAvailable) {
        assertThat(jpeg.header("ETag")).isNotEqualTo(webp.header("ETag"));
      }
      Response fixed = RawHttp.get(server.port(), "/img/a.jpg?tr=w-80,f-png", "Accept: image/webp");
      assertThat(fixed.header("Content-Type")).isEqualTo("image/png");
      assertThat(fixed.header("Vary")).isNull();
    }
  }

  @Test
  void saturatedRenders_get503WithRetryAfter_whileCacheHitsAndOriginalsFlow() throws Exception {
    try (TestServer server =
        new TestServer(
            settings().renderConcurrency(1).renderQueueTimeout(Duration.ofMillis(200)).build())) {
      assertThat(RawHttp.get(server.port(), "/img/a.jpg?tr=w-60").status()).isEqualTo(200);
      try (HeldRender slowRender = HeldRender.hold(server.filter().gate().limiter(), 0)) {
        Response busy = RawHttp.get(server.port(), "/img/a.jpg?tr=w-61");
        assertThat(busy.status()).isEqualTo(503);
        assertThat(busy.header("Retry-After")).isNotNull();
        assertThat(busy.text()).contains("overloaded");
        assertThat(RawHttp.get(server.port(), "/img/a.jpg?tr=w-60").status())
            .as("cache hit")
            .isEqualTo(200);
        assertThat(RawHttp.get(server.port(), "/img/a.jpg").status()).as("original").isEqualTo(200);
      }
      assertThat(RawHttp.get(server.port(), "/img/a.jpg?tr=w-61").status()).isEqualTo(200);
      assertThat(server.filter().gate().stats().requests().get("overloaded")).isEqualTo(1);
    }
  }

  @Test
  void clientAbort_freesThePermitAndCachesNothing() throws Exception {
    ImageGate gate = new ImageGate(settings().renderConcurrency(1).build(), "/img");
    HttpServletRequest request = Mockito.mock(HttpServletRequest.class);
    Mockito.when(request.getRequestURI()).thenReturn("/img/a.jpg");
    Mockito.when(request.getQueryString()).thenReturn("tr=w-70");
    Mockito.when(request.getMethod()).thenReturn("GET");
    HttpServletResponse response = Mockito.mock(HttpServletResponse.class);
    Mockito.when(response.getOutputStream()).thenReturn(brokenPipe());
    gate.handle(request, response, Mockito.mock(FilterChain.class));
    StatsSnapshot stats = gate.stats();
    assertThat(stats.renders()).isEqualTo(1);
    assertThat(stats.cacheEntries()).as("an aborted variant is not kept").isZero();
    assertThat(gate.limiter().available()).as("the permit is free again").isEqualTo(1);
  }

  @Test
  void clientAbortOnACacheHit_keepsTheVariantForEveryoneElse() throws Exception {
    // Evicting a cached variant whenever one client hangs up would let anyone with its URL turn
    // cheap aborted requests into renders for everybody else.
    try (TestServer server = new TestServer(settings().build())) {
      assertThat(RawHttp.get(server.port(), "/img/a.jpg?tr=w-71").status()).isEqualTo(200);
      ImageGate gate = server.filter().gate();
      HttpServletRequest request = Mockito.mock(HttpServletRequest.class);
      Mockito.when(request.getRequestURI()).thenReturn("/img/a.jpg");
      Mockito.when(request.getQueryString()).thenReturn("tr=w-71");
      Mockito.when(request.getMethod()).thenReturn("GET");
      HttpServletResponse response = Mockito.mock(HttpServletResponse.class);
      Mockito.when(response.getOutputStream()).thenReturn(brokenPipe());
      for (int i = 0; i < 3; i++) {
        gate.handle(request, response, Mockito.mock(FilterChain.class));
      }
      Mockito.verify(response, Mockito.times(3)).getOutputStream(); // each hit met the broken pipe
      assertThat(RawHttp.get(server.port(), "/img/a.jpg?tr=w-71").status()).isEqualTo(200);
      assertThat(gate.stats().renders())
          .as("rendered once, aborted hits evict nothing")
          .isEqualTo(1);
      assertThat(gate.stats().cacheEntries()).isEqualTo(1);
    }
  }

  private static ServletOutputStream brokenPipe() {
    return new ServletOutputStream() {
      @Override
      public void write(int b) throws IOException {
        throw new IOException("Broken pipe");
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        throw new IOException("Broken pipe");
      }

      @Override
      public boolean isReady() {
        return true;
      }

      @Override
      public void setWriteListener(WriteListener listener) {}
    };
  }

  @Test
  void floodOfDistinctVariants_staysWithinTheByteBound() throws Exception {
    long bound = 40_000;
    try (TestServer server = new TestServer(settings().cacheMaxBytes(bound).build())) {
      for (int w = 20; w < 120; w++) {
        assertThat(RawHttp.get(server.port(), "/img/a.jpg?tr=w-" + w).status()).isEqualTo(200);
      }
      StatsSnapshot stats = server.filter().gate().stats();
      assertThat(stats.cacheBytes()).isLessThanOrEqualTo(bound).isPositive();
      assertThat(stats.cacheEvictions()).isPositive();
      assertThat(stats.renders()).isEqualTo(100);
    }
  }

  @Test
  void metrics_countOutcomesHitsAndMisses() throws Exception {
    try (TestServer server = new TestServer(settings().build())) {
      RawHttp.get(server.port(), "/img/a.jpg?tr=w-30");
      RawHttp.get(server.port(), "/img/a.jpg?tr=w-30");
      RawHttp.get(server.port(), "/img/a.jpg");
      RawHttp.get(server.port(), "/img/missing.jpg");
      RawHttp.get(server.port(), "/img/a.jpg?tr=zz-1");
      RawHttp.get(server.port(), "/img/a.jpg?ik-s=00");
      StatsSnapshot stats = server.filter().gate().stats();
      assertThat(stats.renders()).isEqualTo(1);
      assertThat(stats.cacheHits()).isGreaterThanOrEqualTo(1);
      assertThat(stats.cacheMisses()).isGreaterThanOrEqualTo(1);
      assertThat(stats.requests())
          .containsEntry("variant", 2L)
          .containsEntry("original", 1L)
          .containsEntry("not_found", 1L)
          .containsEntry("bad_request", 1L)
          .containsEntry("unauthorized", 1L);
      assertThat(stats.denials())
          .containsEntry("not_found", 1L)
          .containsEntry("bad_transformation", 1L)
          .containsEntry("signature_invalid", 1L);
      assertThat(stats.toJson())
          .contains("\"renders\":1")
          .contains("\"cacheHits\":")
          .contains("\"cacheBytes\":");
    }
  }
}
