package io.imagegate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imagegate.keys.SignatureAlgorithm;
import io.imagegate.security.UrlSigner;
import io.imagegate.testing.Fixtures;
import io.imagegate.testing.RawHttp;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The filter hands its signer to the web app: a page signs with the filter's key (read once, from a
 * file), algorithm and endpoint including the context path, one signer per filter name, gone after
 * destroy().
 */
class FilterSignerTest {
  static final String KEY = "imagegate-signer-attr-key-0123456789abcdef";
  static final String OTHER_KEY = "imagegate-signer-other-key-0123456789abcdef";

  @TempDir Path tmp;
  Server server;

  /** Signs a URL the way a JSP or controller would: with the signer from the ServletContext. */
  static final class PageServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
        throws IOException {
      UrlSigner signer =
          ImageGateFilter.signer(getServletContext(), request.getParameter("filter"));
      response.setContentType("text/plain");
      response.getWriter().print(signer.url("originals/a.jpg").transformation("w-10").sign());
    }
  }

  @AfterEach
  void stop() throws Exception {
    if (server != null) {
      server.stop();
    }
  }

  int start() throws Exception {
    Path images = Files.createDirectories(tmp.resolve("images"));
    Fixtures.write(images.resolve("originals/a.jpg"), Fixtures.jpeg(40, 20));
    Path keyFile = Files.writeString(tmp.resolve("key"), KEY + "\n");
    server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    server.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler("/shop");
    FilterHolder gallery = new FilterHolder(ImageGateFilter.class);
    gallery.setName("gallery");
    gallery.setInitParameter("root", images.toString());
    gallery.setInitParameter("key", "file:" + keyFile);
    gallery.setInitParameter("require-signature", "true");
    context.addFilter(gallery, "/img/*", EnumSet.of(DispatcherType.REQUEST));
    FilterHolder other = new FilterHolder(ImageGateFilter.class);
    other.setName("other");
    other.setInitParameter("root", images.toString());
    other.setInitParameter("key", OTHER_KEY);
    other.setInitParameter("endpoint", "/media");
    other.setInitParameter("signature-algorithms", "HmacSHA256");
    other.setInitParameter("require-signature", "true");
    context.addFilter(other, "/media/*", EnumSet.of(DispatcherType.REQUEST));
    context.addServlet(new ServletHolder(new PageServlet()), "/page");
    server.setHandler(context);
    server.start();
    return connector.getLocalPort();
  }

  @Test
  void pageSignsWithTheFiltersSigner_contextPathIncluded() throws Exception {
    int port = start();
    String url = RawHttp.get(port, "/shop/page?filter=gallery").text();
    assertThat(url).startsWith("/shop/img/originals/a.jpg?tr=w-10&ik-s=");
    // The same URL as a signer built by hand with the key, HMAC-SHA1 and the full endpoint.
    assertThat(url)
        .isEqualTo(
            UrlSigner.builder()
                .urlEndpoint("/shop/img")
                .privateKey(KEY)
                .build()
                .url("originals/a.jpg")
                .transformation("w-10")
                .sign());
    RawHttp.Response image = RawHttp.get(port, url);
    assertThat(image.status()).isEqualTo(200);
    assertThat(Fixtures.decode(image.body()).getWidth()).isEqualTo(10);
    assertThat(RawHttp.get(port, "/shop/img/originals/a.jpg").status()).isEqualTo(401);
  }

  @Test
  void eachFilterNameHasItsOwnSigner() throws Exception {
    int port = start();
    String url = RawHttp.get(port, "/shop/page?filter=other").text();
    assertThat(url).startsWith("/shop/media/originals/a.jpg?tr=w-10&ik-s=");
    assertThat(url.substring(url.indexOf("ik-s=") + 5)).hasSize(64); // HMAC-SHA256 in hex
    assertThat(RawHttp.get(port, url).status()).isEqualTo(200);
    // A gallery URL is not valid at the other endpoint: different key.
    String gallery = RawHttp.get(port, "/shop/page?filter=gallery").text();
    assertThat(RawHttp.get(port, gallery.replace("/shop/img/", "/shop/media/")).status())
        .isEqualTo(401);
  }

  @Test
  void signerFromTheFilterObject_andAttributeRemovedOnDestroy() throws Exception {
    start();
    ServletContextHandler context = (ServletContextHandler) server.getHandler();
    ImageGateFilter filter =
        (ImageGateFilter) context.getServletHandler().getFilter("other").getFilter();
    UrlSigner fromFilter = filter.signer();
    assertThat(fromFilter.algorithm()).isEqualTo(SignatureAlgorithm.HMAC_SHA256);
    assertThat(fromFilter.urlEndpoint()).isEqualTo("/shop/media");
    assertThat(context.getServletContext().getAttribute("io.imagegate.signer.other"))
        .isSameAs(fromFilter);
    assertThat(ImageGateFilter.signerAttribute("other")).isEqualTo("io.imagegate.signer.other");

    context.getServletHandler().getFilter("other").stop(); // destroy()
    assertThat(context.getServletContext().getAttribute("io.imagegate.signer.other")).isNull();
    assertThat(context.getServletContext().getAttribute("io.imagegate.signer.gallery"))
        .isInstanceOf(UrlSigner.class);
    assertThatThrownBy(() -> ImageGateFilter.signer(context.getServletContext(), "other"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no imagegate filter named 'other'");
  }

  @Test
  void noSignerBeforeInit() {
    assertThat(new ImageGateFilter().signer()).isNull();
  }
}
