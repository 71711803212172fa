package io.imagegate.containers;

import io.imagegate.ImageGateFilter;
import io.imagegate.security.UrlSigner;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * A page of the test web app (copied into its {@code WEB-INF/classes}): signs a URL with the
 * filter's own signer, from the ServletContext attribute, as a JSP or controller would.
 */
public final class SignerPageServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    UrlSigner signer = ImageGateFilter.signer(getServletContext(), "imagegate");
    response.setContentType("text/plain;charset=utf-8");
    response
        .getWriter()
        .print(
            signer
                .url(request.getParameter("path"))
                .transformation(request.getParameter("tr"))
                .sign());
  }
}
