package io.imagegate.containers;

import static org.assertj.core.api.Assertions.assertThat;

import io.imagegate.testing.RawHttp;
import io.imagegate.testing.RawHttp.Response;
import io.imagegate.testing.TestGate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hostile-URL table ({@link HostileUrls}) against one container with the README's web.xml and
 * the container's default servlet behind the filter: no response ever carries the bytes of a
 * protected file or of {@code /etc/passwd}, and no such request gets a 2xx. Controls show that the
 * same deployments do serve public and signed images.
 */
abstract class HostileUrlContract {
  /** The container's HTTP port on 127.0.0.1. */
  abstract int port();

  /** The web app directory of a deployment. */
  abstract Path webAppDir(String deployment);

  static Stream<HostileUrls.Row> rows() {
    return HostileUrls.rows().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void hostileRequest_neverCarriesAProtectedFile(HostileUrls.Row row) throws IOException {
    Response response =
        RawHttp.send(port(), row.method(), row.target(), row.headers().toArray(String[]::new));
    assertThat(response.status()).as("status of " + row).isNotIn(200, 201, 202, 203, 204, 205, 206);
    for (Map.Entry<String, byte[]> file : protectedBytes(row.deployment()).entrySet()) {
      assertThat(HostileUrls.contains(response.body(), file.getValue()))
          .as(row + " carries the bytes of " + file.getKey())
          .isFalse();
    }
  }

  @Test
  void publicImages_areServedByTheFilter() throws IOException {
    for (String deployment : List.of("plain", "rooted")) {
      for (Map.Entry<String, byte[]> file : HostileUrls.PUBLIC.entrySet()) {
        Response response = RawHttp.get(port(), "/" + deployment + "/" + file.getKey());
        assertThat(response.status()).as(deployment + " " + file.getKey()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(file.getValue());
        assertThat(response.header("ETag")).as("the filter served it").startsWith("\"o");
        assertThat(response.header("Content-Security-Policy")).contains("sandbox");
        assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
      }
    }
  }

  @Test
  void signedUrls_reachProtectedImages() throws IOException {
    for (String deployment : List.of("plain", "rooted")) {
      var signer = HostileUrls.signer(deployment);
      Response privateImage = RawHttp.get(port(), signer.url("private/p.png").sign());
      assertThat(privateImage.status()).as(deployment).isEqualTo(200);
      assertThat(privateImage.body()).isEqualTo(HostileUrls.PROTECTED.get("img/private/p.png"));
      Response listed = RawHttp.get(port(), signer.url("listed/secret-1.png").sign());
      assertThat(listed.status()).isEqualTo(200);
      Response original =
          RawHttp.get(
              port(), signer.url("originals/o.png").expiresIn(Duration.ofMinutes(10)).sign());
      assertThat(original.status()).isEqualTo(200);
      assertThat(original.body()).isEqualTo(HostileUrls.PROTECTED.get("img/originals/o.png"));
      Response notes = RawHttp.get(port(), signer.url("private/notes.txt").sign());
      assertThat(notes.status())
          .as("a signed non-image passes down to the default servlet, the same file")
          .isEqualTo(200);
      assertThat(notes.body()).isEqualTo(HostileUrls.PROTECTED.get("img/private/notes.txt"));
      assertThat(RawHttp.get(port(), signer.url("WEB-INF/w.png").sign()).status())
          .as("WEB-INF is never served, signed or not")
          .isEqualTo(404);
      assertThat(RawHttp.get(port(), signer.url("public/passwd.png").sign()).status())
          .isEqualTo(404);
    }
  }

  @Test
  void refusedDeployment_servesNothing() throws IOException {
    Response response = RawHttp.get(port(), "/refused/img/public/ok.png");
    assertThat(response.status()).isNotIn(200, 201, 202, 203, 204, 205, 206);
  }

  private Map<String, byte[]> protectedBytes(String deployment) throws IOException {
    Map<String, byte[]> all = new LinkedHashMap<>(HostileUrls.PROTECTED);
    all.put("/etc/passwd", HostileUrls.passwd());
    all.put(
        "WEB-INF/web.xml", Files.readAllBytes(webAppDir(deployment).resolve("WEB-INF/web.xml")));
    return all;
  }

  /** The three web apps, laid out under {@code dir}. */
  static Map<String, Path> layOut(Path dir) throws IOException {
    Path key = Files.writeString(dir.resolve("key.txt"), TestGate.KEY + "\n");
    Map<String, Path> apps = new LinkedHashMap<>();
    for (String deployment : new ArrayList<>(List.of("plain", "rooted", "refused"))) {
      apps.put(deployment, HostileUrls.webApp(dir.resolve(deployment), deployment, key).dir());
    }
    return apps;
  }
}
