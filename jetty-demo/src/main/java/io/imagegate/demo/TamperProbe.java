package io.imagegate.demo;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The page's "tampering, shown" section: one thumbnail URL with a character of its signed part
 * changed, and what the server really answers for it, asked over loopback while the page renders.
 */
final class TamperProbe {
  /** Short: the filter refuses a bad signature before it touches the file or renders anything. */
  static final Duration TIMEOUT = Duration.ofSeconds(2);

  private static final Pattern ERROR_CODE = Pattern.compile("\"error\"\\s*:\\s*\"([a-z_]+)\"");

  private final HttpClient client =
      HttpClient.newBuilder()
          .connectTimeout(TIMEOUT)
          .followRedirects(HttpClient.Redirect.NEVER)
          .proxy(HttpClient.Builder.NO_PROXY)
          .build();

  /**
   * A URL with one character changed.
   *
   * @param signed the URL as signed
   * @param url the altered URL
   * @param index where the changed character is
   */
  record Tampered(String signed, String url, int index) {}

  /**
   * The server's answer.
   *
   * @param status the HTTP status
   * @param code the error code from the JSON body, or empty
   */
  record Answer(int status, String code) {}

  /**
   * Turns the first {@code w-3..} of the transformation into {@code w-4..}; empty if there is none.
   */
  static Optional<Tampered> tamper(String signedUrl) {
    int tr = signedUrl.indexOf("tr=");
    int width = tr < 0 ? -1 : signedUrl.indexOf("w-3", tr);
    if (width < 0) {
      return Optional.empty();
    }
    int index = width + 2;
    String url = signedUrl.substring(0, index) + '4' + signedUrl.substring(index + 1);
    return Optional.of(new Tampered(signedUrl, url, index));
  }

  /**
   * Requests {@code pathAndQuery} from this server.
   *
   * @param host the address the page's own request arrived on
   * @param port the port it arrived on
   * @return the answer, or empty when none came within {@link #TIMEOUT}
   */
  Optional<Answer> ask(String host, int port, String pathAndQuery) throws InterruptedException {
    String authority = host.contains(":") ? "[" + host.replaceFirst("%.*$", "") + "]" : host;
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://" + authority + ":" + port + pathAndQuery))
            .timeout(TIMEOUT)
            .GET()
            .build();
    try {
      HttpResponse<InputStream> response =
          client.send(request, HttpResponse.BodyHandlers.ofInputStream());
      // An error body is a line of JSON; were the image ever served, its bytes are not needed.
      String head;
      try (InputStream body = response.body()) {
        head = new String(body.readNBytes(4096), StandardCharsets.UTF_8);
      }
      Matcher code = ERROR_CODE.matcher(head);
      return Optional.of(new Answer(response.statusCode(), code.find() ? code.group(1) : ""));
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
