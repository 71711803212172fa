package io.imagegate;

import io.imagegate.response.CacheControl;
import io.imagegate.response.ImageResponder;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * The whole {@code 200} answer to a plain GET of a variant the cache already holds, for a server
 * that can send it on its own path ahead of the servlet layer ({@link ImageGate#cachedAnswer}; the
 * demo's Jetty does, from the thread that read the request, with no hand-over to a servlet thread).
 * It has exactly the headers the filter sends for the same hit, {@code Date} aside (the server's
 * own), and a read-only view of the cached bytes.
 */
public final class CachedAnswer {
  private final String[] headers; // name, value, name, value, ...
  private final byte[] body;

  private CachedAnswer(String[] headers, byte[] body) {
    this.headers = headers;
    this.body = body;
  }

  /** The answer the filter would send for this hit ({@code Variants}). */
  static CachedAnswer of(
      boolean variesByAccept,
      String contentType,
      String etag,
      CacheControl cacheControl,
      byte[] body) {
    List<String> headers = new ArrayList<>(16); // name, value, name, value, ...
    BiConsumer<String, String> put =
        (name, value) -> {
          headers.add(name);
          headers.add(value);
        };
    if (variesByAccept) {
      put.accept("Vary", "Accept");
    }
    ImageResponder.cachingAndSafety(put, etag, cacheControl);
    put.accept("Content-Type", contentType);
    put.accept("Content-Length", Integer.toString(body.length));
    return new CachedAnswer(headers.toArray(new String[0]), body);
  }

  /** Gives each header to {@code action} as name and value, in the order the filter sets them. */
  public void forEachHeader(BiConsumer<String, String> action) {
    for (int i = 0; i < headers.length; i += 2) {
      action.accept(headers[i], headers[i + 1]);
    }
  }

  /** The image's bytes, read-only: the cache's own copy, never to be changed. */
  public ByteBuffer body() {
    return ByteBuffer.wrap(body).asReadOnlyBuffer();
  }
}
