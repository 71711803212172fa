package io.imagegate.containers;

import static io.imagegate.testing.TestGate.KEY;
import static org.assertj.core.api.Assertions.assertThat;

import io.imagegate.security.UrlSigner;
import io.imagegate.testing.TestGate;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The request table every container must pass, written once: each container's test class extends
 * this, deploys {@link #app} (the README's web.xml, the key from a file, images outside the web
 * app) at {@code /app}, and says where it answers. Then the same rows run against each container.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RequestTable {
  static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  /** {@code http://127.0.0.1:<port>/app}: where the container serves {@link #app}. */
  abstract String appUrl();

  /** The container's log, for failure messages. */
  abstract String containerLog();

  /** The test web app: the filter from web.xml over {@code dir/../images}, a signing page. */
  static WebApp app(Path dir) {
    Path images = dir.resolveSibling(dir.getFileName() + "-images");
    try {
      Files.createDirectories(images.resolve("photos"));
      Files.createDirectories(images.resolve("private"));
      Files.write(images.resolve("photos/a.png"), png(40, 30));
      Files.write(images.resolve("private/b.png"), png(40, 30));
      Files.writeString(images.resolve("private/.private"), "");
      Path keyFile = Files.writeString(dir.resolveSibling(dir.getFileName() + ".key"), KEY + "\n");
      return webApp(dir, images, "file:" + keyFile);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The same web app with a key file that does not exist: its deployment must fail. */
  static WebApp appWithMissingKeyFile(Path dir, Path missingKeyFile) {
    try {
      Path images = Files.createDirectories(dir.resolveSibling(dir.getFileName() + "-images"));
      return webApp(dir, images, "file:" + missingKeyFile);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static WebApp webApp(Path dir, Path images, String key) {
    WebApp app =
        WebApp.in(dir)
            .webXml(
                WebApp.filterWebXml(
                    java.util.Map.of("root", images, "key", key, "named.thumb", "w-16"),
                    """
                      <servlet>
                        <servlet-name>sign</servlet-name>
                        <servlet-class>io.imagegate.containers.SignerPageServlet</servlet-class>
                      </servlet>
                      <servlet-mapping>
                        <servlet-name>sign</servlet-name>
                        <url-pattern>/sign</url-pattern>
                      </servlet-mapping>
                    """));
    String page = "io/imagegate/containers/SignerPageServlet.class";
    try (var in = RequestTable.class.getClassLoader().getResourceAsStream(page)) {
      app.file("WEB-INF/classes/" + page, in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return app;
  }

  /** One row: what is asked and what must come back. */
  interface Row {
    void check(RequestTable t) throws Exception;
  }

  static Stream<Arguments> rows() {
    return Stream.of(
        row(
            "signed 200 at the right size",
            t -> {
              HttpResponse<byte[]> r =
                  t.get(t.signer().url("photos/a.png").transformation("w-20").sign());
              t.assertStatus(r, 200);
              assertThat(r.headers().firstValue("Content-Type")).contains("image/png");
              BufferedImage image = decode(r.body());
              assertThat(image.getWidth()).isEqualTo(20);
              assertThat(image.getHeight()).isEqualTo(15);
            }),
        row(
            "unsigned private 401",
            t -> t.assertError(t.get(t.appUrl() + "/img/private/b.png"), 401, "signature_missing")),
        row(
            "tampered 401",
            t -> {
              String url = t.signer().url("photos/a.png").transformation("w-20").sign();
              assertThat(url).contains("tr=w-20&");
              t.assertError(t.get(url.replace("tr=w-20&", "tr=w-21&")), 401, "signature_invalid");
            }),
        row(
            "unsigned tr 401",
            t ->
                t.assertError(
                    t.get(t.appUrl() + "/img/photos/a.png?tr=w-20"),
                    401,
                    "unsigned_transformation")),
        row(
            "named 200",
            t -> {
              HttpResponse<byte[]> r = t.get(t.appUrl() + "/img/photos/a.png?tr=n-thumb");
              t.assertStatus(r, 200);
              assertThat(decode(r.body()).getWidth()).isEqualTo(16);
            }),
        row(
            "HEAD",
            t -> {
              String url = t.signer().url("photos/a.png").transformation("w-20").sign();
              HttpResponse<byte[]> get = t.get(url);
              HttpResponse<byte[]> head =
                  t.send(
                      HttpRequest.newBuilder(URI.create(url))
                          .method("HEAD", HttpRequest.BodyPublishers.noBody()));
              t.assertStatus(head, 200);
              assertThat(head.body()).isEmpty();
              assertThat(head.headers().firstValue("Content-Length"))
                  .contains(Integer.toString(get.body().length));
              assertThat(head.headers().firstValue("ETag"))
                  .isEqualTo(get.headers().firstValue("ETag"));
            }),
        row(
            "304",
            t -> {
              String url = t.signer().url("photos/a.png").transformation("w-20").sign();
              String etag = t.get(url).headers().firstValue("ETag").orElseThrow();
              HttpResponse<byte[]> r =
                  t.send(HttpRequest.newBuilder(URI.create(url)).header("If-None-Match", etag));
              t.assertStatus(r, 304);
              assertThat(r.body()).isEmpty();
            }),
        row(
            "Range 206",
            t -> {
              String url = t.appUrl() + "/img/photos/a.png";
              int size = t.get(url).body().length;
              HttpResponse<byte[]> r =
                  t.send(HttpRequest.newBuilder(URI.create(url)).header("Range", "bytes=0-9"));
              t.assertStatus(r, 206);
              assertThat(r.body()).hasSize(10);
              assertThat(r.headers().firstValue("Content-Range")).contains("bytes 0-9/" + size);
            }),
        row(
            "marker 404",
            t -> {
              t.assertError(t.get(t.appUrl() + "/img/private/.private"), 404, "not_found");
              t.assertError(t.get(t.signer().url("private/.private").sign()), 404, "not_found");
            }),
        row(
            "page signs with the filter's signer",
            t -> {
              HttpResponse<byte[]> page = t.get(t.appUrl() + "/sign?path=private/b.png&tr=w-12");
              t.assertStatus(page, 200);
              String url = new String(page.body(), java.nio.charset.StandardCharsets.UTF_8);
              assertThat(url).startsWith("/app/img/private/b.png?tr=w-12&ik-s=");
              HttpResponse<byte[]> r = t.get(t.appUrl().replaceFirst("/app$", "") + url);
              t.assertStatus(r, 200);
              assertThat(decode(r.body()).getWidth()).isEqualTo(12);
            }));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void request(String name, Row row) throws Exception {
    row.check(this);
  }

  private static Arguments row(String name, Row row) {
    return Arguments.of(name, row);
  }

  UrlSigner signer() {
    return TestGate.signerAt(appUrl() + "/img");
  }

  HttpResponse<byte[]> get(String url) throws Exception {
    return send(HttpRequest.newBuilder(URI.create(url)));
  }

  HttpResponse<byte[]> send(HttpRequest.Builder request) throws Exception {
    return HTTP.send(
        request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  void assertStatus(HttpResponse<byte[]> response, int status) {
    assertThat(response.statusCode())
        .as(
            () ->
                response.uri()
                    + " answered:\n"
                    + new String(response.body())
                    + "\n"
                    + containerLog())
        .isEqualTo(status);
  }

  /** A refusal: the status, the stable code, and none of the success headers. */
  void assertError(HttpResponse<byte[]> response, int status, String code) {
    assertStatus(response, status);
    assertThat(new String(response.body())).contains("\"error\":\"" + code + "\"");
    assertThat(response.headers().firstValue("ETag")).isEmpty();
    assertThat(response.headers().firstValue("Last-Modified")).isEmpty();
    assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");
  }

  static BufferedImage decode(byte[] bytes) throws IOException {
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
    assertThat(image).as("a decodable image").isNotNull();
    return image;
  }

  static byte[] png(int w, int h) throws IOException {
    BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }
}
