package io.imagegate.transform;

import io.imagegate.cache.Variant;
import io.imagegate.source.ImageFormat;
import io.imagegate.transform.codec.DecodeLimits;
import io.imagegate.transform.codec.DecodedImage;
import io.imagegate.transform.codec.EncodeOptions;
import io.imagegate.transform.codec.ImageCodecs;
import io.imagegate.transform.pipeline.ImagePipeline;
import io.imagegate.transform.pipeline.OverlayImages;
import java.awt.image.BufferedImage;
import java.nio.file.Path;

/**
 * Decode, transform, encode: one variant from one source. Limits are checked from the header
 * before any pixel is decoded.
 */
public final class VariantRenderer {
  private final ImagePipeline pipeline;
  private final DecodeLimits decodeLimits;

  /**
   * @param limits output limits for the pipeline
   * @param decodeLimits source limits checked from the header
   */
  public VariantRenderer(TransformLimits limits, DecodeLimits decodeLimits) {
    this.pipeline = new ImagePipeline(limits);
    this.decodeLimits = decodeLimits;
  }

  /**
   * Renders a variant.
   *
   * @param source the source file (resolved and authorized)
   * @param transformation what to do
   * @param format the output format (already negotiated)
   * @param overlays loads overlay images (resolved and authorized)
   * @throws io.imagegate.response.ImageGateException 400/404/415/422 for what the client asked
   */
  public Variant render(Path source, Transformation transformation, ImageFormat format, OverlayImages overlays) {
    DecodedImage decoded = ImageCodecs.decode(source, decodeLimits);
    BufferedImage output = pipeline.apply(decoded.image(), transformation, overlays);
    EncodeOptions options = new EncodeOptions(format, transformation.quality(), transformation.progressive(),
        transformation.lossless(), background(transformation), transformation.keepMetadata() ? decoded.exif() : null);
    byte[] bytes = ImageCodecs.encode(output, options);
    return new Variant(bytes, format, output.getWidth(), output.getHeight());
  }

  /** Decodes an overlay source, upright and in sRGB, under the same limits as images. */
  public BufferedImage decodeOverlay(Path source) {
    return ImageCodecs.decode(source, decodeLimits).image();
  }

  /** The colour transparent output is flattened onto for JPEG: the last {@code bg}, else white. */
  private static int background(Transformation transformation) {
    int argb = EncodeOptions.WHITE;
    for (Step step : transformation.steps()) {
      if (step.background().isPresent()) {
        argb = step.background().get().argb();
      }
    }
    return argb;
  }

  /**
   * The output format: {@code f-auto} gives WebP when the client accepts it, else the source's;
   * an explicit {@code f} wins; otherwise the source's format is kept (BMP, which is not an output
   * format, becomes PNG).
   *
   * @param accept the request's {@code Accept} header, or null
   */
  public static ImageFormat outputFormat(Transformation transformation, ImageFormat source, String accept) {
    String requested = transformation.requestedFormat().orElse(null);
    if (requested != null && !requested.equals("auto")) {
      return ImageFormat.fromName(requested).orElse(source);
    }
    if (requested != null && accept != null && accept.contains("image/webp")) {
      return ImageFormat.WEBP;
    }
    return source == ImageFormat.BMP ? ImageFormat.PNG : source;
  }

  /** Whether the output format depended on {@code Accept} (so responses need {@code Vary: Accept}). */
  public static boolean negotiated(Transformation transformation) {
    return transformation.requestedFormat().map("auto"::equals).orElse(false);
  }
}
