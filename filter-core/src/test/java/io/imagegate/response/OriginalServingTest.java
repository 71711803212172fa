package io.imagegate.response;

import static org.assertj.core.api.Assertions.assertThat;

import io.imagegate.security.UrlSigner;
import io.imagegate.testing.Fixtures;
import io.imagegate.testing.MutableClock;
import io.imagegate.testing.RawHttp;
import io.imagegate.testing.RawHttp.Response;
import io.imagegate.testing.TestGate;
import io.imagegate.testing.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Originals are served by the filter itself with validators, ranges and safe headers. */
class OriginalServingTest {
  @TempDir static Path root;
  static final MutableClock CLOCK = new MutableClock(Instant.ofEpochSecond(1_800_000_000L));
  static TestServer server;
  static byte[] jpeg;
  static byte[] png;

  @BeforeAll
  static void start() throws Exception {
    jpeg = Fixtures.jpeg(40, 30);
    png = Fixtures.png(20, 10);
    Fixtures.write(root.resolve("a.jpg"), jpeg);
    Fixtures.write(root.resolve("really-a-png.jpg"), png);
    server =
        new TestServer(
            TestGate.settings(root).clock(CLOCK).cacheMaxAge(Duration.ofDays(1)).build());
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  @Test
  void get_sendsBytesAndHeaders() throws Exception {
    Response r = RawHttp.get(server.port(), "/img/a.jpg");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body()).isEqualTo(jpeg);
    assertThat(r.header("Content-Type")).isEqualTo("image/jpeg");
    assertThat(r.header("Content-Length")).isEqualTo(String.valueOf(jpeg.length));
    assertThat(r.header("ETag")).startsWith("\"");
    assertThat(r.header("Last-Modified")).endsWith("GMT");
    assertThat(r.header("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(r.header("Cache-Control")).isEqualTo("public, max-age=86400");
    assertThat(r.header("Accept-Ranges")).isEqualTo("bytes");
  }

  @Test
  void contentType_comesFromTheBytesNotTheName() throws Exception {
    Response r = RawHttp.get(server.port(), "/img/really-a-png.jpg");
    assertThat(r.header("Content-Type")).isEqualTo("image/png");
  }

  @Test
  void ifNoneMatch_gives304() throws Exception {
    String etag = RawHttp.get(server.port(), "/img/a.jpg").header("ETag");
    Response r = RawHttp.get(server.port(), "/img/a.jpg", "If-None-Match: " + etag);
    assertThat(r.status()).isEqualTo(304);
    assertThat(r.body()).isEmpty();
    assertThat(RawHttp.get(server.port(), "/img/a.jpg", "If-None-Match: \"other\"").status())
        .isEqualTo(200);
  }

  @Test
  void ifModifiedSince_gives304() throws Exception {
    String lastModified = RawHttp.get(server.port(), "/img/a.jpg").header("Last-Modified");
    assertThat(
            RawHttp.get(server.port(), "/img/a.jpg", "If-Modified-Since: " + lastModified).status())
        .isEqualTo(304);
    assertThat(
            RawHttp.get(
                    server.port(), "/img/a.jpg", "If-Modified-Since: Thu, 01 Jan 1970 00:00:00 GMT")
                .status())
        .isEqualTo(200);
  }

  @Test
  void conditional_isAnsweredOnlyAfterAuthorization() throws Exception {
    Fixtures.write(root.resolve("private/.private"), new byte[0]);
    Fixtures.write(root.resolve("private/p.jpg"), jpeg);
    UrlSigner signer = TestGate.signer(CLOCK);
    String etag = RawHttp.get(server.port(), signer.url("private/p.jpg").sign()).header("ETag");
    assertThat(RawHttp.get(server.port(), "/img/private/p.jpg", "If-None-Match: " + etag).status())
        .isEqualTo(401);
  }

  @Test
  void head_sendsHeadersWithoutBody() throws Exception {
    Response r = RawHttp.send(server.port(), "HEAD", "/img/a.jpg");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.header("Content-Length")).isEqualTo(String.valueOf(jpeg.length));
    assertThat(r.body()).isEmpty();
  }

  @Test
  void range_sendsThePart() throws Exception {
    Response r = RawHttp.get(server.port(), "/img/a.jpg", "Range: bytes=10-19");
    assertThat(r.status()).isEqualTo(206);
    assertThat(r.body()).isEqualTo(Arrays.copyOfRange(jpeg, 10, 20));
    assertThat(r.header("Content-Range")).isEqualTo("bytes 10-19/" + jpeg.length);
    Response suffix = RawHttp.get(server.port(), "/img/a.jpg", "Range: bytes=-5");
    assertThat(suffix.body()).isEqualTo(Arrays.copyOfRange(jpeg, jpeg.length - 5, jpeg.length));
  }

  @Test
  void range_outsideTheFile_gives416() throws Exception {
    Response r = RawHttp.get(server.port(), "/img/a.jpg", "Range: bytes=999999-");
    assertThat(r.status()).isEqualTo(416);
    assertThat(r.header("Content-Range")).isEqualTo("bytes */" + jpeg.length);
    assertThat(r.text()).contains("range_not_satisfiable");
  }

  @Test
  void otherMethods_get405WithAllow() throws Exception {
    for (String method : new String[] {"POST", "PUT", "DELETE"}) {
      Response r = RawHttp.send(server.port(), method, "/img/a.jpg", "Content-Length: 0");
      assertThat(r.status()).as(method).isEqualTo(405);
      assertThat(r.header("Allow")).isEqualTo("GET, HEAD");
    }
  }

  @Test
  void cacheControl_neverOutlivesTheExpiry() throws Exception {
    UrlSigner signer = TestGate.signer(CLOCK);
    Response r =
        RawHttp.get(server.port(), signer.url("a.jpg").expiresIn(Duration.ofSeconds(120)).sign());
    assertThat(r.header("Cache-Control")).isEqualTo("public");
    assertThat(r.header("Expires"))
        .isEqualTo(
            java.time.format.DateTimeFormatter.ofPattern(
                    "EEE, dd MMM yyyy HH:mm:ss 'GMT'", java.util.Locale.US)
                .format(CLOCK.instant().plusSeconds(120).atZone(java.time.ZoneOffset.UTC)));
  }

  @Test
  void changedFile_getsANewEtag() throws Exception {
    Path file = Fixtures.write(root.resolve("changing.jpg"), jpeg);
    String first = RawHttp.get(server.port(), "/img/changing.jpg").header("ETag");
    Files.write(file, Fixtures.jpeg(41, 30));
    Files.setLastModifiedTime(
        file, java.nio.file.attribute.FileTime.from(Instant.now().plusSeconds(5)));
    // A path's resolution is trusted for SourceResolver.FRESHNESS (900 ms), never longer.
    CLOCK.advance(io.imagegate.source.SourceResolver.FRESHNESS);
    assertThat(RawHttp.get(server.port(), "/img/changing.jpg").header("ETag")).isNotEqualTo(first);
  }
}
