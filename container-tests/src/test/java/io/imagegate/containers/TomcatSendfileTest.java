package io.imagegate.containers;

import static io.imagegate.testing.TestGate.KEY;
import static org.assertj.core.api.Assertions.assertThat;

import io.imagegate.security.UrlSigner;
import io.imagegate.testing.Fixtures;
import io.imagegate.testing.TestGate;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On Debian's Tomcat a large original goes out through Tomcat's sendfile (the filter sets the
 * {@code org.apache.tomcat.sendfile.*} request attributes and writes nothing): a 5 MB original,
 * whole and as ranges, arrives with exactly the file's bytes, and the filter says it used sendfile.
 */
class TomcatSendfileTest {
  @TempDir static Path temp;
  static TomcatServer tomcat;
  static byte[] large;
  static UrlSigner signer;
  static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    TomcatServer.assumeInstalled();
    WebApp app =
        WebApp.in(temp.resolve("app")).webXml(WebApp.signedFilterXml(temp.resolve("images"), KEY));
    byte[] head = Fixtures.jpeg(64, 48);
    large = Arrays.copyOf(head, 5 * 1024 * 1024);
    byte[] noise = new byte[large.length - head.length];
    new Random(5).nextBytes(noise);
    System.arraycopy(noise, 0, large, head.length, noise.length);
    Files.createDirectories(temp.resolve("images"));
    Files.write(temp.resolve("images/large.jpg"), large);
    tomcat = TomcatServer.start(temp.resolve("base"), Map.of("app", app.dir()));
    signer = TestGate.signerAt("http://127.0.0.1:" + tomcat.port() + "/app/img");
  }

  @AfterAll
  static void stop() {
    if (tomcat != null) {
      tomcat.close();
    }
  }

  static HttpResponse<byte[]> get(String url, String... headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  @Test
  void wholeFile_isSentWithSendfile() throws Exception {
    HttpResponse<byte[]> r = get(signer.url("large.jpg").sign());
    assertThat(r.statusCode()).as(tomcat.logs()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Length")).hasValue(String.valueOf(large.length));
    assertThat(r.headers().firstValue("Content-Type")).hasValue("image/jpeg");
    assertThat(r.body()).isEqualTo(large);
    assertThat(tomcat.logs()).contains("are sent with Tomcat's sendfile");
  }

  @Test
  void ranges_areExactlyTheirBytes() throws Exception {
    String url = signer.url("large.jpg").sign();
    HttpResponse<byte[]> middle = get(url, "Range", "bytes=1000000-3999999");
    assertThat(middle.statusCode()).isEqualTo(206);
    assertThat(middle.headers().firstValue("Content-Range"))
        .hasValue("bytes 1000000-3999999/" + large.length);
    assertThat(middle.body()).isEqualTo(Arrays.copyOfRange(large, 1_000_000, 4_000_000));

    HttpResponse<byte[]> tail = get(url, "Range", "bytes=-70000");
    assertThat(tail.statusCode()).isEqualTo(206);
    assertThat(tail.body())
        .isEqualTo(Arrays.copyOfRange(large, large.length - 70_000, large.length));
  }
}
