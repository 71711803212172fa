package io.imagegate.demo;

import io.imagegate.CachedAnswer;
import io.imagegate.ImageGate;
import io.imagegate.ImageGateFilter;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.LongAdder;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Answers cache hits on Jetty's own path, ahead of the servlet context it wraps, and hands every
 * other request to that context on a pool thread.
 *
 * <p>Why: a servlet may block, so Jetty hands every request for a servlet context from the thread
 * that read it to another one: a wake-up, a context switch and a change of read interest per
 * request, some 40 % of the CPU a bare servlet's thumbnail-sized response costs (bench/RESULTS.md
 * §10). A cache hit never blocks: its bytes are in memory and Jetty writes them asynchronously. So
 * this handler says it does not block, Jetty calls it on the thread that read the request, and a
 * hit ({@link ImageGate#cachedAnswer}: the filter's own parse, verification and authorization, then
 * the cache) is written from there. Everything else (a miss, HEAD, a conditional or odd request, a
 * refusal, the gallery, a form post) runs the context on a pool thread, exactly as Jetty runs it
 * without this handler, so the filter answers it as always.
 *
 * <p>The context's other filters do not see the hits this answers, and they do not touch the HTTP
 * session: wrap only a context in which imagegate is the first filter on its path (the demo's one
 * filter). The filter should be built from settings, as the demo's is: a filter configured from a
 * {@code config-file} looks at its files from the calling thread once an interval has passed, and
 * here that thread is a selector's.
 */
public final class CachedHitHandler extends Handler.Wrapper {
  private final ImageGateFilter filter;
  private final LongAdder answered = new LongAdder();

  /**
   * @param filter the filter of the wrapped context (its gate in force is asked per request)
   * @param context the servlet context it is mapped in
   */
  public CachedHitHandler(ImageGateFilter filter, Handler context) {
    super(context);
    this.filter = filter;
  }

  /** Jetty may call {@link #handle} on the thread that read the request: it never blocks there. */
  @Override
  public InvocationType getInvocationType() {
    return InvocationType.NON_BLOCKING;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    ImageGate gate = filter.gate();
    CachedAnswer answer =
        gate == null
            ? null
            : gate.cachedAnswer(
                request.getMethod(),
                request.getHttpURI().getPath(),
                request.getHttpURI().getQuery(),
                name -> request.getHeaders().get(name));
    if (answer != null) {
      answered.increment();
      HttpFields.Mutable headers = response.getHeaders();
      answer.forEachHeader(headers::put);
      response.write(true, answer.body(), callback);
      return true;
    }
    try {
      request.getComponents().getExecutor().execute(() -> context(request, response, callback));
    } catch (RejectedExecutionException e) {
      Response.writeError(request, response, callback, HttpStatus.SERVICE_UNAVAILABLE_503);
    }
    return true;
  }

  /** The wrapped context, on a pool thread: what Jetty does without this handler. */
  private void context(Request request, Response response, Callback callback) {
    try {
      if (!super.handle(request, response, callback)) {
        Response.writeError(request, response, callback, HttpStatus.NOT_FOUND_404);
      }
    } catch (Throwable x) {
      Response.writeError(request, response, callback, x);
    }
  }

  /** How many requests this handler answered itself (for tests). */
  public long answered() {
    return answered.sum();
  }
}
