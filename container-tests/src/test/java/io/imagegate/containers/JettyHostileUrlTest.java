package io.imagegate.containers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.eclipse.jetty.ee10.webapp.WebAppContext;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hostile-URL table in Jetty 12 {@code WebAppContext}s: the README's web.xml, Jetty's default
 * servlet (from its webdefault) serving the web app's files behind the filter.
 */
class JettyHostileUrlTest extends HostileUrlContract {
  @TempDir static Path temp;
  static Server server;
  static Map<String, Path> apps;
  static Map<String, WebAppContext> contexts = new java.util.HashMap<>();

  @BeforeAll
  static void start() throws Exception {
    apps = layOut(temp);
    server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    Handler.Sequence handlers = new Handler.Sequence();
    for (Map.Entry<String, Path> app : apps.entrySet()) {
      WebAppContext context = new WebAppContext();
      context.setContextPath("/" + app.getKey());
      context.setBaseResourceAsPath(app.getValue());
      context.setThrowUnavailableOnStartupException(false);
      contexts.put(app.getKey(), context);
      handlers.addHandler(context);
    }
    server.setHandler(handlers);
    server.start();
  }

  @AfterAll
  static void stop() throws Exception {
    if (server != null) {
      server.stop();
    }
  }

  @Override
  int port() {
    return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
  }

  @Override
  Path webAppDir(String deployment) {
    return apps.get(deployment);
  }

  @Test
  void rootInsideTheWebApp_stopsTheFilter() {
    WebAppContext refused = contexts.get("refused");
    assertThat(refused.getUnavailableException())
        .as("a root the default servlet would serve around the filter")
        .isNotNull()
        .hasStackTraceContaining("root: '")
        .hasStackTraceContaining("lies inside the web app's own files");
    assertThat(contexts.get("plain").getUnavailableException()).isNull();
    assertThat(contexts.get("rooted").getUnavailableException()).isNull();
  }

  @Test
  void defaultServlet_isReallyBehindTheFilter() throws Exception {
    // A file outside the filter's mapping: the default servlet serves it.
    var response = io.imagegate.testing.RawHttp.get(port(), "/plain/WEB-INF/../index.html");
    assertThat(response.status()).isNotEqualTo(200);
    java.nio.file.Files.writeString(apps.get("plain").resolve("hello.txt"), "hello");
    assertThat(io.imagegate.testing.RawHttp.get(port(), "/plain/hello.txt").text())
        .isEqualTo("hello");
  }
}
