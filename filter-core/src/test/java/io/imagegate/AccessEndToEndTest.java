package io.imagegate;

import static io.imagegate.testing.TestGate.KEY;
import static org.assertj.core.api.Assertions.assertThat;

import io.imagegate.config.ImageGateSettings;
import io.imagegate.security.UrlSigner;
import io.imagegate.testing.Fixtures;
import io.imagegate.testing.MutableClock;
import io.imagegate.testing.RawHttp;
import io.imagegate.testing.RawHttp.Response;
import io.imagegate.testing.TestGate;
import io.imagegate.testing.TestServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every policy source and every failure, through embedded Jetty on a random port: unsigned,
 * tampered, expired, foreign key, duplicated parameters, require-expiry, max-ttl, private markers,
 * and path attacks. Nothing from outside the root ever appears in a response, and the image
 * directory is never written.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessEndToEndTest {
  static final String FOREIGN = "imagegate-e2e-foreign-key-0123456789abcdef";
  static final String SECRET = "TOP-SECRET-OUTSIDE-THE-ROOT";

  @TempDir static Path tmp;
  Path root;
  MutableClock clock = new MutableClock(Instant.ofEpochSecond(1_800_000_000L));
  TestServer server;
  UrlSigner signer;
  UrlSigner foreign;
  Map<String, String> before;

  @BeforeAll
  void start() throws Exception {
    root = Files.createDirectories(tmp.resolve("images"));
    byte[] jpeg = Fixtures.jpeg(64, 48);
    Fixtures.write(root.resolve("public/a.jpg"), jpeg);
    Fixtures.write(root.resolve("public/crème brûlée.jpg"), jpeg);
    Fixtures.write(root.resolve("public/notes.txt"), "just text".getBytes(StandardCharsets.UTF_8));
    Fixtures.write(root.resolve("originals/big.jpg"), jpeg);
    Fixtures.write(root.resolve("private-folder/.private"), new byte[0]);
    Fixtures.write(root.resolve("private-folder/x.jpg"), jpeg);
    Fixtures.write(root.resolve("private-folder/sub/y.jpg"), jpeg);
    Fixtures.write(
        root.resolve("listed/.private"),
        "# private files\nsecret-*.jpg\n".getBytes(StandardCharsets.UTF_8));
    Fixtures.write(root.resolve("listed/secret-1.jpg"), jpeg);
    Fixtures.write(root.resolve("listed/open.jpg"), jpeg);
    Fixtures.write(root.resolve(".hidden.jpg"), jpeg);
    Fixtures.write(
        tmp.resolve("outside/secret.jpg"), (SECRET + " outside").getBytes(StandardCharsets.UTF_8));
    Fixtures.write(
        tmp.resolve("images-evil/secret.jpg"),
        (SECRET + " sibling").getBytes(StandardCharsets.UTF_8));
    Files.createSymbolicLink(
        root.resolve("public/link-out.jpg"), tmp.resolve("outside/secret.jpg"));
    Files.createSymbolicLink(
        root.resolve("public/link-private.jpg"), root.resolve("private-folder/x.jpg"));
    Files.createSymbolicLink(root.resolve("public/dir-out"), tmp.resolve("outside"));

    ImageGateSettings settings =
        TestGate.parse(
                TestGate.params(
                    root,
                    "rule.originals.path",
                    "/originals/**",
                    "rule.originals.require-expiry",
                    "true",
                    "rule.originals.max-ttl",
                    "3600"))
            .clock(clock)
            .build();
    server = new TestServer(settings);
    signer = TestGate.signer(clock);
    foreign = UrlSigner.builder().urlEndpoint("/img").privateKey(FOREIGN).clock(clock).build();
    before = snapshot(root);
  }

  @AfterAll
  void stop() throws Exception {
    server.close();
    assertThat(snapshot(root))
        .as("the filter never writes to the image directory")
        .isEqualTo(before);
  }

  Stream<Arguments> cases() {
    String sig = signer.url("public/a.jpg").sign().substring("/img/".length());
    return Stream.of(
        row("public image, unsigned", "/img/public/a.jpg", 200, null),
        row(
            "public image, non-ASCII name",
            "/img/public/cr%C3%A8me%20br%C3%BBl%C3%A9e.jpg",
            200,
            null),
        row("public image, valid signature", signer.url("public/a.jpg").sign(), 200, null),
        row(
            "signature from a foreign key",
            foreign.url("public/a.jpg").sign(),
            401,
            "signature_invalid"),
        row(
            "tampered path",
            "/img/public/b.jpg" + sig.substring(sig.indexOf('?')),
            401,
            "signature_invalid"),
        row(
            "tampered parameter",
            signer.url("public/a.jpg").queryParameter("v", "1").sign().replace("v=1", "v=2"),
            401,
            "signature_invalid"),
        row(
            "duplicated ik-s",
            "/img/public/a.jpg?ik-s=00&" + sig.substring(sig.indexOf('?') + 1),
            400,
            "bad_url"),
        row(
            "duplicated ik-t",
            "/img/public/a.jpg?ik-t=1&ik-t=1" + sig.substring(sig.indexOf('?')).replace('?', '&'),
            400,
            "bad_url"),
        row("rule: unsigned", "/img/originals/big.jpg", 401, "signature_missing"),
        row(
            "rule: signed without expiry",
            signer.url("originals/big.jpg").sign(),
            401,
            "expiry_required"),
        row(
            "rule: expiry beyond max-ttl",
            signer.url("originals/big.jpg").expiresIn(Duration.ofHours(2)).sign(),
            401,
            "expiry_too_far"),
        row(
            "rule: expiry within max-ttl",
            signer.url("originals/big.jpg").expiresIn(Duration.ofMinutes(30)).sign(),
            200,
            null),
        row(
            "rule: tampered expiry",
            signer
                .url("originals/big.jpg")
                .expiresIn(Duration.ofMinutes(30))
                .sign()
                .replace("ik-t=18000018", "ik-t=18000019"),
            401,
            "signature_invalid"),
        row(
            "marker: whole folder, unsigned",
            "/img/private-folder/x.jpg",
            401,
            "signature_missing"),
        row(
            "marker: subfolder, unsigned",
            "/img/private-folder/sub/y.jpg",
            401,
            "signature_missing"),
        row("marker: whole folder, signed", signer.url("private-folder/x.jpg").sign(), 200, null),
        row("marker: listed file, unsigned", "/img/listed/secret-1.jpg", 401, "signature_missing"),
        row("marker: unlisted file, unsigned", "/img/listed/open.jpg", 200, null),
        row("marker file itself, signed", signer.url("listed/.private").sign(), 404, "not_found"),
        row("dotfile, signed", signer.url(".hidden.jpg").sign(), 404, "not_found"),
        row("missing file", "/img/public/none.jpg", 404, "not_found"),
        row("symlink out of the root", "/img/public/link-out.jpg", 404, "not_found"),
        row("symlinked folder out of the root", "/img/public/dir-out/secret.jpg", 404, "not_found"),
        row(
            "symlink into a private folder, unsigned",
            "/img/public/link-private.jpg",
            401,
            "signature_missing"),
        row("non-image file passes down the chain", "/img/public/notes.txt", 200, null),
        row(
            "unsigned transformation under 'named'",
            "/img/public/a.jpg?tr=w-10",
            401,
            "unsigned_transformation"),
        row("both transformation forms", "/img/tr:w-10/public/a.jpg?tr=w-10", 400, "bad_url"));
  }

  static Arguments row(String name, String target, int status, String code) {
    return Arguments.of(name, target, status, code);
  }

  @ParameterizedTest(name = "{0}: {2}")
  @MethodSource("cases")
  void request_getsTheRightStatus(String name, String target, int status, String code)
      throws IOException {
    Response response = RawHttp.get(server.port(), target);
    assertThat(response.status()).as(name + ": " + response.text()).isEqualTo(status);
    if (code != null) {
      assertThat(response.text()).contains("\"error\":\"" + code + "\"");
      assertThat(response.header("Cache-Control")).isEqualTo("no-store");
    } else {
      assertThat(status).as("a row without a code is a success").isEqualTo(200);
      assertThat(response.text()).doesNotContain("\"error\":");
    }
    assertThat(response.text())
        .doesNotContain(SECRET)
        .doesNotContain(KEY)
        .doesNotContain(root.toString());
  }

  /** Who answers a path attack. */
  enum Answer {
    /** The filter: its JSON error with a stable code. */
    FILTER,
    /**
     * Jetty, before any filter runs: its default URI compliance refuses encoded dots, encoded
     * separators, backslashes, NUL, empty segments and bad UTF-8 with a 400 whose reason names the
     * problem (Jetty 12's own HTML error page; the reasons are Jetty's wording).
     */
    JETTY,
    /**
     * The web app behind the filter: Jetty resolved a plain {@code ..} before mapping, so the
     * request left {@code /img/*} and never reached the filter, and the app (TestServer's chain
     * end, like an app with no files of its own) says 404 through Jetty's error page.
     */
    APP
  }

  Stream<Arguments> attacks() {
    return Stream.of(
        attack("/img/../outside/secret.jpg", 404, Answer.APP, "Not Found"),
        attack("/img/public/../../outside/secret.jpg", 404, Answer.APP, "Not Found"),
        attack("/img/%2e%2e/outside/secret.jpg", 400, Answer.JETTY, "Ambiguous URI path segment"),
        attack(
            "/img/public/%2e%2e/%2e%2e/outside/secret.jpg",
            400, Answer.JETTY, "Ambiguous URI path segment"),
        attack(
            "/img/%252e%252e/outside/secret.jpg", 400, Answer.JETTY, "Ambiguous URI path encoding"),
        attack("/img/..%2foutside/secret.jpg", 400, Answer.JETTY, "Ambiguous URI path separator"),
        attack(
            "/img/public/..%2f..%2foutside%2fsecret.jpg",
            400, Answer.JETTY, "Ambiguous URI path separator"),
        attack(
            "/img/..\\outside\\secret.jpg",
            400,
            Answer.JETTY,
            "Suspicious Path Character, Illegal Path Character"),
        attack("/img/%5c..%5coutside%5csecret.jpg", 400, Answer.JETTY, "Suspicious Path Character"),
        attack("/img/public/a.jpg%00.txt", 400, Answer.JETTY, "Bad Request"),
        attack("/img/public/a.jpg%00", 400, Answer.JETTY, "Bad Request"),
        attack("/img/public;x=1/a.jpg", 400, Answer.FILTER, "bad_url"),
        attack("/img/public/a.jpg;jsessionid=1", 400, Answer.FILTER, "bad_url"),
        attack("/img//etc/passwd", 400, Answer.JETTY, "Ambiguous URI empty segment"),
        attack("/img/public//a.jpg", 400, Answer.JETTY, "Ambiguous URI empty segment"),
        attack("/img/../images-evil/secret.jpg", 404, Answer.APP, "Not Found"),
        attack(
            "/img/%2e%2e/images-evil/secret.jpg", 400, Answer.JETTY, "Ambiguous URI path segment"),
        attack("/img/tr:w-10/../../outside/secret.jpg", 404, Answer.APP, "Not Found"),
        attack("/img/%c0%ae%c0%ae/outside/secret.jpg", 400, Answer.JETTY, "Bad UTF-8 encoding"));
  }

  static Arguments attack(String target, int status, Answer answer, String detail) {
    return Arguments.of(target, status, answer, detail);
  }

  @ParameterizedTest(name = "{0}: {1} from {2} ({3})")
  @MethodSource("attacks")
  void pathAttack_isRefusedWithoutLeaking(String target, int status, Answer answer, String detail)
      throws IOException {
    Response response = RawHttp.get(server.port(), target);
    assertThat(response.status()).as(target + ": " + response.text()).isEqualTo(status);
    if (answer == Answer.FILTER) {
      assertThat(response.text()).contains("\"error\":\"" + detail + "\"");
      assertThat(response.header("Cache-Control")).isEqualTo("no-store");
    } else {
      assertThat(response.text())
          .as(target)
          .contains("<title>Error " + status + " " + detail + "</title>")
          .doesNotContain("\"error\":");
    }
    assertThat(response.text()).doesNotContain(SECRET).doesNotContain(tmp.toString());
  }

  @Test
  void markerEdits_takeEffectWithinASecond() throws IOException {
    Path marker = root.resolve("listed/.private");
    String original = Files.readString(marker);
    assertThat(RawHttp.get(server.port(), "/img/listed/open.jpg").status()).isEqualTo(200);
    try {
      Files.writeString(marker, original + "open.jpg\n");
      clock.advance(Duration.ofSeconds(1));
      assertThat(RawHttp.get(server.port(), "/img/listed/open.jpg").status()).isEqualTo(401);
    } finally {
      Files.writeString(marker, original);
      clock.advance(Duration.ofSeconds(1));
    }
    assertThat(RawHttp.get(server.port(), "/img/listed/open.jpg").status()).isEqualTo(200);
  }

  @Test
  void removingAFolderMarker_makesItPublic() throws IOException {
    Path marker = root.resolve("private-folder/.private");
    assertThat(RawHttp.get(server.port(), "/img/private-folder/x.jpg").status()).isEqualTo(401);
    Files.delete(marker);
    try {
      clock.advance(Duration.ofSeconds(1));
      assertThat(RawHttp.get(server.port(), "/img/private-folder/x.jpg").status()).isEqualTo(200);
    } finally {
      Files.write(marker, new byte[0]);
      clock.advance(Duration.ofSeconds(1));
    }
    assertThat(RawHttp.get(server.port(), "/img/private-folder/x.jpg").status()).isEqualTo(401);
  }

  @Test
  void expiredUrl_isRefusedOnceTheClockPassesIt() throws IOException {
    String url = signer.url("originals/big.jpg").expiresIn(Duration.ofSeconds(60)).sign();
    assertThat(RawHttp.get(server.port(), url).status()).isEqualTo(200);
    clock.advance(Duration.ofSeconds(61));
    Response late = RawHttp.get(server.port(), url);
    assertThat(late.status()).isEqualTo(401);
    assertThat(late.text()).contains("signature_expired");
  }

  @Test
  void nonImage_passesDownTheChainOnlyAfterAuthorization() throws IOException {
    Fixtures.write(
        root.resolve("private-folder/readme.txt"), "private text".getBytes(StandardCharsets.UTF_8));
    try {
      assertThat(RawHttp.get(server.port(), "/img/private-folder/readme.txt").status())
          .isEqualTo(401);
      Response signed = RawHttp.get(server.port(), signer.url("private-folder/readme.txt").sign());
      assertThat(signed.status()).isEqualTo(200);
      assertThat(signed.text()).startsWith("chain:");
    } finally {
      Files.delete(root.resolve("private-folder/readme.txt"));
      before = snapshot(root);
    }
  }

  static Map<String, String> snapshot(Path root) throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      walk.forEach(
          p -> {
            try {
              files.put(
                  root.relativize(p).toString(),
                  Files.isSymbolicLink(p)
                      ? "link"
                      : Files.size(p) + "@" + Files.getLastModifiedTime(p).toMillis());
            } catch (IOException e) {
              files.put(root.relativize(p).toString(), "error");
            }
          });
    }
    return files;
  }
}
