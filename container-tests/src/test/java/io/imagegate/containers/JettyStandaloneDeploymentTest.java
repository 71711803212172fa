package io.imagegate.containers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Standalone Jetty 12 (jetty-home, a private jetty.base with ee10-deploy) with the same web.xml
 * fixture at {@code /app}: the shared {@link RequestTable}, and a web app whose key file is missing
 * at {@code /bad}, which Jetty must leave unavailable with the filter's message in its log.
 */
class JettyStandaloneDeploymentTest extends RequestTable {
  @TempDir static Path temp;
  JettyServer jetty;
  Path missingKey;

  @BeforeAll
  void start() {
    missingKey = temp.resolve("no-such-dir/imagegate.key");
    jetty =
        JettyServer.start(
            temp.resolve("base"),
            Map.of(
                "app", app(temp.resolve("app")).dir(),
                "bad", appWithMissingKeyFile(temp.resolve("bad"), missingKey).dir()));
  }

  @AfterAll
  void stop() {
    if (jetty != null) {
      jetty.close();
    }
  }

  @Override
  String appUrl() {
    return "http://127.0.0.1:" + jetty.port() + "/app";
  }

  @Override
  String containerLog() {
    return jetty.log();
  }

  @Test
  void configurationError_stopsTheDeployment_withItsMessageInTheLog() throws Exception {
    int status = get("http://127.0.0.1:" + jetty.port() + "/bad/img/photos/a.png").statusCode();
    assertThat(status).as(jetty.log()).isEqualTo(503);
    assertThat(jetty.log())
        .contains(
            "imagegate: invalid configuration: key: cannot read key file '"
                + missingKey
                + "' (NoSuchFileException)");
    assertThat(get(appUrl() + "/img/photos/a.png").statusCode()).isEqualTo(200);
  }
}
