package io.imagegate.containers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hostile-URL table in Debian's Tomcat 10.1, started with a private CATALINA_BASE on a loopback
 * port, Tomcat's own default servlet behind the filter.
 */
class TomcatHostileUrlTest extends HostileUrlContract {
  @TempDir static Path temp;
  static TomcatServer tomcat;
  static Map<String, Path> apps;

  @BeforeAll
  static void start() throws Exception {
    TomcatServer.assumeInstalled();
    apps = layOut(Files.createDirectories(temp.resolve("apps")));
    tomcat = TomcatServer.start(temp.resolve("base"), apps);
  }

  @AfterAll
  static void stop() {
    if (tomcat != null) {
      tomcat.close();
    }
  }

  @Override
  int port() {
    return tomcat.port();
  }

  @Override
  Path webAppDir(String deployment) {
    return apps.get(deployment);
  }

  @Test
  void rootInsideTheWebApp_failsDeployment() {
    assertThat(tomcat.state("plain")).isEqualTo("STARTED");
    assertThat(tomcat.state("rooted")).isEqualTo("STARTED");
    assertThat(tomcat.state("refused")).isNotEqualTo("STARTED");
    assertThat(tomcat.localhostLog() + tomcat.logs())
        .contains("lies inside the web app's own files");
  }

  @Test
  void defaultServlet_isReallyBehindTheFilter() throws Exception {
    Files.writeString(apps.get("plain").resolve("hello.txt"), "hello");
    assertThat(io.imagegate.testing.RawHttp.get(port(), "/plain/hello.txt").text())
        .isEqualTo("hello");
  }
}
