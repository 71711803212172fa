package io.imagegate.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imagegate.security.UrlSigner;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The starter in a real Boot application on a random port, configured only by {@code imagegate.*}
 * properties (as in application.properties): signed, unsigned, private, variant, 304, the UrlSigner
 * bean with the context path; and a bad property stopping start-up naming it.
 */
@SpringBootTest(
    classes = StarterApp.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "server.servlet.context-path=/shop",
      "imagegate.key=" + ImageGateStarterTest.KEY,
      "imagegate.rule.originals.path=/originals/**",
      "imagegate.rule.originals.require-expiry=true",
      "imagegate.rule.originals.max-ttl=1h",
      "imagegate.named.thumb=w-16",
      "imagegate.cache.max-bytes=16MB"
    })
class ImageGateStarterTest {
  static final String KEY = "imagegate-starter-test-key-0123456789abcdef";
  static final Path ROOT = images();
  static final HttpClient HTTP = HttpClient.newHttpClient();

  @LocalServerPort int port;
  @Autowired UrlSigner signer;

  @DynamicPropertySource
  static void root(DynamicPropertyRegistry registry) {
    registry.add("imagegate.root", ROOT::toString);
  }

  static Path images() {
    try {
      Path root = Files.createTempDirectory("imagegate-starter-");
      Files.createDirectories(root.resolve("photos"));
      Files.createDirectories(root.resolve("private"));
      Files.createDirectories(root.resolve("originals"));
      Files.write(root.resolve("photos/a.png"), png(40, 30));
      Files.write(root.resolve("private/b.png"), png(40, 30));
      Files.writeString(root.resolve("private/.private"), "");
      Files.write(root.resolve("originals/c.png"), png(40, 30));
      return root;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String base() {
    return "http://127.0.0.1:" + port;
  }

  @Test
  void signerBean_usesTheFiltersKeyAndTheContextPath() throws Exception {
    assertThat(signer.urlEndpoint()).isEqualTo("/shop/img");
    // A controller signs with the bean; the URL it returns works.
    String url = text(get(base() + "/shop/gallery/link?path=private/b.png&tr=w-10"));
    assertThat(url).startsWith("/shop/img/private/b.png?tr=w-10&ik-s=");
    HttpResponse<byte[]> image = get(base() + url);
    assertThat(image.statusCode()).isEqualTo(200);
    assertThat(decode(image.body()).getWidth()).isEqualTo(10);
  }

  @Test
  void signedVariant_isRenderedAtTheSizeAsked() throws Exception {
    HttpResponse<byte[]> r = get(base() + signer.url("photos/a.png").transformation("w-20").sign());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).contains("image/png");
    BufferedImage image = decode(r.body());
    assertThat(image.getWidth()).isEqualTo(20);
    assertThat(image.getHeight()).isEqualTo(15);
    // The named transformation from imagegate.named.thumb, unsigned.
    HttpResponse<byte[]> thumb = get(base() + "/shop/img/photos/a.png?tr=n-thumb");
    assertThat(thumb.statusCode()).isEqualTo(200);
    assertThat(decode(thumb.body()).getWidth()).isEqualTo(16);
  }

  @Test
  void unsigned_publicOriginalServed_transformationAndTamperingRefused() throws Exception {
    HttpResponse<byte[]> original = get(base() + "/shop/img/photos/a.png");
    assertThat(original.statusCode()).isEqualTo(200);
    assertThat(decode(original.body()).getWidth()).isEqualTo(40);
    assertRefused(get(base() + "/shop/img/photos/a.png?tr=w-20"), 401, "unsigned_transformation");
    String signed = signer.url("photos/a.png").transformation("w-20").sign();
    assertRefused(get(base() + signed.replace("w-20", "w-21")), 401, "signature_invalid");
    // Requests outside the endpoint are the application's: here, Spring MVC's 404.
    assertThat(get(base() + "/shop/other/a.png").statusCode()).isEqualTo(404);
  }

  @Test
  void private_needsASignature_andRulesFromPropertiesApply() throws Exception {
    assertRefused(get(base() + "/shop/img/private/b.png"), 401, "signature_missing");
    assertThat(get(base() + signer.url("private/b.png").sign()).statusCode()).isEqualTo(200);
    // imagegate.rule.originals.require-expiry=true: a signed URL without ik-t is refused.
    assertRefused(get(base() + signer.url("originals/c.png").sign()), 401, "expiry_required");
    String expiring =
        signer.url("originals/c.png").expiresIn(java.time.Duration.ofMinutes(5)).sign();
    assertThat(get(base() + expiring).statusCode()).isEqualTo(200);
  }

  @Test
  void conditionalRequest_is304() throws Exception {
    String url = base() + signer.url("photos/a.png").transformation("w-20").sign();
    String etag = get(url).headers().firstValue("ETag").orElseThrow();
    HttpResponse<byte[]> r =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(url)).header("If-None-Match", etag).build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(r.statusCode()).isEqualTo(304);
    assertThat(r.body()).isEmpty();
  }

