package io.imagegate;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.imagegate.cache.VariantKey.SourceId;
import io.imagegate.request.ImagePaths;
import io.imagegate.request.ImageRequest;
import io.imagegate.response.Failure;
import io.imagegate.response.ImageGateException;
import io.imagegate.security.AccessPolicy;
import io.imagegate.source.Source;
import io.imagegate.source.SourceResolver;
import io.imagegate.transform.Overlay;
import io.imagegate.transform.Transformation;
import io.imagegate.transform.VariantRenderer;
import io.imagegate.transform.pipeline.OverlayImages;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Overlay sources go through the same gate as images: the path is checked and confined to the root,
 * and an overlay that points at a private or rule-protected image makes its request need a valid
 * signature. Decoded overlays (logos, reused on every thumbnail) are cached by identity.
 */
final class Overlays {
  /** Decoded overlays kept, in pixel bytes. */
  static final long MAX_DECODED_BYTES = 64L * 1024 * 1024;

  private final java.nio.file.Path root;
  private final AccessPolicy policy;
  private final SourceResolver resolver;
  private final VariantRenderer renderer;
  private final Cache<SourceId, BufferedImage> decoded =
      Caffeine.newBuilder()
          .maximumWeight(MAX_DECODED_BYTES)
          .weigher((SourceId id, BufferedImage image) -> image.getWidth() * image.getHeight() * 4)
          .build();

  Overlays(
      java.nio.file.Path root,
      AccessPolicy policy,
      SourceResolver resolver,
      VariantRenderer renderer) {
    this.root = root;
    this.policy = policy;
    this.resolver = resolver;
    this.renderer = renderer;
  }

  /**
   * Resolves and authorizes every overlay of a transformation.
   *
   * @throws ImageGateException 400 for a bad path, 401 for a protected overlay on an unsigned
   *     request, 404 for a missing or hidden one, 415 for a non-image
   */
  Resolved resolve(Transformation transformation, ImageRequest request) {
    Map<String, Source> sources = new LinkedHashMap<>();
    for (Overlay overlay : transformation.overlays()) {
      String path = ImagePaths.check(overlay.path());
      if (sources.containsKey(path)) {
        continue;
      }
      if (policy.requirementFor(path).signatureRequired() && !request.signed()) {
        throw new ImageGateException(
            Failure.SIGNATURE_MISSING, "the overlay '" + path + "' needs a signed URL");
      }
      Source source;
      try {
        source = resolver.resolve(path);
      } catch (ImageGateException e) {
        throw new ImageGateException(e.failure(), "no such overlay image: '" + path + "'");
      }
      String realPath = root.relativize(source.realPath()).toString().replace('\\', '/');
      if (!realPath.equals(path)
          && policy.requirementFor(realPath).signatureRequired()
          && !request.signed()) {
        throw new ImageGateException(
            Failure.SIGNATURE_MISSING, "the overlay '" + path + "' needs a signed URL");
      }
      if (!source.isImage() || !source.format().renderable()) {
        throw new ImageGateException(
            Failure.UNSUPPORTED_MEDIA_TYPE, "the overlay '" + path + "' is not an image");
      }
      sources.put(path, source);
    }
    return new Resolved(sources);
  }

  /**
   * The overlays of one request, resolved: their identities for the cache key, and their pixels on
   * demand.
   */
  final class Resolved implements OverlayImages {
    private final Map<String, Source> sources;

    Resolved(Map<String, Source> sources) {
      this.sources = sources;
    }

    List<SourceId> identities() {
      List<SourceId> ids = new ArrayList<>();
      sources.values().forEach(s -> ids.add(SourceId.of(s)));
      return ids;
    }

    @Override
    public BufferedImage load(String path) {
      Source source = sources.get(path.startsWith("/") ? path.substring(1) : path);
      if (source == null) {
        throw new ImageGateException(Failure.NOT_FOUND, "no such overlay image: '" + path + "'");
      }
      return decoded.get(SourceId.of(source), id -> renderer.decodeOverlay(source.realPath()));
    }
  }
}
