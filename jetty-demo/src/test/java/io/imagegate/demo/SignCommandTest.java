package io.imagegate.demo;

import static io.imagegate.testing.TestGate.KEY;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo starts on its embedded defaults, and what {@code sign} prints is accepted by the filter.
 */
class SignCommandTest {
  @TempDir static Path tmp;
  static DemoServer server;
  static Path config;

  @BeforeAll
  static void start() throws Exception {
    config =
        Files.writeString(
            tmp.resolve("demo.properties"),
            "key=" + KEY + "\nrule.gallery.path=/gallery/**\nrule.gallery.require-expiry=true\n");
    server =
        DemoServer.start(
            new DemoOptions(0, "127.0.0.1", Optional.empty(), Optional.of(config)),
            Clock.systemUTC());
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  @Test
  void signedUrlFromTheCommand_isServed() throws Exception {
    String url =
        sign(
            "--config",
            config.toString(),
            "--path",
            "gallery/burger.jpg",
            "--expires",
            "600",
            "--endpoint",
            "http://127.0.0.1:" + server.port() + "/img");
    assertThat(url).contains("ik-t=").contains("ik-s=");
    HttpResponse<byte[]> ok = get(url);
    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(ok.headers().firstValue("Content-Type")).contains("image/jpeg");
    assertThat(get(url.replace("burger", "burgeR")).statusCode()).isEqualTo(401);
    assertThat(get("http://127.0.0.1:" + server.port() + "/img/gallery/burger.jpg").statusCode())
        .isEqualTo(401);
  }

  @Test
  void keyFromTheEnvironmentForm_andPathPosition() throws Exception {
    Path keyFile = Files.writeString(tmp.resolve("key"), KEY);
    String url =
        sign(
            "--key",
            "file:" + keyFile,
            "--path",
            "gallery/burger.jpg",
            "--expires",
            "60",
            "--endpoint",
            "http://127.0.0.1:" + server.port() + "/img");
    assertThat(get(url).statusCode()).isEqualTo(200);
  }

  @Test
  void scopedKey_signsInsideItsGlobs_refusesOutside() throws Exception {
    String partnerKey = "imagegate-demo-partner-key-0123456789abcdef";
    Path scoped =
        Files.writeString(
            tmp.resolve("scoped.properties"),
            "key="
                + KEY
                + "\nkey-scope.partner.key="
                + partnerKey
                + "\nkey-scope.partner.paths=/gallery/burger*.jpg\n");
    String url =
        sign("--config", scoped.toString(), "--scope", "partner", "--path", "gallery/burger.jpg");
    assertThat(url).contains("ik-s=");
    assertThat(url)
        .as("signed with the partner's key, not the primary")
        .isNotEqualTo(sign("--config", scoped.toString(), "--path", "gallery/burger.jpg"));

    ByteArrayOutputStream err = new ByteArrayOutputStream();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int code =
        SignCommand.run(
            new String[] {
              "--config", scoped.toString(), "--scope", "partner", "--path", "gallery/pizza.jpg"
            },
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            Clock.systemUTC());
    assertThat(code).isEqualTo(2);
    assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("key-scope.partner")
        .contains("gallery/pizza.jpg")
        .doesNotContain(partnerKey);

    ByteArrayOutputStream unknown = new ByteArrayOutputStream();
    assertThat(
            SignCommand.run(
                new String[] {"--config", scoped.toString(), "--scope", "other", "--path", "a.jpg"},
                System.out,
                new PrintStream(unknown, true, StandardCharsets.UTF_8),
                Clock.systemUTC()))
        .isEqualTo(2);
    assertThat(unknown.toString(StandardCharsets.UTF_8)).contains("key-scope.other.key");
  }

  @Test
  void badArguments_exitWith2AndUsage() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        SignCommand.run(
            new String[] {"--path"},
            new PrintStream(new ByteArrayOutputStream()),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            Clock.systemUTC());
    assertThat(code).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage");
    int missingKey =
        SignCommand.run(
            new String[] {"--path", "a.jpg"},
            System.out,
            new PrintStream(new ByteArrayOutputStream()),
            Clock.systemUTC());
    assertThat(missingKey).isEqualTo(2);
    ByteArrayOutputStream shortKey = new ByteArrayOutputStream();
    SignCommand.run(
        new String[] {"--path", "a.jpg", "--key", "short-one"},
        System.out,
        new PrintStream(shortKey, true, StandardCharsets.UTF_8),
        Clock.systemUTC());
    assertThat(shortKey.toString(StandardCharsets.UTF_8))
        .contains("32 bytes")
        .doesNotContain("short-one");
  }

  @Test
  void defaults_serveTheBundledPhotos() throws Exception {
    try (DemoServer defaults =
        DemoServer.start(
            new DemoOptions(0, "127.0.0.1", Optional.empty(), Optional.empty()),
            Clock.systemUTC())) {
      assertThat(defaults.generatedKey()).isTrue();
      String base = "http://127.0.0.1:" + defaults.port();
      assertThat(get(base + "/img/gallery/burger.jpg").statusCode()).isEqualTo(401);
      String signed = defaults.signer().url("gallery/burger.jpg").sign();
      assertThat(get(base + signed).statusCode()).isEqualTo(200);
    }
  }

  static String sign(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        SignCommand.run(
            args,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            Clock.systemUTC());
    assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
    return out.toString(StandardCharsets.UTF_8).trim();
  }

  static HttpResponse<byte[]> get(String url) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(url)).build(),
            HttpResponse.BodyHandlers.ofByteArray());
  }
}
