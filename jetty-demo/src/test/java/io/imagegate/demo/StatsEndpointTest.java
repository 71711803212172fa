package io.imagegate.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code GET /stats} answers the filter's snapshot as JSON, and it moves with requests. */
class StatsEndpointTest {
  @Test
  void stats_reportsRendersAndCache() throws Exception {
    try (DemoServer server =
        DemoServer.start(
            new DemoOptions(0, "127.0.0.1", Optional.empty(), Optional.empty()),
            Clock.systemUTC())) {
      HttpClient http = HttpClient.newHttpClient();
      String base = "http://127.0.0.1:" + server.port();
      String thumb = server.signer().url("gallery/burger.jpg").transformation("w-100,h-100").sign();
      for (int i = 0; i < 2; i++) {
        assertThat(
                http.send(
                        HttpRequest.newBuilder(URI.create(base + thumb)).build(),
                        HttpResponse.BodyHandlers.discarding())
                    .statusCode())
            .isEqualTo(200);
      }
      HttpResponse<String> stats =
          http.send(
              HttpRequest.newBuilder(URI.create(base + "/stats")).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(stats.statusCode()).isEqualTo(200);
      assertThat(stats.headers().firstValue("Content-Type"))
          .hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
      assertThat(stats.body())
          .contains("\"renders\":1")
          .contains("\"cacheHits\":1")
          .contains("\"cacheMisses\":1")
          .containsPattern("\"cacheBytes\":[1-9]");
    }
  }
}
