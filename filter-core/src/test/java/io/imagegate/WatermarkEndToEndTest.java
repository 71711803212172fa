package io.imagegate;

import static org.assertj.core.api.Assertions.assertThat;

import io.imagegate.security.UrlSigner;
import io.imagegate.security.UrlSigner.TransformationPosition;
import io.imagegate.testing.Fixtures;
import io.imagegate.testing.RawHttp;
import io.imagegate.testing.RawHttp.Response;
import io.imagegate.testing.TestGate;
import io.imagegate.testing.TestImages;
import io.imagegate.testing.TestServer;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Watermarks over HTTP: ImageKit's tutorial overlay URL, overlay privacy and safety, and the forced
 * watermark that no unsigned request escapes.
 */
class WatermarkEndToEndTest {
  static final Color BASE = new Color(40, 60, 80);
  @TempDir static Path tmp;
  static Path root;
  static TestServer server;
  static UrlSigner signer;
  static byte[] original;

  @BeforeAll
  static void start() throws Exception {
    root = Files.createDirectories(tmp.resolve("images"));
    original = Fixtures.encode(TestImages.solid(600, 400, BASE.getRGB()), "png");
    Fixtures.write(root.resolve("food/burger.png"), original);
    Fixtures.write(root.resolve("public/photo.png"), original);
    Fixtures.write(
        root.resolve("logos/logo.png"),
        Fixtures.encode(TestImages.solid(200, 60, Color.WHITE.getRGB()), "png"));
    Fixtures.write(root.resolve("private/.private"), new byte[0]);
    Fixtures.write(
        root.resolve("private/secret-logo.png"),
        Fixtures.encode(TestImages.solid(50, 50, Color.RED.getRGB()), "png"));
    Fixtures.write(root.resolve("logos/readme.txt"), "not an image".getBytes());
    Fixtures.write(
        tmp.resolve("outside/logo.png"),
        Fixtures.encode(TestImages.solid(50, 50, Color.GREEN.getRGB()), "png"));
    Files.createSymbolicLink(root.resolve("logos/outside.png"), tmp.resolve("outside/logo.png"));
    var settings =
        TestGate.parse(
                TestGate.params(
                    root,
                    "unsigned-transformations",
                    "any",
                    "rule.public.path",
                    "/public/**",
                    "rule.public.unsigned-transformation",
                    "oi-logos@@logo.png,ofo-bottom_right,ow-100"))
            .build();
    server = new TestServer(settings);
    signer = TestGate.signer();
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  static BufferedImage fetch(String target) throws Exception {
    Response response = RawHttp.get(server.port(), target);
    assertThat(response.status()).as(target + " " + response.text()).isEqualTo(200);
    return Fixtures.decode(response.body());
  }

  /** Mean brightness of a region, 0-255. */
  static double brightness(BufferedImage image, int x, int y, int width, int height) {
    long sum = 0;
    for (int j = y; j < y + height; j++) {
      for (int i = x; i < x + width; i++) {
        int rgb = image.getRGB(i, j);
        sum += ((rgb >> 16) & 0xFF) + ((rgb >> 8) & 0xFF) + (rgb & 0xFF);
      }
    }
    return sum / (3.0 * width * height);
  }

  @Test
  void imageKitTutorialOverlayUrl_isServedWithTheLogoBottomRight() throws Exception {
    String url =
        signer
            .url("food/burger.png")
            .transformation("w-300,h-300,oi-@@logos@@logo.png,ofo-bottom_right,ow-150")
            .position(TransformationPosition.PATH)
            .sign();
    assertThat(url)
        .startsWith(
            "/img/tr:w-300,h-300,oi-@@logos@@logo.png,ofo-bottom_right,ow-150/food/burger.png?ik-s=");
    BufferedImage thumb = fetch(url);
    assertThat(thumb.getWidth()).isEqualTo(300);
    assertThat(thumb.getHeight()).isEqualTo(300);
    // The 200x60 logo at width 150 is 150x45, flush in the bottom-right corner.
    assertThat(brightness(thumb, 300 - 150 + 5, 300 - 45 + 5, 140, 35)).isGreaterThan(245);
    assertThat(brightness(thumb, 0, 0, 140, 200)).isBetween(50.0, 70.0);
    assertThat(brightness(thumb, 300 - 150 - 10, 300 - 45 + 5, 8, 30))
        .as("left of the logo")
        .isBetween(50.0, 70.0);
    assertThat(RawHttp.get(server.port(), url.replace("ow-150", "ow-15")).status())
        .as("watermark resized")
        .isEqualTo(401);
    assertThat(
            RawHttp.get(
                    server.port(), url.replace(",oi-@@logos@@logo.png,ofo-bottom_right,ow-150", ""))
                .status())
        .as("watermark stripped")
        .isEqualTo(401);
  }

  @Test
  void legacyAndLayerForms_giveTheSamePixels() throws Exception {
    BufferedImage legacy =
        fetch(
            signer
                .url("food/burger.png")
                .transformation("w-300,h-200,oi-logos@@logo.png,ofo-top_left,ox-10,oy-20,ow-80")
                .sign());
    BufferedImage layer =
        fetch(
            signer
                .url("food/burger.png")
                .transformation(
                    "w-300,h-200,l-image,i-logos@@logo.png,lfo-top_left,lx-10,ly-20,w-80,l-end")
                .sign());
    for (int y = 0; y < 200; y += 7) {
      for (int x = 0; x < 300; x += 7) {
        assertThat(legacy.getRGB(x, y)).isEqualTo(layer.getRGB(x, y));
      }
    }
    assertThat(brightness(legacy, 12, 22, 76, 20)).isGreaterThan(245);
  }

  static Stream<Arguments> overlayFailures() {
    return Stream.of(
        Arguments.of(
            "private overlay, unsigned",
            "/img/food/burger.png?tr=w-100,oi-private@@secret-logo.png",
            401,
            "signature_missing"),
        Arguments.of(
            "missing overlay",
            "/img/food/burger.png?tr=w-100,oi-logos@@none.png",
            404,
            "not_found"),
        Arguments.of(
            "overlay symlinked out of the root",
            "/img/food/burger.png?tr=w-100,oi-logos@@outside.png",
            404,
            "not_found"),
        Arguments.of(
            "overlay path with ..",
            "/img/food/burger.png?tr=w-100,oi-..@@outside@@logo.png",
            400,
            "bad_transformation"),
        Arguments.of(
            "dotfile overlay",
            "/img/food/burger.png?tr=w-100,oi-private@@.private",
            404,
            "not_found"),
        Arguments.of(
            "non-image overlay",
            "/img/food/burger.png?tr=w-100,oi-logos@@readme.txt",
            415,
            "unsupported_media_type"),
        Arguments.of(
            "too many overlays",
            "/img/food/burger.png?tr=w-100,oi-logos@@logo.png:oi-logos@@logo.png:"
                + "oi-logos@@logo.png:oi-logos@@logo.png:oi-logos@@logo.png:oi-logos@@logo.png",
            400,
            "bad_transformation"),
        Arguments.of(
            "nesting deeper than 3",
            "/img/food/burger.png?tr=l-image,i-logos@@logo.png,l-image,i-logos@@logo.png,"
                + "l-image,i-logos@@logo.png,l-image,i-logos@@logo.png,l-end,l-end,l-end,l-end",
            400,
            "bad_transformation"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("overlayFailures")
  void badOverlay_getsAClearStatus(String name, String target, int status, String code)
      throws Exception {
    Response response = RawHttp.get(server.port(), target);
    assertThat(response.status()).as(response.text()).isEqualTo(status);
    assertThat(response.text()).contains(code).doesNotContain(root.toString());
  }

  @Test
  void privateOverlay_isServedWhenSigned() throws Exception {
    BufferedImage image =
        fetch(
            signer
                .url("food/burger.png")
                .transformation("w-100,oi-private@@secret-logo.png")
                .sign());
    int center = image.getRGB(50, image.getHeight() / 2);
    assertThat((center >> 16) & 0xFF).isGreaterThan(200);
  }

  @Test
  void forcedWatermark_marksEveryUnsignedResponse() throws Exception {
    BufferedImage plain = fetch("/img/public/photo.png");
    assertThat(plain.getWidth()).isEqualTo(600);
    assertThat(brightness(plain, 600 - 95, 400 - 25, 90, 20))
        .as("logo 100x30 bottom-right")
        .isGreaterThan(245);
    BufferedImage resized = fetch("/img/public/photo.png?tr=w-300");
    assertThat(resized.getWidth()).isEqualTo(300);
    assertThat(brightness(resized, 300 - 95, 200 - 25, 90, 20)).isGreaterThan(245);
    BufferedImage escape = fetch("/img/public/photo.png?tr=orig-true");
    assertThat(brightness(escape, 600 - 95, 400 - 25, 90, 20))
        .as("orig-true cannot drop it")
        .isGreaterThan(245);
    for (String target :
        new String[] {
          "/img/public/photo.png",
          "/img/public/photo.png?tr=orig-true",
          "/img/public/photo.png?tr=w-600"
        }) {
      assertThat(RawHttp.get(server.port(), target).body()).as(target).isNotEqualTo(original);
      assertThat(RawHttp.get(server.port(), target, "Range: bytes=0-99").status()).isEqualTo(200);
    }
  }

  @Test
  void signedUrls_areServedExactlyAsSigned() throws Exception {
    Response clean = RawHttp.get(server.port(), signer.url("public/photo.png").sign());
    assertThat(clean.status()).isEqualTo(200);
    assertThat(clean.body()).as("the clean original, only with a signature").isEqualTo(original);
    BufferedImage resized = fetch(signer.url("public/photo.png").transformation("w-300").sign());
    assertThat(brightness(resized, 300 - 95, 200 - 25, 90, 20))
        .as("no watermark")
        .isBetween(50.0, 70.0);
  }
}
