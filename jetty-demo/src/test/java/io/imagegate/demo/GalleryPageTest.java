package io.imagegate.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The page over an image root of the test's own: what it lists, how it escapes, how it refuses. */
class GalleryPageTest {
  static final String MARKUP_NAME = "tart \"<i>fig\" & 'pie'.jpg";
  @TempDir static Path root;
  static DemoServer server;
  static String base;
  static final HttpClient CLIENT =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  @BeforeAll
  static void start() throws Exception {
    Path gallery = Files.createDirectories(root.resolve("gallery"));
    Files.write(gallery.resolve(MARKUP_NAME), image("jpg"));
    Files.write(gallery.resolve("plain.png"), image("png"));
    Files.write(gallery.resolve(".hidden.jpg"), image("jpg"));
    Files.writeString(gallery.resolve("fake.jpg"), "not an image");
    Files.writeString(gallery.resolve("notes.txt"), "hello");
    Files.createDirectories(gallery.resolve("folder.jpg"));
    server =
        DemoServer.start(
            new DemoOptions(0, "127.0.0.1", Optional.of(root), Optional.empty()),
            Clock.systemUTC());
    base = "http://127.0.0.1:" + server.port();
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  @Test
  void listsOnlyImagesByTheirBytes_andEscapesFileNames() throws Exception {
    HttpResponse<String> page = send("GET", "/");
    List<PageHtml.Tag> thumbs = PageHtml.tags(page.body(), "img", "thumb");

    assertThat(thumbs)
        .extracting(t -> t.get("alt"))
        .containsExactly("Plain", "Tart \"<i>fig\" & 'pie'");
    assertThat(page.body()).doesNotContain("<i>").contains("&lt;i&gt;fig");
    assertThat(thumbs.get(1).get("src"))
        .startsWith("/img/gallery/tart%20%22%3Ci%3Efig%22%20")
        .contains("ik-s=");
    // Someone else's photos are not credited to the bundled photos' authors.
    assertThat(PageHtml.textOf(page.body(), "credits")).isEmpty();
  }

  @Test
  void page_isNeverCached_andAllowsNoScript() throws Exception {
    HttpResponse<String> page = send("GET", "/");
    assertThat(page.headers().firstValue("Cache-Control")).contains("no-store");
    assertThat(page.headers().firstValue("Content-Security-Policy"))
        .get()
        .asString()
        .startsWith("default-src 'none'")
        .contains("img-src 'self'")
        .doesNotContain("script-src");
  }

  @Test
  void head_isGetWithoutABody() throws Exception {
    HttpResponse<String> head = send("HEAD", "/");
    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.body()).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({
    "GET, /signin, 405",
    "GET, /signout, 405",
    "PUT, /signin, 405",
    "DELETE, /signout, 405",
    "POST, /, 405",
    "PUT, /, 405",
    "TRACE, /, 405",
    "OPTIONS, /, 405",
    "GET, /nope, 404",
    "POST, /nope, 404",
    "GET, /signin/more, 404",
    "GET, /stats.html, 404",
    "GET, /gallery/plain.png, 404",
    "GET, /img/gallery/notes.txt, 401",
  })
  void badRequests_getAClear4xx(String method, String path, int status) throws Exception {
    HttpResponse<String> response = send(method, path);
    assertThat(response.statusCode()).as(method + " " + path).isEqualTo(status);
    if (status == 405) {
      assertThat(response.headers().firstValue("Allow")).isPresent();
    }
  }

  @Test
  void signingOutWithoutASession_justGoesBack() throws Exception {
    HttpResponse<String> response = send("POST", "/signout");
    assertThat(response.statusCode()).isEqualTo(303);
    assertThat(response.headers().firstValue("Location")).contains("/");
  }

  @Test
  void emptyImageRoot_showsAnEmptyGallery() throws Exception {
    Path empty = Files.createDirectories(root.resolve("empty-root"));
    try (DemoServer other =
        DemoServer.start(
            new DemoOptions(0, "127.0.0.1", Optional.of(empty), Optional.empty()),
            Clock.systemUTC())) {
      HttpResponse<String> page =
          CLIENT.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + other.port() + "/")).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(PageHtml.textOf(page.body(), "empty")).get().asString().contains("no photos");
      assertThat(PageHtml.tags(page.body(), "img")).isEmpty();
    }
  }

  @Test
  void originalsExpireAnHourAfterTheServersClock() throws Exception {
    Instant now = Instant.parse("2030-01-02T03:04:05Z");
    try (DemoServer fixed =
        DemoServer.start(
            new DemoOptions(0, "127.0.0.1", Optional.of(root), Optional.empty()),
            Clock.fixed(now, ZoneOffset.UTC))) {
      HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
      String site = "http://127.0.0.1:" + fixed.port();
      client.send(
          HttpRequest.newBuilder(URI.create(site + "/signin"))
              .POST(HttpRequest.BodyPublishers.noBody())
              .build(),
          HttpResponse.BodyHandlers.discarding());
      String html =
          client
              .send(
                  HttpRequest.newBuilder(URI.create(site + "/")).build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();

      assertThat(PageHtml.tags(html, "time", "expires").get(0).get("datetime"))
          .isEqualTo("2030-01-02T04:04:05Z");
      assertThat(PageHtml.tags(html, "a", "original"))
          .hasSize(2)
          .allSatisfy(
              a ->
                  assertThat(a.get("href"))
                      .contains("ik-t=" + now.plusSeconds(3600).getEpochSecond() + "&"));
    }
  }

  static byte[] image(String format) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertThat(ImageIO.write(new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB), format, out))
        .isTrue();
    return out.toByteArray();
  }

  static HttpResponse<String> send(String method, String path) throws Exception {
    return CLIENT.send(
        HttpRequest.newBuilder(URI.create(base + path))
            .method(method, HttpRequest.BodyPublishers.noBody())
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
