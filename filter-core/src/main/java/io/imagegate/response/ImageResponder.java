package io.imagegate.response;

import io.imagegate.failure.ImageGateException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * Writes images: originals straight from disk (with {@code Range}) and rendered variants from
 * memory, with the same validators, caching and safety headers.
 */
public final class ImageResponder {
  /**
   * Sent with every image: an SVG (or anything a browser might take for a document) runs no script,
   * loads nothing and is sandboxed, even when opened directly on the app's origin.
   */
  public static final String CONTENT_SECURITY_POLICY =
      "default-src 'none'; style-src 'unsafe-inline'; sandbox";

  private ImageResponder() {}

  /**
   * The headers every image response carries.
   *
   * @param lastModified the {@code Last-Modified} date, or null to send none (variants: their bytes
   *     depend on more than one file's date)
   * @param cacheControl the {@code Cache-Control} (and {@code Expires}) to send
   * @return true if a 304 was sent and the caller is done
   */
  public static boolean writeHeaders(
      HttpServletRequest request,
      HttpServletResponse response,
      String contentType,
      String etag,
      Instant lastModified,
      CacheControl cacheControl) {
    if (lastModified != null) {
      response.setDateHeader("Last-Modified", lastModified.toEpochMilli());
    }
    cachingAndSafety(response::setHeader, etag, cacheControl);
    if (Conditional.notModified(request, etag, lastModified)) {
      response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
      return true;
    }
    response.setContentType(contentType);
    return false;
  }

  /**
   * The validator, caching and safety headers every image response carries, {@code Last-Modified}
   * aside: {@code ETag}, {@code Cache-Control} (and {@code Expires}), {@code
   * X-Content-Type-Options} and {@code Content-Security-Policy}, given to {@code header} as name
   * and value. Also what a cache hit answered outside the servlet layer sends ({@code
   * io.imagegate.CachedAnswer}).
   */
  public static void cachingAndSafety(
      BiConsumer<String, String> header, String etag, CacheControl cacheControl) {
    header.accept("ETag", etag);
    cacheControl.forEach(header);
    header.accept("X-Content-Type-Options", "nosniff");
    header.accept("Content-Security-Policy", CONTENT_SECURITY_POLICY);
  }

  /**
   * Sends a file, whole or one range; HEAD gets the headers alone.
   *
   * @param body how the bytes get to the client (the container's zero-copy path where it has one)
   */
  public static void sendFile(
      HttpServletRequest request, HttpServletResponse response, Path file, long size, FileBody body)
      throws IOException {
    response.setHeader("Accept-Ranges", "bytes");
    Optional<ByteRange> range = Optional.empty();
    String ifRange = request.getHeader("If-Range");
    if (ifRange == null || ifRange.equals(response.getHeader("ETag"))) {
      try {
        range = ByteRange.parse(request.getHeader("Range"), size);
      } catch (ImageGateException e) {
        throw e.withHeader("Content-Range", "bytes */" + size);
      }
    }
    long first = range.map(ByteRange::first).orElse(0L);
    long length = range.map(ByteRange::length).orElse(size);
    if (range.isPresent()) {
      response.setStatus(HttpServletResponse.SC_PARTIAL_CONTENT);
      response.setHeader("Content-Range", "bytes " + first + "-" + range.get().last() + "/" + size);
    }
    response.setContentLengthLong(length);
    if (request.getMethod().equals("HEAD")) {
      return;
    }
    body.send(request, response, file, first, length);
  }

  /** Sends bytes held in memory; HEAD gets the headers alone. */
  public static void sendBytes(
      HttpServletRequest request, HttpServletResponse response, byte[] body) throws IOException {
    response.setContentLength(body.length);
    if (!request.getMethod().equals("HEAD")) {
      response.getOutputStream().write(body);
    }
  }
}
