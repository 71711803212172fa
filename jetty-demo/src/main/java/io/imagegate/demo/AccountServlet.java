package io.imagegate.demo;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code POST /signin} and {@code POST /signout}: change the session, then send the browser back to
 * the gallery with a 303 (post/redirect/get), so a reload never repeats the form. Any other method
 * is a 405.
 */
final class AccountServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  /** Where the sign-in form posts. */
  static final String SIGN_IN = "/signin";

  /** Where the sign-out form posts. */
  static final String SIGN_OUT = "/signout";

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if (!request.getMethod().equals("POST")) {
      response.setHeader("Allow", "POST");
      response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
      return;
    }
    if (request.getServletPath().equals(SIGN_IN)) {
      PaidSession.signIn(request);
    } else {
      PaidSession.signOut(request);
    }
    response.setStatus(HttpServletResponse.SC_SEE_OTHER);
    response.setHeader("Location", "/");
    response.setHeader("Cache-Control", "no-store");
  }
}
