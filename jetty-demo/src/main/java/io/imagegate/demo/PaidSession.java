package io.imagegate.demo;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/**
 * The demo's "paid user": a flag in the servlet session, nothing more. There are no accounts and no
 * payments; the page says so.
 */
final class PaidSession {
  private static final String ATTRIBUTE = "io.imagegate.demo.paid";

  private PaidSession() {}

  /** Whether the request belongs to a signed-in paid user. */
  static boolean isPaid(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    return session != null && Boolean.TRUE.equals(session.getAttribute(ATTRIBUTE));
  }

  /** Marks the session paid, under a new session id so an id known before sign-in is worthless. */
  static void signIn(HttpServletRequest request) {
    if (request.getSession(false) != null) {
      request.changeSessionId();
    }
    request.getSession(true).setAttribute(ATTRIBUTE, Boolean.TRUE);
  }

  /** Ends the session, if there is one. */
  static void signOut(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.invalidate();
    }
  }
}
