package io.imagegate.containers;

import static io.imagegate.testing.TestGate.KEY;
import static org.assertj.core.api.Assertions.assertThat;

import io.imagegate.security.UrlSigner;
import io.imagegate.testing.TestGate;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The harness itself: Debian's Tomcat starts, runs the filter, reloads, and reports leaks. */
class TomcatHarnessTest {
  @TempDir static Path temp;
  static TomcatServer tomcat;
  static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    TomcatServer.assumeInstalled();
    WebApp app =
        WebApp.in(temp.resolve("app")).webXml(WebApp.signedFilterXml(temp.resolve("images"), KEY));
    java.nio.file.Files.createDirectories(temp.resolve("images"));
    java.nio.file.Files.write(temp.resolve("images/a.png"), png(40, 30));
    tomcat = TomcatServer.start(temp.resolve("base"), Map.of("app", app.dir()));
  }

  @AfterAll
  static void stop() {
    if (tomcat != null) {
      tomcat.close();
    }
  }

  @Test
  void servesSignedRefusesUnsignedReloadsAndChecksLeaks() throws Exception {
    UrlSigner signer = TestGate.signerAt("http://127.0.0.1:" + tomcat.port() + "/app/img");
    assertThat(get("http://127.0.0.1:" + tomcat.port() + "/app/img/a.png").statusCode())
        .isEqualTo(401);
    HttpResponse<byte[]> signed = get(signer.url("a.png").transformation("w-20").sign());
    assertThat(signed.statusCode()).as(tomcat.logs()).isEqualTo(200);
    BufferedImage image = ImageIO.read(new java.io.ByteArrayInputStream(signed.body()));
    assertThat(image.getWidth()).isEqualTo(20);

    tomcat.reload("app");
    assertThat(tomcat.state("app")).isEqualTo("STARTED");
    assertThat(get(signer.url("a.png").sign()).statusCode()).isEqualTo(200);
    assertThat(tomcat.findReloadedContextMemoryLeaks()).isNotNull();
  }

  static HttpResponse<byte[]> get(String url) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  static byte[] png(int w, int h) throws Exception {
    BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }
}
