package io.imagegate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imagegate.config.ConfigParser;
import io.imagegate.config.ImageGateSettings;
import io.imagegate.keys.SigningKey;
import io.imagegate.security.UrlSigner;
import io.imagegate.testing.Fixtures;
import io.imagegate.testing.RawHttp;
import io.imagegate.testing.TestServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Captures every log record and every response body during failures and start-up errors, and finds
 * neither the key, nor an expected signature, nor the root's file-system path in them.
 */
class NoSecretsLeakTest {
  static final String KEY = "imagegate-leak-test-key-0123456789abcdef-XYZ";
  static final String PREVIOUS = "imagegate-leak-test-old-key-0123456789abcdef";

  @TempDir Path root;

  @Test
  void failures_neverRevealKeysSignaturesOrPaths() throws Exception {
    Fixtures.write(root.resolve("a.jpg"), Fixtures.jpeg(20, 20));
    Fixtures.write(root.resolve("p/.private"), new byte[0]);
    Fixtures.write(root.resolve("p/b.jpg"), Fixtures.jpeg(20, 20));
    List<String> seen = new ArrayList<>();
    Handler capture = capture(seen);
    Logger rootLogger = Logger.getLogger("");
    Level oldLevel = rootLogger.getLevel();
    rootLogger.addHandler(capture);
    rootLogger.setLevel(Level.ALL);
    Logger.getLogger("io.imagegate").setLevel(Level.ALL);
    try (TestServer server =
        new TestServer(
            ImageGateSettings.builder()
                .root(root)
                .key(KEY)
                .previousKey(PREVIOUS)
                .rule(
                    new ConfigParser(n -> null)
                        .parse(
                            Map.of(
                                "rule.o.path",
                                "/o/**",
                                "rule.o.require-expiry",
                                "true",
                                "key",
                                KEY),
                            root)
                        .build()
                        .rules()
                        .get(0))
                .build())) {
      UrlSigner signer = UrlSigner.builder().urlEndpoint("/img").privateKey(KEY).build();
      String good = signer.url("p/b.jpg").sign();
      String expected = good.substring(good.indexOf("ik-s=") + 5);
      String[] targets = {
        "/img/p/b.jpg",
        "/img/p/b.jpg?ik-s=0000",
        good.replace("b.jpg", "c.jpg"),
        signer
            .url("p/b.jpg")
            .expiresIn(Duration.ofSeconds(1))
            .sign()
            .replaceAll("ik-t=\\d+", "ik-t=1"),
        "/img/a.jpg?tr=w-1",
        "/img/../a.jpg",
        "/img/none.jpg",
        "/img/a.jpg?ik-s=1&ik-s=2",
        "/img/%zz",
        signer.url("o/x.jpg").sign(),
        "/img/p/.private",
      };
      for (String target : targets) {
        seen.add(RawHttp.get(server.port(), target).text());
        seen.add(RawHttp.send(server.port(), "POST", target, "Content-Length: 0").text());
      }
      assertThat(seen).isNotEmpty();
      for (String text : seen) {
        assertThat(text)
            .doesNotContain(KEY)
            .doesNotContain(PREVIOUS)
            .doesNotContain(expected)
            .doesNotContain(root.toString());
      }
    } finally {
      rootLogger.removeHandler(capture);
      rootLogger.setLevel(oldLevel);
    }
    assertThat(seen.stream().anyMatch(s -> s.contains("refused")))
        .as("the refusals were logged")
        .isTrue();
  }

  @Test
  void startupErrors_nameTheConfigKeyButNotTheKeyValue() {
    String shortKey = "too-short-secret";
    assertThatThrownBy(
            () ->
                new ConfigParser(n -> null)
                    .parse(Map.of("root", root.toString(), "key", shortKey), null))
        .hasMessageContaining("key:")
        .hasMessageContaining("32 bytes")
        .hasMessageNotContaining(shortKey);
    assertThatThrownBy(
            () ->
                new ConfigParser(n -> null)
                    .parse(
                        Map.of("root", root.toString(), "key", KEY, "previous-keys", shortKey),
                        null))
        .hasMessageContaining("previous-keys:")
        .hasMessageNotContaining(shortKey);
    assertThat(SigningKey.of(KEY).toString()).doesNotContain(KEY);
    assertThat(ImageGateSettings.builder().root(root).key(KEY).build().keys().toString())
        .doesNotContain(KEY);
  }

  private static Handler capture(List<String> seen) {
    return new Handler() {
      @Override
      public void publish(LogRecord record) {
        String message = record.getMessage();
        if (record.getParameters() != null) {
          message = message + " " + java.util.Arrays.toString(record.getParameters());
        }
        synchronized (seen) {
          seen.add(String.valueOf(message));
          if (record.getThrown() != null) {
            seen.add(String.valueOf(record.getThrown()));
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
