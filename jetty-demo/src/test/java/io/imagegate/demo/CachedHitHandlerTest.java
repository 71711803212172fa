package io.imagegate.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.imagegate.security.UrlSigner;
import io.imagegate.security.UrlSigner.TransformationPosition;
import io.imagegate.testing.RawHttp;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's {@link CachedHitHandler} changes who answers, never what: the same requests, sent
 * twice to the demo with it and to the same demo without it (every request through the servlet
 * layer), get the same status, headers ({@code Date} aside) and bytes; it answers exactly the plain
 * GETs of cached variants itself; and what it hands on (misses, originals, refusals, pages, a form
 * post) still works under concurrent load.
 */
class CachedHitHandlerTest {
  static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");
  @TempDir static Path dir;
  static DemoServer fast;
  static DemoServer plain;
  static UrlSigner signer;

  @BeforeAll
  static void start() throws Exception {
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    Path config = dir.resolve("demo.properties");
    try (InputStream defaults = DemoServer.class.getResourceAsStream("/demo.properties")) {
      String text = new String(defaults.readAllBytes(), StandardCharsets.UTF_8);
      Files.writeString(config, text + "\nkey=cached-hit-handler-test-key-0123456789abcdef\n");
    }
    fast =
        DemoServer.start(
            new DemoOptions(0, "127.0.0.1", Optional.empty(), Optional.of(config)), clock, true);
    Path images = fast.settings().root();
    plain =
        DemoServer.start(
            new DemoOptions(0, "127.0.0.1", Optional.of(images), Optional.of(config)),
            clock,
            false);
    signer = fast.signer();
    assertThat(plain.signer().url("gallery/burger.jpg").sign())
        .isEqualTo(signer.url("gallery/burger.jpg").sign());
  }

  @AfterAll
  static void stop() throws Exception {
    fast.close();
    plain.close();
  }

  /**
   * One request: method, target, header lines; {@code hit}: a plain GET of a variant that the first
   * pass put in the cache, which the handler answers itself in the second.
   */
  record Exchange(boolean hit, String method, String target, String... headers) {
    RawHttp.Response send(DemoServer server) throws IOException {
      return RawHttp.send(server.port(), method, target, headers);
    }

    @Override
    public String toString() {
      return method + " " + target + " " + String.join(" ", headers);
    }
  }

  static Exchange hit(String target, String... headers) {
    return new Exchange(true, "GET", target, headers);
  }

  static Exchange other(String method, String target, String... headers) {
    return new Exchange(false, method, target, headers);
  }

  static String thumb(String path) {
    return signer.url(path).transformation("w-120,h-90").sign();
  }

  /**
   * Every kind of request the two paths could answer differently: hits (also per Accept, with an
   * expiry), and all that must go through the filter (HEAD, conditionals, escaped or odd paths,
   * attachments, refusals, originals, misses, pages).
   */
  static List<Exchange> exchanges() {
    String hit = thumb("gallery/burger.jpg");
    String auto = signer.url("gallery/burger.jpg").transformation("w-100,f-auto").sign();
    String expiring =
        signer
            .url("gallery/fig-on-red-plate.jpg")
            .transformation("w-80")
            .expiresIn(Duration.ofMinutes(10))
            .sign();
    String inPath =
        signer
            .url("gallery/halloumi-fries.jpg")
            .transformation("w-90,h-90")
            .position(TransformationPosition.PATH)
            .sign();
    String expired =
        signer
            .withClock(Clock.fixed(NOW.minus(Duration.ofHours(2)), ZoneOffset.UTC))
            .url("gallery/burger.jpg")
            .transformation("w-120,h-90")
            .expiresIn(Duration.ofMinutes(10))
            .sign();
    String original =
        signer.url("gallery/salmon-asparagus.jpg").expiresIn(Duration.ofHours(1)).sign();
    String tampered = hit.replace("w-120", "w-121");
    String badSignature = hit.substring(0, hit.length() - 1) + (hit.endsWith("0") ? "1" : "0");
    return List.of(
        hit(hit),
        hit(auto, "Accept: image/webp,image/*"),
        hit(auto, "Accept: image/jpeg"),
        hit(auto),
        hit(expiring),
        hit(inPath),
        other("GET", "/img/gallery/burger.jpg?tr=thumb"), // unsigned in a signed folder
        other("HEAD", hit),
        other("GET", hit, "If-None-Match: \"nope\""),
        other("GET", hit, "If-None-Match: *"),
        other("GET", hit, "If-Modified-Since: Wed, 02 Dec 2026 09:00:00 GMT"),
        hit(hit, "Range: bytes=0-9"), // variants are sent whole
        other("POST", hit),
        other("GET", hit + "&ik-attachment=true"),
        other("GET", hit.replace("/img/gallery/", "/img/gallery//")),
        other("GET", hit.replace("/img/gallery/", "/img/./gallery/")),
        other("GET", hit.replace("/img/gallery/", "/img/logos/../gallery/")),
        other("GET", hit.replace("burger", "%62urger")),
        other("GET", hit.replace("burger.jpg", "burger.jpg;x=1")),
        other("GET", hit.replace("tr=w-120,h-90", "tr=w-120%2Ch-90")),
        other("GET", tampered),
        other("GET", badSignature),
        other("GET", hit.substring(0, hit.indexOf("&ik-s="))),
        other("GET", expired),
        other("GET", "/img/logos/watermark-logo.png?tr=w-50"),
        other("GET", "/img/gallery/no-such.jpg?tr=thumb"),
        other("GET", original),
        other("GET", original, "Range: bytes=0-99"),
        other("GET", "/img/"),
        other("GET", "/no-such-page"),
        other("GET", "/stats"),
        other("POST", AccountServlet.SIGN_IN, "Content-Length: 0"));
  }

