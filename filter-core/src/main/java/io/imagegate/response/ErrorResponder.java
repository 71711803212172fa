package io.imagegate.response;

import io.imagegate.failure.Failure;
import io.imagegate.failure.ImageGateException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Writes a refusal: the status, and a small JSON body with the stable code and the public message.
 * Nothing else about the server: no stack trace, path, key or expected signature.
 */
public final class ErrorResponder {
  private ErrorResponder() {}

  /** Sends the error, unless the response is already committed. */
  public static void send(HttpServletResponse response, ImageGateException error)
      throws IOException {
    if (response.isCommitted()) {
      return;
    }
    Failure failure = error.failure();
    response.reset();
    response.setStatus(failure.status());
    response.setContentType("application/json;charset=utf-8");
    response.setHeader("Cache-Control", "no-store");
    response.setHeader("X-Content-Type-Options", "nosniff");
    if (failure == Failure.METHOD_NOT_ALLOWED) {
      response.setHeader("Allow", "GET, HEAD");
    }
    if (failure == Failure.OVERLOADED) {
      response.setHeader("Retry-After", "1");
    }
    error.headers().forEach(response::setHeader);
    byte[] body =
        ("{\"error\":\""
                + failure.code()
                + "\",\"message\":\""
                + json(error.getMessage())
                + "\"}\n")
            .getBytes(StandardCharsets.UTF_8);
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  /** Sends a 500 for a bug, naming only an incident id that the log line carries too. */
  public static void sendInternalError(HttpServletResponse response, String incident)
      throws IOException {
    if (response.isCommitted()) {
      return;
    }
    response.reset();
    response.setStatus(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
    response.setContentType("application/json;charset=utf-8");
    response.setHeader("Cache-Control", "no-store");
    byte[] body =
        ("{\"error\":\"internal_error\",\"message\":\"incident " + incident + "\"}\n")
            .getBytes(StandardCharsets.UTF_8);
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  private static String json(String text) {
    StringBuilder out = new StringBuilder(text.length() + 8);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20 || c == '<' || c == '>' || c == '&') {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