  @Test
  void environmentVariablesAndJvmSwitches_areNotConfiguration() throws Exception {
    // CI passes -Dimagegate.require-system-tests=true to this very JVM: it is no imagegate key.
    String before = System.setProperty("imagegate.some-build-switch", "true");
    try {
      assertThat(
              ImageGateAutoConfiguration.configurationBinder(
                      new org.springframework.core.env.StandardEnvironment())
                  .bind(
                      "imagegate",
                      org.springframework.boot.context.properties.bind.Bindable.mapOf(
                          String.class, String.class))
                  .isBound())
          .isFalse();
    } finally {
      if (before == null) {
        System.clearProperty("imagegate.some-build-switch");
      } else {
        System.setProperty("imagegate.some-build-switch", before);
      }
    }
    assertThat(get(base() + "/shop/img/photos/a.png").statusCode()).isEqualTo(200);
  }

  @Test
  void badProperty_stopsStartUpNamingIt() {
    SpringApplicationBuilder app =
        new SpringApplicationBuilder(StarterApp.class)
            .properties(
                "server.port=0",
                "spring.main.banner-mode=off",
                "imagegate.root=" + ROOT,
                "imagegate.key=" + KEY,
                "imagegate.cache.max-bytes=lots");
    Throwable failure = null;
    try {
      app.run().close();
    } catch (RuntimeException e) {
      failure = e;
    }
    assertThat(failure).as("start-up must fail").isNotNull();
    Throwable cause = failure;
    while (cause != null && !(cause instanceof ImageGatePropertyException)) {
      cause = cause.getCause();
    }
    assertThat(cause)
        .isInstanceOf(ImageGatePropertyException.class)
        .hasMessage("imagegate.cache.max-bytes: 'lots' is not a size such as 256MB");
    assertThat(((ImageGatePropertyException) cause).property())
        .isEqualTo("imagegate.cache.max-bytes");
    FailureAnalysis analysis = new ImageGateFailureAnalyzer().analyze(failure);
    assertThat(analysis.getDescription()).contains("imagegate.cache.max-bytes: 'lots'");
    assertThat(analysis.getAction()).contains("'imagegate.cache.max-bytes'");
    // An unknown key is refused too, by its full property name; the key's value never shows.
    assertThatThrownBy(
            () ->
                new SpringApplicationBuilder(StarterApp.class)
                    .web(org.springframework.boot.WebApplicationType.SERVLET)
                    .properties(
                        "server.port=0",
                        "spring.main.banner-mode=off",
                        "imagegate.root=" + ROOT,
                        "imagegate.key=" + KEY,
                        "imagegate.colour=red")
                    .run()
                    .close())
        .rootCause()
        .hasMessage("colour: unknown configuration key")
        .hasMessageNotContaining(KEY);
  }

  static void assertRefused(HttpResponse<byte[]> r, int status, String code) {
    assertThat(r.statusCode()).isEqualTo(status);
    assertThat(text(r)).contains("\"error\":\"" + code + "\"");
    assertThat(r.headers().firstValue("ETag")).isEmpty();
  }

  static HttpResponse<byte[]> get(String url) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  static String text(HttpResponse<byte[]> r) {
    return new String(r.body(), StandardCharsets.UTF_8);
  }

  static BufferedImage decode(byte[] bytes) throws IOException {
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
    assertThat(image).isNotNull();
    return image;
  }

  static byte[] png(int w, int h) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB), "png", out);
    return out.toByteArray();
  }
}
