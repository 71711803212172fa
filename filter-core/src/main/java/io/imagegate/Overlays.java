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
import io.imagegate.transform.TextLayer;
import io.imagegate.transform.Transformation;
import io.imagegate.transform.VariantRenderer;
import io.imagegate.transform.pipeline.OverlayImages;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Overlay sources go through the same gate as images: the path is checked and confined to the root,
 * and an overlay that points at a private or rule-protected image makes its request need a valid
 * signature. Font files named by a text layer's {@code ff-} go through the same gate. Decoded
 * overlays (logos, reused on every thumbnail) and loaded fonts are cached by identity.
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

  /** Font files are small and few; a font is a JDK object holding its parsed tables. */
  private final Cache<SourceId, Font> fonts = Caffeine.newBuilder().maximumSize(32).build();

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
      if (overlay.isImage()) {
        authorize(overlay.path(), request, sources, true);
      } else {
        Optional<String> font = overlay.text().flatMap(TextLayer::fontFile);
        if (font.isPresent()) {
          authorize(font.get(), request, sources, false);
        }
      }
    }
    return new Resolved(sources);
  }

  /** One overlay image or font file: checked, authorized and resolved like the image itself. */
  private void authorize(
      String target, ImageRequest request, Map<String, Source> sources, boolean image) {
    String what = image ? "overlay" : "font";
    String path = ImagePaths.check(target);
    if (sources.containsKey(path)) {
      return;
    }
    if (policy.requirementFor(path).signatureRequired() && !request.signed()) {
      throw new ImageGateException(
          Failure.SIGNATURE_MISSING, "the " + what + " '" + path + "' needs a signed URL");
    }
    Source source;
    try {
      source = resolver.resolve(path);
    } catch (ImageGateException e) {
      throw new ImageGateException(e.failure(), "no such " + what + ": '" + path + "'");
    }
    String realPath = root.relativize(source.realPath()).toString().replace('\\', '/');
    if (!realPath.equals(path)
        && policy.requirementFor(realPath).signatureRequired()
        && !request.signed()) {
      throw new ImageGateException(
          Failure.SIGNATURE_MISSING, "the " + what + " '" + path + "' needs a signed URL");
    }
    if (image && (!source.isImage() || !source.format().renderable())) {
      throw new ImageGateException(
          Failure.UNSUPPORTED_MEDIA_TYPE, "the overlay '" + path + "' is not an image");
    }
    sources.put(path, source);
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

    @Override
    public Font font(String path) {
      Source source = sources.get(path.startsWith("/") ? path.substring(1) : path);
      if (source == null) {
        throw new ImageGateException(Failure.NOT_FOUND, "no such font: '" + path + "'");
      }
      return fonts.get(SourceId.of(source), id -> readFont(source, path));
    }
  }

  private static Font readFont(Source source, String path) {
    try {
      return Font.createFont(Font.TRUETYPE_FONT, source.realPath().toFile());
    } catch (FontFormatException | IOException | RuntimeException e) {
      throw new ImageGateException(
          Failure.UNPROCESSABLE_IMAGE, "the font '" + path + "' cannot be read as a TrueType font");
    }
  }
}
