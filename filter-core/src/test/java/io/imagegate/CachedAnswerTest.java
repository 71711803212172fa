package io.imagegate;

import static org.assertj.core.api.Assertions.assertThat;

import io.imagegate.metrics.StatsSnapshot;
import io.imagegate.security.UrlSigner;
import io.imagegate.testing.Fixtures;
import io.imagegate.testing.MutableClock;
import io.imagegate.testing.RawHttp;
import io.imagegate.testing.TestGate;
import io.imagegate.testing.TestServer;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link ImageGate#cachedAnswer}: a plain GET of a cached variant gets exactly the filter's hit
 * (headers and bytes), counted once as the filter counts it; every other request gets null and is
 * not counted at all, so the filter, asked next, answers and counts it alone.
 */
class CachedAnswerTest {
  @TempDir Path root;
  final MutableClock clock = new MutableClock(Instant.ofEpochSecond(1_800_000_000L));

  TestServer server() throws Exception {
    Fixtures.write(root.resolve("a.jpg"), Fixtures.jpeg(400, 300));
    Fixtures.write(root.resolve("notes.txt"), new byte[] {'h', 'i'});
    return new TestServer(TestGate.settings(root).clock(clock).build());
  }

  UrlSigner signer() {
    return TestGate.signer(clock);
  }

  static UnaryOperator<String> headers(String... namesAndValues) {
    Map<String, String> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (int i = 0; i < namesAndValues.length; i += 2) {
      map.put(namesAndValues[i], namesAndValues[i + 1]);
    }
    return map::get;
  }

  static CachedAnswer ask(TestServer server, String target, String... headers) {
    int q = target.indexOf('?');
    return server
        .filter()
        .gate()
        .cachedAnswer(
            "GET",
            q < 0 ? target : target.substring(0, q),
            q < 0 ? null : target.substring(q + 1),
            headers(headers));
  }

  static Map<String, String> headersOf(CachedAnswer answer) {
    Map<String, String> map = new TreeMap<>();
    answer.forEachHeader((name, value) -> map.put(name.toLowerCase(Locale.ROOT), value));
    return map;
  }

  /** A response's headers less the server's own: Date, Server, and Connection (RawHttp's close). */
  static Map<String, String> imagegates(Map<String, String> headers) {
    Map<String, String> map = new TreeMap<>(headers);
    map.remove("date");
    map.remove("server");
    map.remove("connection");
    return map;
  }

  static byte[] bytes(ByteBuffer buffer) {
    byte[] bytes = new byte[buffer.remaining()];
    buffer.get(bytes);
    return bytes;
  }

  @ParameterizedTest
  @ValueSource(strings = {"w-120,h-90", "w-100,f-auto", "w-80,q-60,f-png"})
  void aHit_isTheFiltersHit_headersAndBytes(String transformation) throws Exception {
    try (TestServer server = server()) {
      for (String accept : new String[] {"image/webp,image/*", "image/jpeg"}) {
        String target = signer().url("a.jpg").transformation(transformation).sign();
        RawHttp.get(server.port(), target, "Accept: " + accept); // the render
        RawHttp.Response hit = RawHttp.get(server.port(), target, "Accept: " + accept);
        assertThat(hit.status()).isEqualTo(200);

        CachedAnswer answer = ask(server, target, "Accept", accept);

        assertThat(answer).isNotNull();
        assertThat(headersOf(answer)).isEqualTo(imagegates(hit.headers()));
        assertThat(bytes(answer.body())).isEqualTo(hit.body());
        assertThat(answer.body().isReadOnly()).isTrue();
      }
    }
  }

  @Test
  void anExpiringHit_carriesTheFiltersExpires() throws Exception {
    try (TestServer server = server()) {
      String target =
          signer().url("a.jpg").transformation("w-64").expiresIn(Duration.ofMinutes(5)).sign();
      RawHttp.get(server.port(), target);
      RawHttp.Response hit = RawHttp.get(server.port(), target);

      CachedAnswer answer = ask(server, target);

      assertThat(headersOf(answer)).containsEntry("expires", hit.header("Expires"));
      assertThat(headersOf(answer)).isEqualTo(imagegates(hit.headers()));
    }
  }

  @Test
  void aHit_isCountedOnce_asTheFilterCountsIt() throws Exception {
    try (TestServer server = server()) {
      String target = signer().url("a.jpg").transformation("w-50").sign();
      RawHttp.get(server.port(), target);
      StatsSnapshot before = server.filter().gate().stats();

      assertThat(ask(server, target)).isNotNull();

      StatsSnapshot after = server.filter().gate().stats();
      assertThat(after.cacheHits()).isEqualTo(before.cacheHits() + 1);
      assertThat(after.cacheMisses()).isEqualTo(before.cacheMisses());
      assertThat(after.requests().get("variant")).isEqualTo(before.requests().get("variant") + 1);
    }
  }

