package io.imagegate;

import io.imagegate.config.ImageGateSettings;
import io.imagegate.request.ImageRequest;
import io.imagegate.request.RequestParser;
import io.imagegate.response.CacheControl;
import io.imagegate.response.ErrorResponder;
import io.imagegate.response.Failure;
import io.imagegate.response.ImageGateException;
import io.imagegate.response.ImageResponder;
import io.imagegate.security.AccessPolicy;
import io.imagegate.security.Requirement;
import io.imagegate.security.SignatureVerifier;
import io.imagegate.source.Source;
import io.imagegate.source.SourceResolver;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.Optional;
import java.util.UUID;

/**
 * The request flow, top to bottom: parse, verify, authorize, resolve, then serve the original
 * or a variant. Built once from immutable settings; thread-safe.
 */
public final class ImageGate {
  private static final System.Logger LOG = System.getLogger(ImageGate.class.getName());

  private final ImageGateSettings settings;
  private final RequestParser parser;
  private final SignatureVerifier verifier;
  private final AccessPolicy policy;
  private final SourceResolver resolver;

  /**
   * @param settings the configuration
   * @param endpoint the full URL path prefix (context path and endpoint)
   */
  public ImageGate(ImageGateSettings settings, String endpoint) {
    this.settings = settings;
    this.parser = new RequestParser(endpoint);
    this.verifier = new SignatureVerifier(settings.keys(), settings.algorithms(), settings.clock(), settings.expiryLeeway());
    this.policy = new AccessPolicy(settings);
    this.resolver = new SourceResolver(settings.root());
  }

  /** Handles one request, or passes it down the chain if it is not for an image below the endpoint. */
  public void handle(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    try {
      Optional<ImageRequest> parsed = parser.parse(request.getRequestURI(), request.getQueryString());
      if (parsed.isEmpty()) {
        chain.doFilter(request, response);
        return;
      }
      ImageRequest image = parsed.get();
      if (image.signed()) {
        verifier.verify(image);
      }
      Requirement requirement = policy.requirementFor(image.path());
      Optional<String> transformation = policy.enforce(image, requirement);
      Source source = resolver.resolve(image.path());
      String realPath = settings.root().relativize(source.realPath()).toString().replace('\\', '/');
      if (!realPath.equals(image.path())) {
        // A symlink may lead into a protected folder: the target's rules and markers apply too.
        transformation = policy.enforce(image, requirement.and(policy.requirementFor(realPath)));
      }
      if (!source.isImage()) {
        if (transformation.isPresent()) {
          throw new ImageGateException(Failure.UNSUPPORTED_MEDIA_TYPE, "the file is not an image that can be transformed");
        }
        chain.doFilter(request, response);
        return;
      }
      checkMethod(request);
      if (transformation.isPresent()) {
        throw new ImageGateException(Failure.UNSUPPORTED_MEDIA_TYPE, "transformations are not enabled in this build");
      }
      serveOriginal(request, response, image, source);
    } catch (ImageGateException e) {
      LOG.log(Level.DEBUG, () -> "refused " + request.getMethod() + " " + request.getRequestURI()
          + ": " + e.failure().status() + " " + e.failure().code());
      ErrorResponder.send(response, e);
    } catch (IOException e) {
      // Most often the client went away; nothing more can be sent.
      LOG.log(Level.DEBUG, () -> "I/O error while answering " + request.getRequestURI() + ": " + e.getClass().getSimpleName());
    } catch (RuntimeException e) {
      String incident = UUID.randomUUID().toString();
      LOG.log(Level.ERROR, () -> "internal error " + incident + " for " + request.getRequestURI() + ": " + e.getClass().getName());
      ErrorResponder.sendInternalError(response, incident);
    }
  }

  private static void checkMethod(HttpServletRequest request) {
    String method = request.getMethod();
    if (!method.equals("GET") && !method.equals("HEAD")) {
      throw new ImageGateException(Failure.METHOD_NOT_ALLOWED, "only GET and HEAD are allowed on images, not " + method);
    }
  }

  private void serveOriginal(HttpServletRequest request, HttpServletResponse response, ImageRequest image, Source source)
      throws IOException {
    String cacheControl = CacheControl.of(settings.cacheMaxAge(), image.expiresAt(), settings.clock());
    if (ImageResponder.writeHeaders(request, response, source.format().mediaType(), source.etag(),
        source.lastModified(), cacheControl)) {
      return;
    }
    ImageResponder.sendFile(request, response, source.realPath(), source.size());
  }
}
