package io.imagegate.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The demo's Jetty ({@link DemoServer#jetty}, also bench/Ceiling.java's) names no server software,
 * still dates its responses, and a cache hit carries exactly the headers imagegate sets.
 */
class DemoServerHeadersTest {
  @Test
  void aHit_carriesImagegatesHeadersAndDate_andNoServerHeader() throws Exception {
    try (DemoServer server =
        DemoServer.start(
            new DemoOptions(0, "127.0.0.1", Optional.empty(), Optional.empty()),
            Clock.systemUTC())) {
      HttpClient http = HttpClient.newHttpClient();
      String base = "http://127.0.0.1:" + server.port();
      String thumb = server.signer().url("gallery/burger.jpg").transformation("w-100,h-100").sign();
      HttpResponse<Void> hit = null;
      for (int i = 0; i < 2; i++) {
        hit =
            http.send(
                HttpRequest.newBuilder(URI.create(base + thumb)).build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(hit.statusCode()).isEqualTo(200);
      }
      Set<String> names = new TreeSet<>(hit.headers().map().keySet());
      assertThat(names)
          .containsExactlyInAnyOrder(
              "cache-control",
              "content-length",
              "content-security-policy",
              "content-type",
              "date",
              "etag",
              "x-content-type-options");

      HttpResponse<Void> missing =
          http.send(
              HttpRequest.newBuilder(URI.create(base + "/img/no-such.jpg")).build(),
              HttpResponse.BodyHandlers.discarding());
      assertThat(missing.statusCode()).isBetween(400, 499);
      assertThat(missing.headers().firstValue("Server")).isEmpty();
      assertThat(missing.headers().firstValue("Date")).isPresent();
    }
  }
}
