package io.imagegate;

import static io.imagegate.testing.TestGate.KEY;
import static org.assertj.core.api.Assertions.assertThat;

import io.imagegate.config.ImageGateSettings;
import io.imagegate.response.ImageResponder;
import io.imagegate.security.UrlSigner;
import io.imagegate.source.SourceResolver;
import io.imagegate.testing.Fixtures;
import io.imagegate.testing.MutableClock;
import io.imagegate.testing.RawHttp;
import io.imagegate.testing.RawHttp.Response;
import io.imagegate.testing.TestGate;
import io.imagegate.testing.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Headers that neither run scripts, nor tell the server's layout, nor keep stale bytes: CSP on SVG,
 * validators from root-relative identities, no 304 for changed bytes, Accept q-values; and one log
 * line per refusal at the level {@code log.refusals} sets.
 */
class HardenedHeadersTest {
  static final String SVG =
      "<?xml version=\"1.0\"?>\n<!-- "
          + "a long licence text ".repeat(400)
          + "-->\n<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(document.cookie)</script></svg>";

  @TempDir Path tmp;

  /** Starts at the real time (URLs are signed with it); moved past the resolver's freshness. */
  final MutableClock clock = new MutableClock(Instant.now());

  ImageGateSettings settings(Path root, Map<String, String> extra) {
    Map<String, String> params = new HashMap<>(extra);
    params.put("root", root.toString());
    params.put("key", KEY);
    params.put("unsigned-transformations", "any");
    return TestGate.parse(params).clock(clock).build();
  }

  Path images(String name) throws Exception {
    Path root = Files.createDirectories(tmp.resolve(name));
    Fixtures.write(root.resolve("a.png"), Fixtures.png(40, 30));
    Fixtures.write(root.resolve("logo.png"), Fixtures.png(8, 8));
    Fixtures.write(root.resolve("x.svg"), SVG.getBytes());
    Fixtures.write(root.resolve("private/.private"), new byte[0]);
    Fixtures.write(root.resolve("private/p.png"), Fixtures.png(8, 8));
    Instant fixed = Instant.parse("2025-05-05T05:05:05Z");
    for (String f : List.of("a.png", "logo.png", "x.svg")) {
      Files.setLastModifiedTime(root.resolve(f), FileTime.from(fixed));
    }
    return root;
  }

  @Test
  void svgAfterALongProlog_isServedWithCspAndNosniff() throws Exception {
    try (TestServer server = new TestServer(settings(images("i"), Map.of()))) {
      Response svg = RawHttp.get(server.port(), "/img/x.svg");
      assertThat(svg.status()).isEqualTo(200);
      assertThat(svg.header("Content-Type")).isEqualTo("image/svg+xml");
      assertThat(svg.header("Content-Security-Policy"))
          .isEqualTo("default-src 'none'; style-src 'unsafe-inline'; sandbox")
          .isEqualTo(ImageResponder.CONTENT_SECURITY_POLICY);
      assertThat(svg.header("X-Content-Type-Options")).isEqualTo("nosniff");
      assertThat(RawHttp.get(server.port(), "/img/x.svg?tr=w-10").status()).isEqualTo(415);
    }
  }

  @Test
  void etags_holdNoAbsolutePath_andAreTheSameOnEveryInstance() throws Exception {
    Path one = images("one");
    Path two = images("deeper/elsewhere/two");
    try (TestServer a = new TestServer(settings(one, Map.of()));
        TestServer b = new TestServer(settings(two, Map.of()))) {
      for (String target : List.of("/img/a.png", "/img/a.png?tr=w-10,oi-logo.png")) {
        String etagA = RawHttp.get(a.port(), target).header("ETag");
        String etagB = RawHttp.get(b.port(), target).header("ETag");
        assertThat(etagA).as(target).isEqualTo(etagB).matches("\"[ov][0-9a-f]{24}\"");
        for (Path root : List.of(one.toRealPath(), one.toRealPath().resolve("a.png"))) {
          assertThat(etagA).doesNotContain(Integer.toHexString(root.hashCode()));
        }
      }
    }
  }

  @Test
  void overlayChange_isNever304() throws Exception {
    Path root = images("i");
    try (TestServer server = new TestServer(settings(root, Map.of()))) {
      String target = "/img/a.png?tr=w-20,oi-logo.png";
      Response first = RawHttp.get(server.port(), target);
      assertThat(first.status()).isEqualTo(200);
      assertThat(first.header("Last-Modified")).as("variants send no Last-Modified").isNull();
      String etag = first.header("ETag");
      assertThat(RawHttp.get(server.port(), target, "If-None-Match: " + etag).status())
          .isEqualTo(304);

      // Replace the overlay by an older copy, as cp -p would.
      Path replacement = Fixtures.write(tmp.resolve("older.png"), Fixtures.png(9, 9));
      Files.setLastModifiedTime(replacement, FileTime.from(Instant.parse("2001-01-01T00:00:00Z")));
      Files.copy(
          replacement,
          root.resolve("logo.png"),
          StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.COPY_ATTRIBUTES);
      // Paths are resolved again once their answer is older than the resolver's freshness.
      clock.advance(SourceResolver.FRESHNESS);
      Response after = RawHttp.get(server.port(), target, "If-None-Match: " + etag);
      assertThat(after.status()).isEqualTo(200);
      assertThat(after.body()).isNotEqualTo(first.body());
      Response since =
          RawHttp.get(server.port(), target, "If-Modified-Since: Fri, 01 Jan 2100 00:00:00 GMT");
      assertThat(since.status()).isEqualTo(200);
    }
  }

