package io.imagegate.containers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Debian's Tomcat 10.1 with the web.xml fixture at {@code /app}: the shared {@link RequestTable},
 * and a web app whose key file is missing at {@code /bad}, which Tomcat must refuse to start with
 * the filter's message in {@code localhost.<date>.log}.
 */
class TomcatDeploymentTest extends RequestTable {
  @TempDir static Path temp;
  TomcatServer tomcat;
  Path missingKey;

  @BeforeAll
  void start() {
    TomcatServer.assumeInstalled();
    missingKey = temp.resolve("no-such-dir/imagegate.key");
    tomcat =
        TomcatServer.start(
            temp.resolve("base"),
            Map.of(
                "app", app(temp.resolve("app")).dir(),
                "bad", appWithMissingKeyFile(temp.resolve("bad"), missingKey).dir()));
  }

  @AfterAll
  void stop() {
    if (tomcat != null) {
      tomcat.close();
    }
  }

  @Override
  String appUrl() {
    return "http://127.0.0.1:" + tomcat.port() + "/app";
  }

  @Override
  String containerLog() {
    return tomcat.logs();
  }

  @Test
  void configurationError_stopsTheDeployment_withItsMessageInTheLocalhostLog() throws Exception {
    assertThat(tomcat.state("app")).isEqualTo("STARTED");
    // Tomcat stops a context whose filter fails to start ("startup failed due to previous errors").
    assertThat(tomcat.state("bad")).as(tomcat.logs()).isIn("STOPPED", "FAILED");
    assertThat(tomcat.localhostLog())
        .contains(
            "imagegate: invalid configuration: key: cannot read key file '"
                + missingKey
                + "' (NoSuchFileException)");
    // catalina.out only points there: the filter's message is in localhost.<date>.log.
    assertThat(tomcat.logs()).contains("Context [/bad] startup failed due to previous errors");
    // Nothing of the failed app is served, protected or not.
    int status = get("http://127.0.0.1:" + tomcat.port() + "/bad/img/photos/a.png").statusCode();
    assertThat(status).isIn(404, 503);
  }
}
