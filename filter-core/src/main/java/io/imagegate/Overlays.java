package io.imagegate;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.imagegate.cache.VariantKey.SourceId;
import io.imagegate.failure.Failure;
import io.imagegate.failure.ImageGateException;
import io.imagegate.source.Source;
import io.imagegate.transform.pipeline.OverlayImages;
import io.imagegate.transform.render.VariantRenderer;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The pixels of overlay sources that {@link io.imagegate.security.Authorizer} has already
 * authorized (it alone decides which overlays a request may read). Decoded overlays (logos, reused
 * on every thumbnail) and font files named by a text layer's {@code ff-} are cached by identity.
 */
final class Overlays {
  /** Decoded overlays kept, in pixel bytes. */
  static final long MAX_DECODED_BYTES = 64L * 1024 * 1024;

  private final VariantRenderer renderer;
  private final Cache<SourceId, BufferedImage> decoded =
      Caffeine.newBuilder()
          .maximumWeight(MAX_DECODED_BYTES)
          .weigher((SourceId id, BufferedImage image) -> image.getWidth() * image.getHeight() * 4)
          .build();

  Overlays(VariantRenderer renderer) {
    this.renderer = renderer;
  }

  /** Font files are small and few; a font is a JDK object holding its parsed tables. */
  private final Cache<SourceId, Font> fonts = Caffeine.newBuilder().maximumSize(32).build();

  /** The authorized overlays of one request. */
  Resolved of(Map<String, Source> authorized) {
    return new Resolved(authorized);
  }

  /**
   * The overlays of one request, authorized: their identities for the cache key, and their pixels
   * on demand. A path the grant does not hold is never read.
   */
  final class Resolved implements OverlayImages {
    private final Map<String, Source> sources;

    Resolved(Map<String, Source> sources) {
      this.sources = sources;
    }

    /** The sources in a stable order (by path). */
    List<Source> sources() {
      if (sources.isEmpty()) {
        return List.of();
      }
      List<Source> list = new ArrayList<>();
      sources.keySet().stream().sorted().forEach(path -> list.add(sources.get(path)));
      return list;
    }

    List<SourceId> identities() {
      if (sources.isEmpty()) {
        return List.of();
      }
      List<SourceId> ids = new ArrayList<>();
      sources().forEach(s -> ids.add(SourceId.of(s)));
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
