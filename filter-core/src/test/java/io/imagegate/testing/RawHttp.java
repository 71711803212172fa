package io.imagegate.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A tiny HTTP/1.1 client that sends the request target exactly as given (backslashes, {@code ..},
 * raw bytes), which {@code java.net.http} would refuse or normalise. Loopback only.
 */
public final class RawHttp {
  private RawHttp() {}

  /** A response: status, headers (lower-case names) and body. */
  public record Response(int status, Map<String, String> headers, byte[] body) {
    public String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }

    public String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  public static Response get(int port, String target, String... headers) throws IOException {
    return send(port, "GET", target, headers);
  }

  public static Response send(int port, String method, String target, String... headers)
      throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(20_000);
      StringBuilder request =
          new StringBuilder()
              .append(method)
              .append(' ')
              .append(target)
              .append(" HTTP/1.1\r\n")
              .append("Host: 127.0.0.1:")
              .append(port)
              .append("\r\n")
              .append("Connection: close\r\n");
      for (String header : headers) {
        request.append(header).append("\r\n");
      }
      request.append("\r\n");
      OutputStream out = socket.getOutputStream();
      out.write(request.toString().getBytes(StandardCharsets.UTF_8));
      out.flush();
      return read(socket.getInputStream(), method.equals("HEAD"));
    }
  }

  private static Response read(InputStream in, boolean head) throws IOException {
    byte[] all = in.readAllBytes();
    int split = indexOf(all, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    String head0 = new String(all, 0, split < 0 ? all.length : split, StandardCharsets.ISO_8859_1);
    String[] lines = head0.split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0) {
        headers.merge(
            lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
            lines[i].substring(colon + 1).trim(),
            (a, b) -> a + ", " + b);
      }
    }
    byte[] body =
        split < 0 ? new byte[0] : java.util.Arrays.copyOfRange(all, split + 4, all.length);
    if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
      body = dechunk(body);
    }
    return new Response(status, headers, head ? new byte[0] : body);
  }

  private static byte[] dechunk(byte[] body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int pos = 0;
    while (pos < body.length) {
      int lineEnd =
          indexOf(java.util.Arrays.copyOfRange(body, pos, body.length), new byte[] {'\r', '\n'});
      if (lineEnd < 0) {
        break;
      }
      String sizeText =
          new String(body, pos, lineEnd, StandardCharsets.US_ASCII).split(";")[0].trim();
      int size = Integer.parseInt(sizeText, 16);
      pos += lineEnd + 2;
      if (size == 0) {
        break;
      }
      out.write(body, pos, size);
      pos += size + 2;
    }
    return out.toByteArray();
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
