package io.imagegate.bench;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;

/**
 * A minimal GET request and a response that counts what is written, as dynamic proxies over the
 * servlet interfaces: only what {@code ImageGate} calls is answered (URI, query, context and
 * servlet path as a container maps a filter at {@code /img/*}, method, headers), everything else
 * gets a neutral default. Cheap enough (a few hundred nanoseconds per request) for a
 * microsecond-scale benchmark, with no servlet container in the measurement.
 */
final class FakeExchange {
  private final HttpServletRequest request;
  private final HttpServletResponse response;
  private final Map<String, String> headers = new HashMap<>();
  private int status = 200;
  private long bodyBytes;

  /**
   * @param uri the raw request URI with its query, as sent
   */
  FakeExchange(String uri) {
    int question = uri.indexOf('?');
    String path = question < 0 ? uri : uri.substring(0, question);
    String query = question < 0 ? null : uri.substring(question + 1);
    // As a container maps a filter at /img/* in the root context: the whole decoded path.
    String servletPath = java.net.URI.create(path).getPath();
    request =
        (HttpServletRequest)
            Proxy.newProxyInstance(
                FakeExchange.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class},
                (proxy, method, args) ->
                    switch (method.getName()) {
                      case "getRequestURI" -> path;
                      case "getQueryString" -> query;
                      case "getContextPath" -> "";
                      case "getServletPath" -> servletPath;
                      case "getMethod" -> "GET";
                      case "getDateHeader" -> -1L;
                      case "getIntHeader" -> -1;
                      default -> neutral(method.getReturnType());
                    });
    ServletOutputStream body =
        new ServletOutputStream() {
          @Override
          public void write(int b) {
            bodyBytes++;
          }

          @Override
          public void write(byte[] b, int off, int len) {
            bodyBytes += len;
          }

          @Override
          public boolean isReady() {
            return true;
          }

          @Override
          public void setWriteListener(WriteListener listener) {}
        };
    response =
        (HttpServletResponse)
            Proxy.newProxyInstance(
                FakeExchange.class.getClassLoader(),
                new Class<?>[] {HttpServletResponse.class},
                (proxy, method, args) -> {
                  switch (method.getName()) {
                    case "setStatus", "sendError" -> status = (Integer) args[0];
                    case "setHeader", "addHeader" ->
                        headers.put((String) args[0], String.valueOf(args[1]));
                    case "getHeader" -> {
                      return headers.get((String) args[0]);
                    }
                    case "getStatus" -> {
                      return status;
                    }
                    case "getOutputStream" -> {
                      return body;
                    }
                    case "reset" -> {
                      headers.clear();
                      status = 200;
                    }
                    default -> {
                      return neutral(method.getReturnType());
                    }
                  }
                  return null;
                });
  }

  HttpServletRequest request() {
    return request;
  }

  HttpServletResponse response() {
    return response;
  }

  /** Clears what the last request wrote, to reuse this exchange. */
  void reset() {
    headers.clear();
    status = 200;
    bodyBytes = 0;
  }

  int status() {
    return status;
  }

  long bodyBytes() {
    return bodyBytes;
  }

  private static Object neutral(Class<?> type) {
    if (type == boolean.class) {
      return false;
    }
    if (type == int.class) {
      return 0;
    }
    if (type == long.class) {
      return 0L;
    }
    return null;
  }
}