  @Test
  void originalReplacedByAnOlderCopyOrRetargeted_isNever304() throws Exception {
    Path root = images("i");
    Fixtures.write(root.resolve("b.png"), Fixtures.png(12, 12));
    Files.setLastModifiedTime(
        root.resolve("b.png"), FileTime.from(Instant.parse("2003-03-03T03:03:03Z")));
    Files.createSymbolicLink(root.resolve("link.png"), root.resolve("a.png"));
    try (TestServer server = new TestServer(settings(root, Map.of()))) {
      Response first = RawHttp.get(server.port(), "/img/link.png");
      String lastModified = first.header("Last-Modified");
      assertThat(lastModified).isEqualTo("Mon, 05 May 2025 05:05:05 GMT");
      assertThat(
              RawHttp.get(server.port(), "/img/link.png", "If-Modified-Since: " + lastModified)
                  .status())
          .isEqualTo(304);
      assertThat(
              RawHttp.get(
                      server.port(),
                      "/img/link.png",
                      "If-Modified-Since: Fri, 01 Jan 2100 00:00:00 GMT")
                  .status())
          .as("a later date is not this version's date")
          .isEqualTo(200);
      Files.delete(root.resolve("link.png"));
      Files.createSymbolicLink(root.resolve("link.png"), root.resolve("b.png"));
      clock.advance(SourceResolver.FRESHNESS);
      Response retargeted =
          RawHttp.get(server.port(), "/img/link.png", "If-Modified-Since: " + lastModified);
      assertThat(retargeted.status()).isEqualTo(200);
      assertThat(retargeted.header("ETag")).isNotEqualTo(first.header("ETag"));
    }
  }

  @Test
  void acceptWithQualityZero_doesNotGetWebp() throws Exception {
    try (TestServer server = new TestServer(settings(images("i"), Map.of()))) {
      String target = "/img/a.png?tr=w-10,f-auto";
      // Without libwebp (-Dimagegate.codecs=java) f-auto negotiates WebP away altogether.
      boolean webp =
          io.imagegate.transform.codec.ImageCodecs.canEncode(io.imagegate.source.ImageFormat.WEBP);
      assertThat(RawHttp.get(server.port(), target, "Accept: image/webp").header("Content-Type"))
          .isEqualTo(webp ? "image/webp" : "image/png");
      assertThat(
              RawHttp.get(server.port(), target, "Accept: image/webp;q=0, image/png")
                  .header("Content-Type"))
          .isEqualTo("image/png");
    }
  }

  @Test
  void refusals_areLoggedOnceAtTheConfiguredLevel() throws Exception {
    Path root = images("i");
    UrlSigner signer = TestGate.signer();
    String bad = signer.url("private/p.png").sign().replace("ik-s=", "ik-s=0");
    assertThat(logged(root, Map.of(), "/img/private/p.png?tr=w-10"))
        .containsExactly("INFO GET /img/private/p.png refused: 401 signature_missing");
    assertThat(logged(root, Map.of(), bad))
        .singleElement()
        .satisfies(
            line ->
                assertThat(line)
                    .isEqualTo("INFO GET /img/private/p.png refused: 401 signature_invalid")
                    .doesNotContain("ik-s")
                    .doesNotContain(KEY));
    assertThat(logged(root, Map.of("log.refusals", "debug"), "/img/nope.png"))
        .containsExactly("FINE GET /img/nope.png refused: 404 not_found");
    assertThat(logged(root, Map.of("log.refusals", "off"), "/img/nope.png")).isEmpty();
  }

  private List<String> logged(Path root, Map<String, String> extra, String target)
      throws Exception {
    List<String> lines = new ArrayList<>();
    Logger logger = Logger.getLogger(ImageGate.class.getName());
    Level old = logger.getLevel();
    Handler capture =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            lines.add(record.getLevel() + " " + record.getMessage());
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    logger.setLevel(Level.ALL);
    logger.addHandler(capture);
    try (TestServer server = new TestServer(settings(root, extra))) {
      RawHttp.get(server.port(), target);
    } finally {
      logger.removeHandler(capture);
      logger.setLevel(old);
    }
    return lines;
  }
}