  @Test
  void everyRequest_getsTheSameAnswerWithAndWithoutTheHandler() throws Exception {
    // Twice: the first pass fills both caches, the second meets the hits.
    for (int pass = 0; pass < 2; pass++) {
      for (Exchange exchange : exchanges()) {
        RawHttp.Response viaServlets = exchange.send(plain);
        long before = fast.cachedHits().answered();
        RawHttp.Response viaHandler = exchange.send(fast);
        long answered = fast.cachedHits().answered() - before;
        assertThat(viaHandler.status())
            .as("status of %s", exchange)
            .isEqualTo(viaServlets.status());
        assertThat(comparable(viaHandler.headers()))
            .as("headers of %s", exchange)
            .isEqualTo(comparable(viaServlets.headers()));
        if (!exchange.target().equals("/stats")) { // counters and timings of each server
          assertThat(body(viaHandler, fast))
              .as("body of %s", exchange)
              .isEqualTo(body(viaServlets, plain));
        }
        if (pass == 1) {
          assertThat(answered)
              .as("answered by the handler: %s", exchange)
              .isEqualTo(exchange.hit() ? 1 : 0);
        } else if (!exchange.hit()) {
          assertThat(answered).as("answered by the handler: %s", exchange).isZero();
        }
      }
    }
  }

  @Test
  void whatItHandsOn_worksUnderConcurrentLoad() throws Exception {
    List<String> targets = new ArrayList<>();
    for (String photo : List.of("burger", "colorful-cups", "spaghetti-tomato", "vegetable-tacos")) {
      targets.add(thumb("gallery/" + photo + ".jpg")); // a miss, then hits
      targets.add(signer.url("gallery/" + photo + ".jpg").expiresIn(Duration.ofHours(1)).sign());
    }
    targets.add("/");
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Integer>> statuses = new ArrayList<>();
      for (int i = 0; i < 160; i++) {
        String target = targets.get(i % targets.size());
        statuses.add(pool.submit(() -> RawHttp.get(fast.port(), target).status()));
      }
      for (Future<Integer> status : statuses) {
        assertThat(status.get(60, TimeUnit.SECONDS)).isEqualTo(200);
      }
    } finally {
      pool.shutdownNow();
    }
    // A form post reads its body on a servlet thread: the sign-in works behind the handler.
    RawHttp.Response signIn =
        RawHttp.send(
            fast.port(),
            "POST",
            AccountServlet.SIGN_IN + "?x=1",
            "Content-Type: application/x-www-form-urlencoded",
            "Content-Length: 0");
    assertThat(signIn.status()).isEqualTo(303);
    assertThat(signIn.header("Set-Cookie")).contains("HttpOnly");
  }

  /**
   * The body's bytes, with what a Jetty error page names of one server alone (its port, its servlet
   * holder's instance number) made the same.
   */
  static String body(RawHttp.Response response, DemoServer server) {
    return new String(response.body(), StandardCharsets.ISO_8859_1)
        .replace("127.0.0.1:" + server.port(), "127.0.0.1:PORT")
        .replaceAll("(SERVLET:</th><td>[^<]+?)-[0-9a-f]+<", "$1<");
  }

  /**
   * Headers by lower-cased name, without Date (each server's own clock), a session cookie's id
   * (each server's own session), and the length of a page that names the server's port (compared by
   * {@link #body}).
   */
  static Map<String, String> comparable(Map<String, String> headers) {
    Map<String, String> result = new TreeMap<>(headers);
    result.remove("date");
    result.computeIfPresent("set-cookie", (name, value) -> value.replaceAll("=[^;]*", "=id"));
    if (!result.getOrDefault("content-type", "").startsWith("image/")) {
      result.remove("content-length");
    }
    return result;
  }
}
