package io.imagegate;

import static org.assertj.core.api.Assertions.assertThat;

import io.imagegate.config.ImageGateSettings;
import io.imagegate.config.UnsignedTransformations;
import io.imagegate.testing.Fixtures;
import io.imagegate.testing.RawHttp;
import io.imagegate.testing.RawHttp.Response;
import io.imagegate.testing.SystemPackages;
import io.imagegate.testing.TestGate;
import io.imagegate.testing.TestServer;
import io.imagegate.transform.codec.EncoderFaults;
import io.imagegate.transform.codec.ImageCodecs;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The codec backends over HTTP (issue 10): pure Java when the native libraries are absent or
 * switched off ({@code -Dimagegate.codecs}), WebP/AVIF then negotiated away or refused with 415
 * {@code format_unavailable}; impossible outputs refused with 422 before decoding; a failing
 * encoder answered with 503 and none of the success headers.
 */
class CodecBackendServingTest {
  static final String PROPERTY = "imagegate.codecs";
  static final String INITIAL = System.getProperty(PROPERTY);
  @TempDir Path root;

  @AfterEach
  void defaults() {
    if (INITIAL == null) {
      System.clearProperty(PROPERTY);
    } else {
      System.setProperty(PROPERTY, INITIAL);
    }
    EncoderFaults.clear();
    EncoderFaults.reloadBackend();
  }

