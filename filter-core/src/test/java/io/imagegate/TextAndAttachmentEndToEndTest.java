package io.imagegate;

import static org.assertj.core.api.Assertions.assertThat;

import io.imagegate.security.UrlSigner;
import io.imagegate.testing.Fixtures;
import io.imagegate.testing.RawHttp;
import io.imagegate.testing.RawHttp.Response;
import io.imagegate.testing.TestGate;
import io.imagegate.testing.TestServer;
import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Over HTTP: {@code ik-attachment=true} downloads (ASCII and non-ASCII names, originals and
 * variants, covered by the signature), and text layers whose {@code ff-} font file under the root
 * is confined and authorized like an overlay image.
 */
class TextAndAttachmentEndToEndTest {
  @TempDir static Path tmp;
  static TestServer server;
  static UrlSigner signer;

  @BeforeAll
  static void start() throws Exception {
    Path root = Files.createDirectories(tmp.resolve("images"));
    byte[] png = Fixtures.png(400, 300);
    Fixtures.write(root.resolve("gallery/burger.png"), png);
    Fixtures.write(root.resolve("gallery/café crème.png"), png);
    byte[] font;
    try (InputStream in =
        TextAndAttachmentEndToEndTest.class.getResourceAsStream(
            "/io/imagegate/fonts/DejaVuSans-Bold.ttf")) {
      font = in.readAllBytes();
    }
    Fixtures.write(root.resolve("fonts/Brand.ttf"), font);
    Fixtures.write(root.resolve("fonts/broken.ttf"), "not a font at all".getBytes());
    Fixtures.write(root.resolve("private/.private"), new byte[0]);
    Fixtures.write(root.resolve("private/secret.ttf"), font);
    Fixtures.write(tmp.resolve("outside/evil.ttf"), font);
    Files.createSymbolicLink(root.resolve("fonts/outside.ttf"), tmp.resolve("outside/evil.ttf"));
    var settings = TestGate.parse(TestGate.params(root, "unsigned-transformations", "any")).build();
    server = new TestServer(settings);
    signer = TestGate.signer();
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  private static Response get(String target) throws Exception {
    return RawHttp.get(server.port(), target);
  }

  @Test
  void attachment_onAnOriginal_offersItsName() throws Exception {
    Response r =
        get(signer.url("gallery/burger.png").queryParameter("ik-attachment", "true").sign());
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.header("Content-Disposition")).isEqualTo("attachment; filename=\"burger.png\"");
    assertThat(r.header("Content-Type")).isEqualTo("image/png");
  }

  @Test
  void attachment_withANonAsciiName_addsUtf8FilenameStar() throws Exception {
    Response r =
        get(signer.url("gallery/café crème.png").queryParameter("ik-attachment", "true").sign());
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.header("Content-Disposition"))
        .isEqualTo(
            "attachment; filename=\"caf_ cr_me.png\"; filename*=UTF-8''caf%C3%A9%20cr%C3%A8me.png");
  }

  @Test
  void attachment_onAVariant_namesTheOutputFormat() throws Exception {
    Response r =
        get(
            signer
                .url("gallery/burger.png")
                .queryParameter("ik-attachment", "true")
                .transformation("w-100,f-jpg")
                .sign());
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.header("Content-Type")).isEqualTo("image/jpeg");
    assertThat(r.header("Content-Disposition")).isEqualTo("attachment; filename=\"burger.jpg\"");
  }

  @Test
  void withoutOrFalse_isInline() throws Exception {
    assertThat(get(signer.url("gallery/burger.png").sign()).header("Content-Disposition")).isNull();
    assertThat(get("/img/gallery/burger.png?ik-attachment=false").header("Content-Disposition"))
        .isNull();
    Response bad = get("/img/gallery/burger.png?ik-attachment=yes");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.text()).contains("bad_url").contains("ik-attachment must be true or false");
    assertThat(bad.header("Content-Disposition")).isNull();
  }

  @Test
  void attachment_isCoveredByTheSignature() throws Exception {
    String signed = signer.url("gallery/burger.png").sign();
    String added = signed.replace("?ik-s=", "?ik-attachment=true&ik-s=");
    Response r = get(added);
    assertThat(r.status()).isEqualTo(401);
    assertThat(r.header("Content-Disposition")).isNull();
    assertThat(get("/img/gallery/missing.png?ik-attachment=true").header("Content-Disposition"))
        .isNull();
  }

  @Test
  void textLayer_overHttp_drawsText() throws Exception {
    BufferedImage plain = Fixtures.decode(get("/img/gallery/burger.png?tr=w-200").body());
    Response r =
        get("/img/gallery/burger.png?tr=w-200,l-text,i-%C2%A9%20Studio,fs-30,co-red,l-end");
    assertThat(r.status()).as(r.text()).isEqualTo(200);
    BufferedImage marked = Fixtures.decode(r.body());
    assertThat(marked.getWidth()).isEqualTo(200);
    assertThat(differing(plain, marked)).isGreaterThan(100);
  }

  @Test
  void fontFileUnderTheRoot_isUsed() throws Exception {
    BufferedImage builtIn =
        Fixtures.decode(get("/img/gallery/burger.png?tr=l-text,i-Brand,fs-40,l-end").body());
    Response r = get("/img/gallery/burger.png?tr=l-text,i-Brand,fs-40,ff-fonts@@Brand.ttf,l-end");
    assertThat(r.status()).as(r.text()).isEqualTo(200);
    assertThat(differing(builtIn, Fixtures.decode(r.body()))).isGreaterThan(50);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "fonts@@missing.ttf, 404, not_found",
    "fonts@@broken.ttf, 422, unprocessable_image",
    "private@@secret.ttf, 401, signature_missing",
    "fonts@@outside.ttf, 404, not_found",
    "fonts@@..@@..@@outside@@evil.ttf, 400, bad_transformation",
    "fonts@@.hidden.ttf, 404, not_found",
  })
  void fontFiles_areConfinedAndAuthorizedLikeOverlays(String font, int status, String code)
      throws Exception {
    Response r = get("/img/gallery/burger.png?tr=l-text,i-a,ff-" + font + ",l-end");
    assertThat(r.status()).as(r.text()).isEqualTo(status);
    assertThat(r.text()).contains(code);
  }

  @Test
  void privateFont_isServedWhenSigned() throws Exception {
    String url =
        signer
            .url("gallery/burger.png")
            .transformation("l-text,i-a,ff-private@@secret.ttf,l-end")
            .sign();
    assertThat(get(url).status()).isEqualTo(200);
  }

  private static int differing(BufferedImage a, BufferedImage b) {
    int n = 0;
    for (int y = 0; y < a.getHeight(); y++) {
      for (int x = 0; x < a.getWidth(); x++) {
        int p = a.getRGB(x, y);
        int q = b.getRGB(x, y);
        if (Math.abs((p >> 16 & 0xFF) - (q >> 16 & 0xFF)) > 40
            || Math.abs((p >> 8 & 0xFF) - (q >> 8 & 0xFF)) > 40) {
          n++;
        }
      }
    }
    return n;
  }
}
