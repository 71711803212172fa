package io.imagegate.demo;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Path;

/** A plain index until the gallery page replaces it. */
final class IndexServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  private final transient Path root;

  IndexServlet(Path root) {
    this.root = root;
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
    if (!request.getRequestURI().equals("/")) {
      response.sendError(404);
      return;
    }
    response.setContentType("text/html;charset=utf-8");
    response.getWriter().print("<!doctype html><title>imagegate</title><h1>imagegate demo</h1>"
        + "<p>Images are served below <code>/img/</code>.</p>");
  }
}
