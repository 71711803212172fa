package io.imagegate.demo;

import io.imagegate.ImageGateFilter;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** {@code GET /stats}: the filter's statistics snapshot as JSON. */
final class StatsServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  private final transient ImageGateFilter filter;

  StatsServlet(ImageGateFilter filter) {
    this.filter = filter;
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    response.setContentType("application/json;charset=utf-8");
    response.setHeader("Cache-Control", "no-store");
    response.getWriter().print(filter.gate().stats().toJson());
  }
}
