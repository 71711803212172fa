package io.imagegate;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.imagegate.metrics.Stats;
import io.imagegate.metrics.Stats.Outcome;
import io.imagegate.response.ContentDisposition;
import io.imagegate.response.FileBody;
import io.imagegate.response.ImageResponder;
import io.imagegate.security.Grant;
import io.imagegate.source.Source;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Serves an authorized original straight from disk: validators, 304, one range, HEAD; the bytes go
 * by the container's sendfile or its own content path where it has one ({@link FileBody}).
 */
final class Originals {
  private final Stats stats;
  private final FileBody body = new FileBody();

  /** Each version's ETag (a digest), computed once per version of a file. */
  private final Cache<Source, String> etags = Caffeine.newBuilder().maximumSize(10_000).build();

  Originals(Stats stats) {
    this.stats = stats;
  }

  /**
   * @param path the path the URL asked for, below the endpoint: the download name comes from it
   */
  void serve(HttpServletRequest request, HttpServletResponse response, Grant grant, String path)
      throws IOException {
    Source source = grant.source();
    if (ImageResponder.writeHeaders(
        request,
        response,
        source.format().mediaType(),
        etags.get(source, Source::etag),
        source.lastModified(),
        grant.cacheControl())) {
      stats.record(Outcome.NOT_MODIFIED);
      return;
    }
    ContentDisposition.apply(request, response, ContentDisposition.lastSegment(path));
    stats.record(Outcome.ORIGINAL);
    ImageResponder.sendFile(request, response, source.realPath(), source.size(), body);
  }
}
