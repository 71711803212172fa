package io.imagegate.testing;

import io.imagegate.ImageGateFilter;
import io.imagegate.config.ImageGateSettings;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.EnumSet;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * Embedded Jetty on a random loopback port with the filter at {@code /img/*}; whatever the filter
 * passes down the chain is answered by a servlet that says {@code chain:<uri>}; anything else is a
 * 404, as in a web app without files of its own.
 */
public final class TestServer implements AutoCloseable {
  private final Server server;
  private final ImageGateFilter filter;

  public TestServer(ImageGateSettings settings) throws Exception {
    server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler("/");
    filter = new ImageGateFilter(settings);
    context.addFilter(new FilterHolder(filter), "/img/*", EnumSet.of(DispatcherType.REQUEST));
    context.addServlet(new ServletHolder(new ChainEnd()), "/");
    server.setHandler(context);
    server.start();
  }

  public int port() {
    return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
  }

  public String endpoint() {
    return "http://127.0.0.1:" + port() + "/img";
  }

  public ImageGateFilter filter() {
    return filter;
  }

  @Override
  public void close() {
    try {
      server.stop();
    } catch (Exception e) {
      throw new IllegalStateException("Jetty did not stop", e);
    } finally {
      // Jetty does not destroy a filter instance it was handed; the filter's destroy() gives the
      // native codecs back (and is safe to call twice).
      filter.destroy();
    }
  }

  /** What the filter passes down reaches this. */
  static final class ChainEnd extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
        throws IOException {
      String path =
          request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
      if (!path.startsWith("/img/")) {
        // Like a web app with no files of its own: what Jetty normalised away from /img is not
        // found.
        response.sendError(404);
        return;
      }
      response.setContentType("text/plain");
      response.getWriter().print("chain:" + request.getRequestURI());
    }
  }
}
