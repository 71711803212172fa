package io.imagegate.demo;

import static io.imagegate.testing.TestGate.KEY;
import static org.assertj.core.api.Assertions.assertThat;

import io.imagegate.testing.TestGate;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code explain --config FILE --url URL}: the filter's decision on a URL, from the shell. */
class ExplainCommandTest {
  @TempDir Path tmp;

  record Run(int code, String out, String err) {}

  private Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        ExplainCommand.run(
            args,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            Clock.systemUTC());
    return new Run(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private Path config(String extra) throws Exception {
    Path images = Files.createDirectories(tmp.resolve("images/gallery"));
    java.awt.image.BufferedImage image =
        new java.awt.image.BufferedImage(20, 10, java.awt.image.BufferedImage.TYPE_INT_RGB);
    javax.imageio.ImageIO.write(image, "jpg", images.resolve("burger.jpg").toFile());
    return Files.writeString(
        tmp.resolve("imagegate.properties"),
        "key=" + KEY + "\nrule.gallery.path=/gallery/**\n" + extra);
  }

  @Test
  void signedUrl_isExplainedAsServed_textAndJson() throws Exception {
    Path config = config("");
    String url =
        TestGate.signerAt("https://shop.example/img")
            .url("gallery/burger.jpg")
            .transformation("w-100")
            .sign();
    Run text =
        run(
            "--config",
            config.toString(),
            "--images",
            tmp.resolve("images").toString(),
            "--url",
            url);
    assertThat(text.code()).as(text.err()).isZero();
    assertThat(text.out())
        .contains("endpoint:       /img")
        .contains("key HmacSHA1: MATCHES")
        .contains("rule 'gallery' (/gallery/**) matches")
        .contains("verdict:        200 ok")
        .doesNotContain(KEY);

    Run json =
        run(
            "--config",
            config.toString(),
            "--images",
            tmp.resolve("images").toString(),
            "--url",
            url.replace("w-100", "w-101"),
            "--json",
            "--show-expected");
    assertThat(json.code()).isEqualTo(1);
    assertThat(json.out().trim()).startsWith("{").endsWith("}");
    assertThat(json.out())
        .contains("\"status\":401")
        .contains("\"code\":\"signature_invalid\"")
        .contains("\"expected\":\"key HmacSHA1 ")
        .doesNotContain(KEY);
  }

  @Test
  void contextPath_isPartOfTheEndpoint() throws Exception {
    Path config = config("root=" + tmp.resolve("images").toString().replace("\\", "/") + "\n");
    Run run =
        run(
            "--config",
            config.toString(),
            "--context-path",
            "/shop",
            "--url",
            "/shop/shop/img/gallery/burger.jpg");
    assertThat(run.code()).isEqualTo(1);
    assertThat(run.out())
        .contains("endpoint:       /shop/img")
        .contains("context path twice")
        .contains("passed down the filter chain");
  }

  @Test
  void usageAndConfigurationErrors_exitWith2() throws Exception {
    assertThat(run("--url", "/img/a.jpg").code()).isEqualTo(2);
    Run unknown = run("--config", "x", "--url", "/img/a.jpg", "--verbose");
    assertThat(unknown.code()).isEqualTo(2);
    assertThat(unknown.err()).contains("usage");
    Run noRoot = run("--config", config("").toString(), "--url", "/img/a.jpg");
    assertThat(noRoot.code()).isEqualTo(2);
    assertThat(noRoot.err()).contains("root:");
    Path shortKey = Files.writeString(tmp.resolve("short.properties"), "key=short-one\n");
    Run bad = run("--config", shortKey.toString(), "--images", tmp.toString(), "--url", "/img/a");
    assertThat(bad.err()).contains("key:").doesNotContain("short-one");
  }
}