  /**
   * Requests for the cached {@code a.jpg?tr=w-120,h-90} (or near it) that only the filter may
   * answer: not GET, conditional, refused, not cached, an original or not an image, an escaped or
   * odd path or query, an attachment.
   */
  static Stream<Arguments> othersForTheFilter() {
    return Stream.<String[]>of(
            new String[] {"HEAD", "{hit}"},
            new String[] {"POST", "{hit}"},
            new String[] {"GET", "{hit}", "If-None-Match", "*"},
            new String[] {"GET", "{hit}", "If-Match", "*"},
            new String[] {"GET", "{hit}", "If-Modified-Since", "Thu, 01 Jan 2037 00:00:00 GMT"},
            new String[] {"GET", "{hit}", "If-Unmodified-Since", "Thu, 01 Jan 1970 00:00:00 GMT"},
            new String[] {"GET", "{hit}", "If-Range", "\"x\""},
            new String[] {"GET", "{hit}&ik-attachment=true"},
            new String[] {"GET", "{tampered}"},
            new String[] {"GET", "{badSignature}"},
            new String[] {"GET", "{unsigned}"},
            new String[] {"GET", "{notCached}"},
            new String[] {"GET", "{original}"},
            new String[] {"GET", "{text}"},
            new String[] {"GET", "{missing}"},
            new String[] {"GET", "{outside}"},
            new String[] {"GET", "{escaped}"},
            new String[] {"GET", "{parameter}"},
            new String[] {"GET", "{doubleSlash}"},
            new String[] {"GET", "{dot}"},
            new String[] {"GET", "{dotDot}"},
            new String[] {"GET", "{backslash}"},
            new String[] {"GET", "{escapedQuery}"})
        .map(request -> Arguments.of((Object) request));
  }

  @ParameterizedTest
  @MethodSource("othersForTheFilter")
  void everyOtherRequest_getsNull_andIsNotCounted(String[] request) throws Exception {
    try (TestServer server = server()) {
      String hit = signer().url("a.jpg").transformation("w-120,h-90").sign();
      assertThat(RawHttp.get(server.port(), hit).status()).isEqualTo(200);
      assertThat(ask(server, hit)).as("the hit itself").isNotNull();
      String sig = hit.substring(hit.indexOf("&ik-s="));
      Map<String, String> targets =
          Map.ofEntries(
              Map.entry("{hit}", hit),
              Map.entry("{tampered}", hit.replace("w-120", "w-121")),
              Map.entry("{badSignature}", hit.replace("ik-s=", "ik-s=0")),
              Map.entry("{unsigned}", "/img/a.jpg?tr=w-120,h-90"),
              Map.entry("{notCached}", signer().url("a.jpg").transformation("w-99").sign()),
              Map.entry("{original}", signer().url("a.jpg").sign()),
              Map.entry("{text}", signer().url("notes.txt").transformation("w-10").sign()),
              Map.entry("{missing}", signer().url("b.jpg").transformation("w-120,h-90").sign()),
              Map.entry("{outside}", "/elsewhere/a.jpg?tr=w-120,h-90" + sig),
              Map.entry("{escaped}", hit.replace("/a.jpg", "/%61.jpg")),
              Map.entry("{parameter}", hit.replace("/a.jpg", "/a.jpg;v=1")),
              Map.entry("{doubleSlash}", hit.replace("/img/", "/img//")),
              Map.entry("{dot}", hit.replace("/img/", "/img/./")),
              Map.entry("{dotDot}", hit.replace("/img/", "/img/x/../")),
              Map.entry("{backslash}", hit.replace("/img/", "/img\\")),
              Map.entry("{escapedQuery}", hit.replace("w-120,h-90", "w-120%2Ch-90")));
      String target = request[1];
      for (Map.Entry<String, String> t : targets.entrySet()) {
        target = target.replace(t.getKey(), t.getValue());
      }
      String[] headers = java.util.Arrays.copyOfRange(request, 2, request.length);
      int q = target.indexOf('?');
      StatsSnapshot before = server.filter().gate().stats();

      CachedAnswer answer =
          server
              .filter()
              .gate()
              .cachedAnswer(
                  request[0],
                  q < 0 ? target : target.substring(0, q),
                  q < 0 ? null : target.substring(q + 1),
                  headers(headers));

      assertThat(answer).isNull();
      StatsSnapshot after = server.filter().gate().stats();
      assertThat(after.cacheHits()).isEqualTo(before.cacheHits());
      assertThat(after.cacheMisses()).isEqualTo(before.cacheMisses());
      assertThat(after.requests()).isEqualTo(before.requests());
      assertThat(after.denials()).isEqualTo(before.denials());
    }
  }

  @Test
  void anExpiredUrl_getsNull_evenWhileItsVariantIsCached() throws Exception {
    try (TestServer server = server()) {
      String target =
          signer().url("a.jpg").transformation("w-70").expiresIn(Duration.ofSeconds(30)).sign();
      RawHttp.get(server.port(), target);
      assertThat(ask(server, target)).isNotNull();

      clock.advance(Duration.ofMinutes(5));

      assertThat(ask(server, target)).isNull();
      assertThat(RawHttp.get(server.port(), target).status()).isEqualTo(401);
    }
  }
}
