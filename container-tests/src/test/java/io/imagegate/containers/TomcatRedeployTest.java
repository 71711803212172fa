package io.imagegate.containers;

import static io.imagegate.testing.TestGate.KEY;
import static org.assertj.core.api.Assertions.assertThat;

import io.imagegate.security.UrlSigner;
import io.imagegate.testing.TestGate;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Redeploying the filter in real Tomcat 10.1 leaves nothing behind (issue 10): a web app renders
 * JPEG and WebP variants, is reloaded three times (rendering again each time), and afterwards
 * Tomcat's own leak check lists no stopped instance of it, and a neighbour web app's plain {@code
 * ImageIO.read} of a JPEG still works.
 */
class TomcatRedeployTest {
  static final HttpClient HTTP = HttpClient.newHttpClient();
  @TempDir Path temp;

  @Test
  void reloadsThreeTimesWithoutLeakingOrBreakingTheNeighbour() throws Exception {
    TomcatServer.assumeInstalled();
    Path images = Files.createDirectories(temp.resolve("images"));
    // Large enough that a cold w-400 shares its first resample with a helper thread (RenderHelper),
    // which the reload must stop like everything else the filter starts.
    Files.write(images.resolve("photo.jpg"), jpeg(2400, 1800));
    WebApp app = WebApp.in(temp.resolve("app")).webXml(WebApp.signedFilterXml(images, KEY));
    WebApp neighbour =
        WebApp.in(temp.resolve("neighbour"))
            .file(
                "WEB-INF/classes/io/imagegate/containers/ImageIoReadServlet.class", servletClass())
            .webXml(
                """
                <?xml version="1.0" encoding="UTF-8"?>
                <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">
                  <servlet>
                    <servlet-name>read</servlet-name>
                    <servlet-class>io.imagegate.containers.ImageIoReadServlet</servlet-class>
                  </servlet>
                  <servlet-mapping>
                    <servlet-name>read</servlet-name>
                    <url-pattern>/read</url-pattern>
                  </servlet-mapping>
                </web-app>
                """);
    // The neighbour has no imagegate jar: only the servlet.
    try (var jars = Files.list(neighbour.resolve("WEB-INF/lib"))) {
      for (Path jar : jars.toList()) {
        Files.delete(jar);
      }
    }
    try (TomcatServer tomcat =
        TomcatServer.start(
            temp.resolve("base"), Map.of("app", app.dir(), "neighbour", neighbour.dir()))) {
      UrlSigner signer = TestGate.signerAt("http://127.0.0.1:" + tomcat.port() + "/app/img");
      for (int round = 0; round <= 3; round++) {
        if (round > 0) {
          tomcat.reload("app");
          assertThat(tomcat.state("app")).isEqualTo("STARTED");
        }
        assertVariant(tomcat, signer, "w-" + (400 + round) + ",f-jpg", "image/jpeg", 400 + round);
        if (PURE_JAVA) {
          // No libwebp on this run: the second codec family is the JDK's PNG writer.
          assertVariant(tomcat, signer, "w-" + (110 + round) + ",f-png", "image/png", 110 + round);
        } else {
          assertVariant(
              tomcat, signer, "w-" + (110 + round) + ",f-webp", "image/webp", 110 + round);
        }
      }
      assertThat(tomcat.findLastingMemoryLeaks(10)).as(tomcat.logs()).isEmpty();
      // Tomcat's own clean-up finds nothing left behind by a stopped instance either.
      assertThat(tomcat.logs())
          .as("the backend, named in one line per start")
          .contains("imagegate codecs: JPEG")
          .doesNotContain("[app] created a ThreadLocal")
          .doesNotContain("[app] registered the JDBC driver");
      // Threads the web app left running. Tomcat's own utility threads are not ours: while one runs
      // the context's background processing it carries the app's class loader, and a reload that
      // lands in that moment names it (a Tomcat false positive that depends only on timing).
      assertThat(threadsLeftBy("app", tomcat.logs())).as(tomcat.logs()).isEmpty();
      HttpResponse<String> read =
          HTTP.send(
              HttpRequest.newBuilder(
                      URI.create("http://127.0.0.1:" + tomcat.port() + "/neighbour/read"))
                  .POST(HttpRequest.BodyPublishers.ofByteArray(jpeg(64, 48)))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(read.body()).as(tomcat.logs()).isEqualTo("64x48");
      assertThat(read.statusCode()).isEqualTo(200);
    }
  }

  @org.junit.jupiter.api.Test
  void threadsLeftBy_namesOurThreads_notTomcatsUtilityThreads() {
    String logs =
        "WARNING [x] The web application [app] appears to have started a thread named"
            + " [Catalina-utility-2] but has failed to stop it.\n"
            + "WARNING [x] The web application [app] appears to have started a thread named"
            + " [JNA Cleaner] but has failed to stop it.\n"
            + "WARNING [x] The web application [neighbour] appears to have started a thread named"
            + " [other] but has failed to stop it.\n";
    assertThat(threadsLeftBy("app", logs)).containsExactly("JNA Cleaner");
  }

  /**
   * The threads Tomcat says the web app started and did not stop, but for its own utility threads.
   */
  static java.util.List<String> threadsLeftBy(String app, String logs) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile(
                "\\[" + app + "\\] appears to have started a thread named \\[([^\\]]+)\\]")
            .matcher(logs);
    java.util.List<String> threads = new java.util.ArrayList<>();
    while (m.find()) {
      if (!m.group(1).startsWith("Catalina-utility-")) {
        threads.add(m.group(1));
      }
    }
    return threads;
  }

  /** The run forced to pure Java ({@code -Dimagegate.codecs=java}), which Tomcat gets too. */
  private static final boolean PURE_JAVA = "java".equals(System.getProperty("imagegate.codecs"));

  private static void assertVariant(
      TomcatServer tomcat, UrlSigner signer, String tr, String type, int width) throws Exception {
    HttpResponse<byte[]> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(signer.url("photo.jpg").transformation(tr).sign()))
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(response.statusCode()).as(tr + "\n" + tomcat.logs()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue(type);
    if (!type.equals("image/webp")) {
      BufferedImage image = ImageIO.read(new ByteArrayInputStream(response.body()));
      assertThat(image.getWidth()).isEqualTo(width);
    } else {
      byte[] body = response.body();
      assertThat(new String(body, 8, 4, java.nio.charset.StandardCharsets.US_ASCII))
          .isEqualTo("WEBP");
    }
  }

  private static byte[] servletClass() throws Exception {
    try (var in =
        TomcatRedeployTest.class.getResourceAsStream(
            "/io/imagegate/containers/ImageIoReadServlet.class")) {
      return in.readAllBytes();
    }
  }

  static byte[] jpeg(int w, int h) throws Exception {
    BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        image.setRGB(x, y, (x * 255 / w) << 16 | (y * 255 / h) << 8 | 90);
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "jpg", out);
    return out.toByteArray();
  }
}
