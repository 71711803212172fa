package io.imagegate.demo;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The gallery page at {@code /}; every other path that reaches it (nothing else claimed it) is a
 * 404, and methods other than GET and HEAD on {@code /} are a 405.
 */
final class GalleryServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  private final transient Gallery gallery;
  private final transient GalleryPage page;
  private final transient TamperProbe probe;

  GalleryServlet(Gallery gallery, GalleryPage page, TamperProbe probe) {
    this.gallery = gallery;
    this.page = page;
    this.probe = probe;
  }

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if (!request.getRequestURI().equals("/")) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    String method = request.getMethod();
    if (!method.equals("GET") && !method.equals("HEAD")) {
      response.setHeader("Allow", "GET, HEAD");
      response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
      return;
    }
    Gallery.View view = gallery.view(PaidSession.isPaid(request));
    Optional<GalleryPage.TamperSection> tamper = tamper(request, view);
    byte[] body = page.render(view, tamper).markup().getBytes(StandardCharsets.UTF_8);
    response.setContentType("text/html;charset=utf-8");
    // Signed links are per visitor and expire: no cache may keep the page.
    response.setHeader("Cache-Control", "no-store");
    response.setHeader("Content-Security-Policy", page.contentSecurityPolicy());
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Referrer-Policy", "same-origin");
    response.setContentLength(body.length);
    if (method.equals("GET")) {
      response.getOutputStream().write(body);
    }
  }

  /** Alters the first thumbnail's URL and asks this very server what it makes of it. */
  private Optional<GalleryPage.TamperSection> tamper(
      HttpServletRequest request, Gallery.View view) {
    if (view.photos().isEmpty()) {
      return Optional.empty();
    }
    return TamperProbe.tamper(view.photos().get(0).thumbnail())
        .map(
            t -> {
              try {
                return new GalleryPage.TamperSection(
                    t, probe.ask(request.getLocalAddr(), request.getLocalPort(), t.url()));
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new GalleryPage.TamperSection(t, Optional.empty());
              }
            });
  }
}
