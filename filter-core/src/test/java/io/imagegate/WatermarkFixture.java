package io.imagegate;

import static org.assertj.core.api.Assertions.assertThat;

import io.imagegate.testing.Fixtures;
import io.imagegate.testing.RawHttp;
import io.imagegate.testing.TestGate;
import io.imagegate.testing.TestImages;
import io.imagegate.testing.TestServer;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A server with a forced watermark, and the property every unsigned response must hold: whatever
 * contains pixels of the watermarked photo shows the logo over them.
 *
 * <p>Colours are chosen so that pixels tell where they came from: the photo under the rule is
 * green, the logo magenta, the public image orange, and every fill colour a transformation may
 * bring (border, padding, background) is white, red, yellow or blue.
 */
final class WatermarkFixture implements AutoCloseable {
  static final int PHOTO = 0x00C800;
  static final int LOGO = 0xFF00FF;
  static final int PUBLIC = 0xFF8000;
  static final int[] FILLS = {0xFFFFFF, 0xFF0000, 0xFFFF00, 0x0000FF};

  final TestServer server;

  WatermarkFixture(Path tmp) throws Exception {
    Path root = Files.createDirectories(tmp.resolve("images"));
    Fixtures.write(
        root.resolve("wm/photo.png"), Fixtures.encode(TestImages.solid(120, 80, PHOTO), "png"));
    Fixtures.write(
        root.resolve("public/base.png"), Fixtures.encode(TestImages.solid(90, 60, PUBLIC), "png"));
    Fixtures.write(
        root.resolve("logos/logo.png"), Fixtures.encode(TestImages.solid(16, 16, LOGO), "png"));
    Files.createSymbolicLink(root.resolve("public/alias.png"), Path.of("../wm/photo.png"));
    var settings =
        TestGate.parse(
                TestGate.params(
                    root,
                    "unsigned-transformations",
                    "any",
                    "named.framed",
                    "b-40_FFFFFF",
                    "rule.wm.path",
                    "/wm/**",
                    "rule.wm.unsigned-transformation",
                    "oi-logos@@logo.png,ofo-bottom_right"))
            .build();
    server = new TestServer(settings);
  }

  /**
   * Requests {@code target} unsigned and checks the property.
   *
   * @return the status
   */
  int check(String target) throws IOException {
    RawHttp.Response response = RawHttp.get(server.port(), target);
    if (response.status() != 200) {
      assertThat(response.status()).as(target).isBetween(400, 499);
      return response.status();
    }
    BufferedImage image = Fixtures.decode(response.body());
    assertThat(image).as(target + " decodes").isNotNull();
    boolean readsPhoto = target.contains("/wm/") || target.contains("/public/alias.png");
    if (readsPhoto) {
      int corner = image.getRGB(image.getWidth() - 1, image.getHeight() - 1);
      assertThat(distance(corner, LOGO))
          .as(target + ": the logo sits bottom-right of what is served")
          .isLessThan(70);
      for (int y = 0; y < image.getHeight(); y++) {
        for (int x = 0; x < image.getWidth(); x++) {
          int rgb = image.getRGB(x, y);
          if ((rgb >>> 24) < 128) {
            throw new AssertionError(target + ": a transparent pixel at " + x + "," + y);
          }
          for (int fill : FILLS) {
            if (distance(rgb, fill) < 60) {
              throw new AssertionError(
                  target
                      + ": a canvas pixel (not the photo) at "
                      + x
                      + ","
                      + y
                      + ": the logo could sit there instead of over the photo");
            }
          }
        }
      }
    } else {
      for (int y = 0; y < image.getHeight(); y++) {
        for (int x = 0; x < image.getWidth(); x++) {
          if (distance(image.getRGB(x, y), PHOTO) < 60) {
            throw new AssertionError(
                target + ": pixels of the watermarked photo without the logo at " + x + "," + y);
          }
        }
      }
    }
    return 200;
  }

  static int distance(int a, int b) {
    int dr = ((a >> 16) & 0xFF) - ((b >> 16) & 0xFF);
    int dg = ((a >> 8) & 0xFF) - ((b >> 8) & 0xFF);
    int db = (a & 0xFF) - (b & 0xFF);
    return (int) Math.sqrt(dr * dr + dg * dg + db * db);
  }

  @Override
  public void close() {
    server.close();
  }
}