  ImageGateSettings settings() {
    Fixtures.write(root.resolve("a.jpg"), Fixtures.jpeg(400, 300));
    Fixtures.write(
        root.resolve("dot.gif"),
        Fixtures.encode(new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB), "gif"));
    return TestGate.settings(root).unsignedTransformations(UnsignedTransformations.ANY).build();
  }

  @Test
  void javaBackend_rendersJpegNegotiatesWebpAwayAndRefusesExplicitWebpAndAvif() throws Exception {
    System.setProperty(PROPERTY, "java");
    EncoderFaults.reloadBackend();
    try (TestServer server = new TestServer(settings())) {
      assertThat(ImageCodecs.backend()).contains("JPEG pure Java").contains("WebP unavailable");
      Response jpeg = RawHttp.get(server.port(), "/img/a.jpg?tr=w-100");
      assertThat(jpeg.status()).isEqualTo(200);
      assertThat(Fixtures.decode(jpeg.body()).getWidth()).isEqualTo(100);

      Response auto =
          RawHttp.get(
              server.port(), "/img/a.jpg?tr=w-100,f-auto", "Accept: image/avif,image/webp,*/*");
      assertThat(auto.status()).isEqualTo(200);
      assertThat(auto.header("Content-Type")).isEqualTo("image/jpeg");

      for (String format : new String[] {"webp", "avif"}) {
        Response refused = RawHttp.get(server.port(), "/img/a.jpg?tr=w-100,f-" + format);
        assertThat(refused.status())
            .as(format + " " + refused.header("Content-Type") + " " + ImageCodecs.backend())
            .isEqualTo(415);
        assertThat(refused.text()).contains("format_unavailable").contains(format);
        assertNoSuccessHeaders(refused);
      }
    }
  }

  @Test
  void turboJpegOnly_webpSourceIsUnavailableNotA500() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(INITIAL == null, "the native backend is off");
    SystemPackages.assumeInstalled("libwebp7", Path.of("/usr/lib/x86_64-linux-gnu/libwebp.so.7"));
    // Written while libwebp is there, then served by a server without it.
    Response made;
    try (TestServer server = new TestServer(settings())) {
      made = RawHttp.get(server.port(), "/img/a.jpg?tr=w-50,f-webp");
      assertThat(made.status()).isEqualTo(200);
      assertThat(made.header("Content-Type")).isEqualTo("image/webp");
    }
    Fixtures.write(root.resolve("b.webp"), made.body());
    System.setProperty(PROPERTY, "turbojpeg");
    EncoderFaults.reloadBackend();
    try (TestServer server = new TestServer(settings())) {
      Response refused = RawHttp.get(server.port(), "/img/b.webp?tr=w-20");
      assertThat(refused.status()).isEqualTo(415);
      assertThat(refused.text()).contains("format_unavailable");
      assertNoSuccessHeaders(refused);
    }
  }

  @Test
  void nativeBackend_servesWebpAndPrefersAvifForFAuto() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(INITIAL == null, "the native backend is off");
    SystemPackages.assumeInstalled(
        "libturbojpeg0 libwebp7 libavif15",
        Path.of("/usr/lib/x86_64-linux-gnu/libturbojpeg.so.0"),
        Path.of("/usr/lib/x86_64-linux-gnu/libwebp.so.7"),
        Path.of("/usr/lib/x86_64-linux-gnu/libavif.so.15"));
    try (TestServer server = new TestServer(settings())) {
      assertThat(ImageCodecs.backend())
          .contains("JPEG native")
          .contains("WebP native")
          .contains("AVIF native");
      Response webp = RawHttp.get(server.port(), "/img/a.jpg?tr=w-120,f-webp");
      assertThat(webp.status()).isEqualTo(200);
      assertThat(new String(webp.body(), 8, 4, java.nio.charset.StandardCharsets.US_ASCII))
          .isEqualTo("WEBP");
      Response avif =
          RawHttp.get(
              server.port(), "/img/a.jpg?tr=w-120,f-auto", "Accept: image/avif,image/webp,*/*");
      assertThat(avif.status()).isEqualTo(200);
      assertThat(avif.header("Content-Type")).isEqualTo("image/avif");
      assertThat(new String(avif.body(), 4, 8, java.nio.charset.StandardCharsets.US_ASCII))
          .isEqualTo("ftypavif");
      Response webpOnly =
          RawHttp.get(server.port(), "/img/a.jpg?tr=w-120,f-auto", "Accept: image/webp,*/*");
      assertThat(webpOnly.header("Content-Type")).isEqualTo("image/webp");
    }
  }

  @Test
  void impossibleOutput_is422NamingTheLimitBeforeAnythingIsDecoded() throws Exception {
    try (TestServer server = new TestServer(settings())) {
      Response refused = RawHttp.get(server.port(), "/img/dot.gif?tr=w-8192,h-8192,c-force");
      assertThat(refused.status()).isEqualTo(422);
      assertThat(refused.text()).contains("limits.max-output-pixels").contains("8192x8192");
      assertNoSuccessHeaders(refused);
      assertThat(RawHttp.get(server.port(), "/img/dot.gif?tr=w-4000,h-4000,c-force").status())
          .isEqualTo(200);
    }
  }

  @Test
  void encoderFailureMidRender_is503WithoutSuccessHeaders() throws Exception {
    try (TestServer server = new TestServer(settings())) {
      EncoderFaults.failWith(new IndexOutOfBoundsException("pos < flushedPos"));
      for (String tr : new String[] {"w-90", "w-91,f-png"}) {
        Response failed = RawHttp.get(server.port(), "/img/a.jpg?tr=" + tr);
        assertThat(failed.status()).as(tr).isEqualTo(503);
        assertThat(failed.text()).contains("overloaded");
        assertNoSuccessHeaders(failed);
      }
      EncoderFaults.clear();
      Response ok = RawHttp.get(server.port(), "/img/a.jpg?tr=w-90");
      assertThat(ok.status()).as("nothing failed was cached").isEqualTo(200);
      assertThat(Fixtures.decode(ok.body()).getWidth()).isEqualTo(90);
    }
  }

  private static void assertNoSuccessHeaders(Response response) {
    assertThat(response.header("Cache-Control")).isEqualTo("no-store");
    assertThat(response.header("ETag")).isNull();
    assertThat(response.header("Last-Modified")).isNull();
    assertThat(response.header("Content-Type")).startsWith("application/json");
  }
}
