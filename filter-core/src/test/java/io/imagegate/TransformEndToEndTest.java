package io.imagegate;

import static io.imagegate.testing.TestGate.KEY;
import static org.assertj.core.api.Assertions.assertThat;

import io.imagegate.config.UnsignedTransformations;
import io.imagegate.security.UrlSigner;
import io.imagegate.security.UrlSigner.TransformationPosition;
import io.imagegate.testing.Fixtures;
import io.imagegate.testing.RawHttp;
import io.imagegate.testing.RawHttp.Response;
import io.imagegate.testing.TestGate;
import io.imagegate.testing.TestServer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Transformations over HTTP: both URL forms, the unsigned-transformation policy, bad input and
 * hostile files.
 */
class TransformEndToEndTest {
  @TempDir Path root;

  TestServer server(UnsignedTransformations policy) {
    Fixtures.write(root.resolve("a.jpg"), Fixtures.jpeg(800, 600));
    Fixtures.write(root.resolve("bomb.png"), pngHeaderOnly(30_000, 30_000));
    Fixtures.write(
        root.resolve("fake.jpg"), "this is text, not a JPEG".getBytes(StandardCharsets.UTF_8));
    Fixtures.write(root.resolve("empty.jpg"), new byte[0]);
    Fixtures.write(
        root.resolve("drawing.svg"),
        ("<?xml version=\"1.0\"?><!DOCTYPE svg [<!ENTITY x \"x\">]>"
                + "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>")
            .getBytes(StandardCharsets.UTF_8));
    byte[] jpeg = Fixtures.jpeg(400, 300);
    Fixtures.write(root.resolve("truncated.jpg"), java.util.Arrays.copyOf(jpeg, jpeg.length / 2));
    try {
      return new TestServer(
          TestGate.settings(root)
              .unsignedTransformations(policy)
              .named("thumb", "w-100,h-100")
              .build());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  UrlSigner signer() {
    return TestGate.signer();
  }

  static BufferedImage image(Response response) {
    assertThat(response.status()).as(response.text()).isEqualTo(200);
    return Fixtures.decode(response.body());
  }

  @Test
  void pathAndQueryForms_giveTheSameImage() throws Exception {
    try (TestServer server = server(UnsignedTransformations.NAMED)) {
      BufferedImage path =
          image(
              RawHttp.get(
                  server.port(),
                  signer()
                      .url("a.jpg")
                      .transformation("w-300,h-300")
                      .position(TransformationPosition.PATH)
                      .sign()));
      BufferedImage query =
          image(
              RawHttp.get(
                  server.port(), signer().url("a.jpg").transformation("w-300,h-300").sign()));
      // ImageKit's Node SDKs 4-6 encode the comma; the URL is signed as sent.
      BufferedImage oldSdk =
          image(
              RawHttp.get(
                  server.port(),
                  "/img/a.jpg?tr=w-300%2Ch-300&ik-s=" + sig("a.jpg?tr=w-300%2Ch-300")));
      for (BufferedImage image : new BufferedImage[] {path, query, oldSdk}) {
        assertThat(image.getWidth()).isEqualTo(300);
        assertThat(image.getHeight()).isEqualTo(300);
      }
      // 800x600 red|blue cropped to the centre 600x600 then scaled: red on the left, blue on the
      // right.
      assertThat(path.getRGB(20, 150) >> 16 & 0xFF).isGreaterThan(200);
      assertThat(path.getRGB(280, 150) & 0xFF).isGreaterThan(200);
      assertThat(query.getRGB(20, 150)).isEqualTo(path.getRGB(20, 150));
    }
  }

  /** HMAC-SHA1 computed here with the JDK, independently of imagegate's signer. */
  static String sig(String signed) throws Exception {
    javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA1");
    mac.init(new javax.crypto.spec.SecretKeySpec(KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
    return java.util.HexFormat.of()
        .formatHex(mac.doFinal((signed + "9999999999").getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void unsignedTransformations_followThePolicy() throws Exception {
    try (TestServer named = server(UnsignedTransformations.NAMED)) {
      assertThat(image(RawHttp.get(named.port(), "/img/a.jpg?tr=n-thumb")).getWidth())
          .isEqualTo(100);
      Response refused = RawHttp.get(named.port(), "/img/a.jpg?tr=w-100");
      assertThat(refused.status()).isEqualTo(401);
      assertThat(refused.text()).contains("unsigned_transformation").contains("signed URL");
    }
    try (TestServer none = server(UnsignedTransformations.NONE)) {
      assertThat(RawHttp.get(none.port(), "/img/a.jpg?tr=n-thumb").status()).isEqualTo(401);
      assertThat(
              image(
                      RawHttp.get(
                          none.port(), signer().url("a.jpg").transformation("n-thumb").sign()))
                  .getWidth())
          .isEqualTo(100);
    }
    try (TestServer any = server(UnsignedTransformations.ANY)) {
      assertThat(image(RawHttp.get(any.port(), "/img/tr:w-123/a.jpg")).getWidth()).isEqualTo(123);
    }
  }

  @Test
  void badTransformations_get400NamingKeyAndValue() throws Exception {
    try (TestServer server = server(UnsignedTransformations.ANY)) {
      String[][] cases = {
        {"/img/a.jpg?tr=zz-3", "zz"},
        {"/img/a.jpg?tr=w-abc", "abc"},
        {"/img/a.jpg?tr=q-101", "101"},
        {"/img/a.jpg?tr=w-9000", "9000"},
        {"/img/a.jpg?tr=dpr-9", "9"},
        {"/img/a.jpg?tr=n-nosuch", "nosuch"},
        {"/img/a.jpg?tr=w-1:w-1:w-1:w-1:w-1:w-1:w-1:w-1:w-1:w-1:w-1", "steps"},
      };
      for (String[] c : cases) {
        Response response = RawHttp.get(server.port(), c[0]);
        assertThat(response.status()).as(c[0]).isEqualTo(400);
        assertThat(response.text()).as(c[0]).contains("bad_transformation").contains(c[1]);
      }
    }
  }

  @Test
  void hostileSources_getTheirDocumentedStatus() throws Exception {
    try (TestServer server = server(UnsignedTransformations.ANY)) {
      String[][] cases = {
        {"bomb.png", "422"}, {"truncated.jpg", "422"}, {"drawing.svg", "415"},
      };
      for (String[] c : cases) {
        Response response = RawHttp.get(server.port(), "/img/" + c[0] + "?tr=w-100");
        assertThat(response.status())
            .as(c[0] + " " + response.text())
            .isEqualTo(Integer.parseInt(c[1]));
        assertThat(response.text()).doesNotContain(root.toString());
      }
      Response svg = RawHttp.get(server.port(), "/img/drawing.svg");
      assertThat(svg.status()).as("SVG originals are served as they are").isEqualTo(200);
      assertThat(svg.header("Content-Type")).isEqualTo("image/svg+xml");
      assertThat(svg.header("X-Content-Type-Options")).isEqualTo("nosniff");
      assertThat(RawHttp.get(server.port(), "/img/fake.jpg?tr=w-100").status())
          .as("text named .jpg")
          .isEqualTo(415);
      assertThat(RawHttp.get(server.port(), "/img/empty.jpg?tr=w-100").status()).isEqualTo(415);
    }
  }

  /**
   * A PNG whose header claims width x height and whose data is a few bytes: a decompression bomb's
   * shape.
   */
  static byte[] pngHeaderOnly(int width, int height) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
    ByteBuffer ihdr =
        ByteBuffer.allocate(13)
            .putInt(width)
            .putInt(height)
            .put((byte) 8)
            .put((byte) 2)
            .put((byte) 0)
            .put((byte) 0)
            .put((byte) 0);
    chunk(out, "IHDR", ihdr.array());
    chunk(out, "IDAT", new byte[] {0x78, (byte) 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01});
    chunk(out, "IEND", new byte[0]);
    return out.toByteArray();
  }

  static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
    out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
    byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
    out.writeBytes(typeBytes);
    out.writeBytes(data);
    CRC32 crc = new CRC32();
    crc.update(typeBytes);
    crc.update(data);
    out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
  }
}
