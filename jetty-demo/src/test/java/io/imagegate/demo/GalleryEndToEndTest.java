package io.imagegate.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The demo as a visitor meets it: the page over HTTP, every URL on it fetched and decoded, every
 * alteration of a thumbnail URL refused, and the paid user's one-hour originals.
 */
class GalleryEndToEndTest {
  static final String WATERMARK =
      ",oi-logos@@watermark-logo.png,ofo-bottom_right,ox-N6,oy-N6,ow-150";
  static DemoServer server;
  static String base;

  @BeforeAll
  static void start() throws Exception {
    server =
        DemoServer.start(
            new DemoOptions(0, "127.0.0.1", Optional.empty(), Optional.empty()), Clock.systemUTC());
    base = "http://127.0.0.1:" + server.port();
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  @Test
  void page_listsSignedWatermarkedThumbnailsWithA2xSource() throws Exception {
    String html = page(client());
    List<PageHtml.Tag> thumbs = PageHtml.tags(html, "img", "thumb");

    assertThat(thumbs).hasSizeGreaterThanOrEqualTo(3);
    for (PageHtml.Tag thumb : thumbs) {
      String src = thumb.get("src");
      assertThat(src)
          .as("src")
          .startsWith("/img/gallery/")
          .contains("ik-s=")
          .contains("tr=w-300,h-300" + WATERMARK + ",l-text,i-");
      assertThat(URLDecoder.decode(src, StandardCharsets.UTF_8))
          .contains("tr=" + Gallery.THUMBNAIL + "&")
          .contains("l-text,i-© Food Gallery · preview,");
      assertThat(thumb.get("width")).isEqualTo("300");
      assertThat(thumb.get("height")).isEqualTo("300");
      assertThat(thumb.get("alt")).isNotBlank().doesNotContain(".jpg");
      assertThat(PageHtml.srcsetCandidate(thumb.get("srcset"), "1x")).contains(src);
      assertThat(PageHtml.srcsetCandidate(thumb.get("srcset"), "2x"))
          .get()
          .asString()
          .contains("tr=w-300,h-300" + WATERMARK + ",l-text,i-")
          .contains(",l-end,dpr-2&")
          .contains("ik-s=");
    }
    assertThat(PageHtml.tags(html, "a", "original")).isEmpty();
    assertThat(PageHtml.textOf(html, "credits"))
        .get()
        .asString()
        .contains("Trevor 'Freespace', Jakub Mede")
        .contains("Pascal Riesinger / nononsense.cooking");
  }

  @Test
  void thumbnails_decodeTo300x300_and2xSourcesTo600x600() throws Exception {
    HttpClient client = client();
    for (PageHtml.Tag thumb : PageHtml.tags(page(client), "img", "thumb")) {
      BufferedImage image = image(client, thumb.get("src"));
      assertThat(image.getWidth()).as(thumb.get("src")).isEqualTo(300);
      assertThat(image.getHeight()).as(thumb.get("src")).isEqualTo(300);
      String twice = PageHtml.srcsetCandidate(thumb.get("srcset"), "2x").orElseThrow();
      BufferedImage large = image(client, twice);
      assertThat(large.getWidth()).as(twice).isEqualTo(600);
      assertThat(large.getHeight()).as(twice).isEqualTo(600);
    }
  }

  @Test
  void thumbnails_carryTheLogoBottomRight_andOtherwiseMatchTheUnmarkedThumbnail() throws Exception {
    HttpClient client = client();
    // ow-150 on a 300x300 thumbnail: the 800x240 logo, trimmed of its clear margin as ImageKit
    // trims overlays (721x203), becomes 150x42, 6 px inside the bottom-right corner.
    Rectangle logo = new Rectangle(144, 252, 150, 42);
    // The text mark: a translucent box 8 px from the top-left corner.
    Rectangle mark = new Rectangle(8, 8, 120, 14);
    Rectangle middleLeft = new Rectangle(0, 60, 150, 150);
    Rectangle bottomLeft = new Rectangle(0, 255, 140, 45);
    for (PageHtml.Tag thumb : PageHtml.tags(page(client), "img", "thumb")) {
      String path = thumb.get("src").replaceFirst("^/img/", "").replaceFirst("\\?.*$", "");
      BufferedImage marked = image(client, thumb.get("src"));
      BufferedImage plain =
          image(client, server.signer().url(path).transformation("w-300,h-300").sign());

      assertThat(Pixels.meanAbsoluteDifference(marked, plain, logo))
          .as(path + " under the logo")
          .isGreaterThan(12);
      assertThat(Pixels.meanAbsoluteDifference(marked, plain, mark))
          .as(path + " under the text mark")
          .isGreaterThan(12);
      assertThat(Pixels.meanAbsoluteDifference(marked, plain, middleLeft))
          .as(path + " middle left")
          .isLessThan(2);
      assertThat(Pixels.meanAbsoluteDifference(marked, plain, bottomLeft))
          .as(path + " bottom left")
          .isLessThan(2);
    }
  }

  @Test
  void alteredUnsignedAndStrippedThumbnailUrls_get401() throws Exception {
    HttpClient client = client();
    List<PageHtml.Tag> thumbs = PageHtml.tags(page(client), "img", "thumb");
    for (int i = 0; i < thumbs.size(); i++) {
      String src = thumbs.get(i).get("src");
      String twice = PageHtml.srcsetCandidate(thumbs.get(i).get("srcset"), "2x").orElseThrow();
      for (String url : List.of(src, twice)) {
        assertThat(status(client, bumpDigit(url, i)))
            .as("altered " + bumpDigit(url, i))
            .isEqualTo(401);
        assertThat(status(client, url.replace("w-300", "w-400"))).as("wider").isEqualTo(401);
        assertThat(status(client, url.replaceFirst("&ik-s=[0-9a-f]+$", "")))
            .as("unsigned")
            .isEqualTo(401);
        assertThat(status(client, url.replace(WATERMARK, "")))
            .as("watermark stripped")
            .isEqualTo(401);
      }
    }
  }

  @Test
  void paidUser_getsOriginalsThatExpireInAnHour_andSigningOutRemovesThem() throws Exception {
    HttpClient client = client();
    HttpResponse<String> signIn = post(client, "/signin");
    assertThat(signIn.statusCode()).isEqualTo(303);
    assertThat(signIn.headers().firstValue("Location")).contains("/");
    assertThat(signIn.headers().firstValue("Set-Cookie"))
        .get()
        .asString()
        .contains("HttpOnly")
        .contains("SameSite=Lax");

    String html = page(client);
    long now = Instant.now().getEpochSecond();
    List<PageHtml.Tag> thumbs = PageHtml.tags(html, "img", "thumb");
    List<PageHtml.Tag> originals = PageHtml.tags(html, "a", "original");
    assertThat(originals).hasSameSizeAs(thumbs);
    String stated = PageHtml.tags(html, "time", "expires").get(0).get("datetime");
    for (PageHtml.Tag link : originals) {
      String href = link.get("href");
      long expiry = Long.parseLong(match(href, "[?&]ik-t=(\\d+)&ik-s="));
      assertThat(expiry).as(href).isBetween(now + 3600 - 60, now + 3600 + 60);
      assertThat(Instant.parse(stated).getEpochSecond()).isEqualTo(expiry);
      assertThat(href).doesNotContain("tr=").contains("ik-attachment=true&");

      String path = href.replaceFirst("^/img/", "").replaceFirst("\\?.*$", "");
      BufferedImage source = ImageIO.read(server.settings().root().resolve(path).toFile());
      HttpResponse<byte[]> download =
          client.send(
              HttpRequest.newBuilder(URI.create(base + href)).build(),
              HttpResponse.BodyHandlers.ofByteArray());
      assertThat(download.headers().firstValue("Content-Disposition"))
          .as(href)
          .contains("attachment; filename=\"" + path.substring(path.lastIndexOf('/') + 1) + "\"");
      BufferedImage original = image(client, href);
      assertThat(original.getWidth()).as(path).isEqualTo(source.getWidth());
      assertThat(original.getHeight()).as(path).isEqualTo(source.getHeight());
    }
    assertThat(html).contains("Sign out").doesNotContain("Sign in as a paid user");

    assertThat(post(client, "/signout").statusCode()).isEqualTo(303);
    String after = page(client);
    assertThat(PageHtml.tags(after, "a", "original")).isEmpty();
    assertThat(after).contains("Sign in as a paid user");
  }

  @Test
  void tamperSection_showsWhatTheServerReallyAnswers() throws Exception {
    HttpClient client = client();
    String html = page(client);
    PageHtml.Tag tampered = PageHtml.tags(html, "img", "tampered").get(0);
    String firstThumb = PageHtml.tags(html, "img", "thumb").get(0).get("src");

    assertThat(tampered.get("src")).isEqualTo(firstThumb.replaceFirst("w-300", "w-400"));
    int real = status(client, tampered.get("src"));
    assertThat(real).isEqualTo(401);
    assertThat(PageHtml.textOf(html, "status")).contains(Integer.toString(real));
    assertThat(PageHtml.textOf(html, "code")).contains("signature_invalid");
    assertThat(PageHtml.textOf(html, "tampered-url")).contains(tampered.get("src"));
  }

  static HttpClient client() {
    return HttpClient.newBuilder()
        .cookieHandler(new CookieManager())
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  static String page(HttpClient client) throws Exception {
    HttpResponse<String> response =
        client.send(
            HttpRequest.newBuilder(URI.create(base + "/")).build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .get()
        .asString()
        .startsWith("text/html");
    return response.body();
  }

  static HttpResponse<String> post(HttpClient client, String path) throws Exception {
    return client.send(
        HttpRequest.newBuilder(URI.create(base + path))
            .POST(HttpRequest.BodyPublishers.noBody())
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static BufferedImage image(HttpClient client, String url) throws Exception {
    HttpResponse<byte[]> response =
        client.send(
            HttpRequest.newBuilder(URI.create(base + url)).build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(response.statusCode())
        .as(
            url
                + ": "
                + new String(
                    response.body(),
                    0,
                    Math.min(200, response.body().length),
                    StandardCharsets.UTF_8))
        .isEqualTo(200);
    return Pixels.decode(response.body());
  }

  static int status(HttpClient client, String url) throws Exception {
    return client
        .send(
            HttpRequest.newBuilder(URI.create(base + url)).build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  /**
   * Adds one to the {@code n}-th digit (cyclically) of the transformation: one character changed.
   */
  static String bumpDigit(String url, int n) {
    int start = url.indexOf("tr=") + 3;
    int end = url.indexOf('&', start);
    List<Integer> digits = new java.util.ArrayList<>();
    for (int i = start; i < end; i++) {
      if (Character.isDigit(url.charAt(i))) {
        digits.add(i);
      }
    }
    int at = digits.get(n % digits.size());
    char bumped = (char) ('0' + (url.charAt(at) - '0' + 1) % 10);
    return url.substring(0, at) + bumped + url.substring(at + 1);
  }

  static String match(String text, String regex) {
    Matcher m = Pattern.compile(regex).matcher(text);
    assertThat(m.find()).as(regex + " in " + text).isTrue();
    return m.group(1);
  }
}
