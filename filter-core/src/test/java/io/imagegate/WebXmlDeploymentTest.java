package io.imagegate;

import static org.assertj.core.api.Assertions.assertThat;

import io.imagegate.security.UrlSigner;
import io.imagegate.testing.Fixtures;
import io.imagegate.testing.RawHttp;
import io.imagegate.testing.RawHttp.Response;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jetty.ee10.webapp.WebAppContext;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The filter deployed the way users deploy it: declared in a real web.xml in a Jetty WebAppContext.
 */
class WebXmlDeploymentTest {
  static final String KEY = "imagegate-webxml-test-key-0123456789abcdef";

  @TempDir Path tmp;

  @Test
  void filterFromWebXml_protectsAndServes() throws Exception {
    Path images = Files.createDirectories(tmp.resolve("images"));
    Fixtures.write(images.resolve("food/burger.jpg"), Fixtures.jpeg(30, 20));
    Fixtures.write(images.resolve("originals/burger.jpg"), Fixtures.jpeg(30, 20));
    Path keyFile = Files.writeString(tmp.resolve("key.txt"), KEY + "\n");
    Path webapp = Files.createDirectories(tmp.resolve("webapp/WEB-INF"));
    Files.writeString(
        webapp.resolve("web.xml"), webXml(images, "file:" + keyFile), StandardCharsets.UTF_8);
    Files.writeString(tmp.resolve("webapp/index.html"), "<p>shop</p>");

    Server server = start(tmp.resolve("webapp"));
    try {
      int port = ((ServerConnector) server.getConnectors()[0]).getLocalPort();
      UrlSigner signer = UrlSigner.builder().urlEndpoint("/shop/img").privateKey(KEY).build();

      Response open = RawHttp.get(port, "/shop/img/food/burger.jpg");
      assertThat(open.status()).isEqualTo(200);
      assertThat(open.header("Content-Type")).isEqualTo("image/jpeg");
      assertThat(RawHttp.get(port, "/shop/img/originals/burger.jpg").status()).isEqualTo(401);
      assertThat(RawHttp.get(port, signer.url("originals/burger.jpg").sign()).status())
          .isEqualTo(200);
      assertThat(RawHttp.get(port, "/shop/index.html").text()).contains("shop");
    } finally {
      server.stop();
    }
  }

  @Test
  void unknownInitParam_stopsDeployment() throws Exception {
    Path images = Files.createDirectories(tmp.resolve("images"));
    Path webapp = Files.createDirectories(tmp.resolve("bad/WEB-INF"));
    Files.writeString(
        webapp.resolve("web.xml"),
        webXml(images, KEY).replace("require-signature", "require-signatur"));
    Server server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    server.addConnector(connector);
    WebAppContext context = webApp(tmp.resolve("bad"));
    context.setThrowUnavailableOnStartupException(true);
    server.setHandler(context);
    try {
      org.assertj.core.api.Assertions.assertThatThrownBy(server::start)
          .hasStackTraceContaining("rule.originals.require-signatur: unknown rule setting");
    } finally {
      server.stop();
    }
  }

  private static Server start(Path webapp) throws Exception {
    Server server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    WebAppContext context = webApp(webapp);
    context.setThrowUnavailableOnStartupException(true);
    server.setHandler(context);
    server.start();
    return server;
  }

  private static WebAppContext webApp(Path dir) {
    WebAppContext context = new WebAppContext();
    context.setContextPath("/shop");
    context.setBaseResourceAsPath(dir);
    context.setParentLoaderPriority(true);
    return context;
  }

  private static String webXml(Path images, String key) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee"
                 xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                 xsi:schemaLocation="https://jakarta.ee/xml/ns/jakartaee https://jakarta.ee/xml/ns/jakartaee/web-app_6_0.xsd"
                 version="6.0">
          <filter>
            <filter-name>imagegate</filter-name>
            <filter-class>io.imagegate.ImageGateFilter</filter-class>
            <init-param><param-name>root</param-name><param-value>%s</param-value></init-param>
            <init-param><param-name>key</param-name><param-value>%s</param-value></init-param>
            <init-param><param-name>rule.originals.path</param-name><param-value>/originals/**</param-value></init-param>
            <init-param><param-name>rule.originals.require-signature</param-name><param-value>true</param-value></init-param>
            <init-param><param-name>named.thumb</param-name><param-value>w-300,h-300</param-value></init-param>
          </filter>
          <filter-mapping>
            <filter-name>imagegate</filter-name>
            <url-pattern>/img/*</url-pattern>
          </filter-mapping>
        </web-app>
        """
        .formatted(images, key);
  }
}
