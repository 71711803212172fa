package io.imagegate.transform;

import io.imagegate.cache.Variant;
import io.imagegate.response.ImageGateException;
import io.imagegate.source.ImageFormat;
import io.imagegate.transform.codec.DecodeLimits;
import io.imagegate.transform.codec.DecodedImage;
import io.imagegate.transform.codec.EncodeOptions;
import io.imagegate.transform.codec.ImageCodecs;
import io.imagegate.transform.codec.ImageInfo;
import io.imagegate.transform.pipeline.ImagePipeline;
import io.imagegate.transform.pipeline.OverlayImages;
import java.awt.image.BufferedImage;
import java.nio.file.Path;

/**
 * Decode, transform, encode: one variant from one source. Limits are checked from the header before
 * any pixel is decoded.
 *
 * <p>Shrink-on-load: when the first step is a plain downscale, a JPEG is decoded straight into a
 * box-averaged reduction that still holds {@value #MARGIN} times the scaled size the step needs
 * ({@link ImageCodecs#decode(Path, DecodeLimits, int, int)}), the same margin the resampler keeps
 * for Lanczos after its own box pre-reduction, so the result differs from a full decode only by
 * rounding. It is used only when the step's plan (output size, crop, canvas, padding) comes out
 * identical on the reduced size, and never with trim, {@code fo-auto} or an extracting crop mode,
 * whose positions are in source pixels.
 */
public final class VariantRenderer {
  /** How many times the scaled size the reduced decode keeps, at least. */
  static final int MARGIN = 3;

  private final ImagePipeline pipeline;
  private final GeometryPlanner planner;
  private final DecodeLimits decodeLimits;
  private final boolean shrinkOnLoad;

  /**
   * A renderer with shrink-on-load.
   *
   * @param limits output limits for the pipeline
   * @param decodeLimits source limits checked from the header
   */
  public VariantRenderer(TransformLimits limits, DecodeLimits decodeLimits) {
    this(limits, decodeLimits, true);
  }

  /**
   * @param limits output limits for the pipeline
   * @param decodeLimits source limits checked from the header
   * @param shrinkOnLoad whether a downscaling first step may decode a JPEG reduced (see the class
   *     comment); off, every source is decoded at full size
   */
  public VariantRenderer(TransformLimits limits, DecodeLimits decodeLimits, boolean shrinkOnLoad) {
    this.pipeline = new ImagePipeline(limits);
    this.planner = new GeometryPlanner(limits);
    this.decodeLimits = decodeLimits;
    this.shrinkOnLoad = shrinkOnLoad;
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
  public Variant render(
      Path source, Transformation transformation, ImageFormat format, OverlayImages overlays) {
    DecodedImage decoded = decode(source, transformation);
    BufferedImage output = pipeline.apply(decoded.image(), transformation, overlays);
    EncodeOptions options =
        new EncodeOptions(
            format,
            transformation.quality(),
            transformation.progressive(),
            transformation.lossless(),
            background(transformation),
            transformation.keepMetadata() ? decoded.exif() : null);
    byte[] bytes = ImageCodecs.encode(output, options);
    return new Variant(bytes, format, output.getWidth(), output.getHeight());
  }

  /** The full decode, or the reduced one when the first step allows it (class comment). */
  private DecodedImage decode(Path source, Transformation transformation) {
    if (!shrinkOnLoad || transformation.original() || transformation.steps().isEmpty()) {
      return ImageCodecs.decode(source, decodeLimits);
    }
    ImageInfo info = ImageCodecs.probe(source, decodeLimits);
    if (info.format() != ImageFormat.JPEG) {
      return ImageCodecs.decode(source, decodeLimits);
    }
    Step first = transformation.steps().get(0);
    ResizePlan plan = reduciblePlan(first, info.width(), info.height());
    if (plan != null) {
      int minWidth = (int) Math.min(info.width(), (long) plan.scaledWidth() * MARGIN);
      int minHeight = (int) Math.min(info.height(), (long) plan.scaledHeight() * MARGIN);
      int factor = ImageCodecs.reductionFactor(info.width(), info.height(), minWidth, minHeight);
      if (factor >= 2
          && samePlan(plan, first, ceilDiv(info.width(), factor), ceilDiv(info.height(), factor))) {
        DecodedImage decoded = ImageCodecs.decode(source, decodeLimits, minWidth, minHeight);
        BufferedImage image = decoded.image();
        boolean full = image.getWidth() == info.width() && image.getHeight() == info.height();
        if (full || samePlan(plan, first, image.getWidth(), image.getHeight())) {
          return decoded;
        }
      }
    }
    return ImageCodecs.decode(source, decodeLimits);
  }

  /**
   * The first step's plan on the full size when it is a downscale that may start reduced, else
   * null.
   */
  private ResizePlan reduciblePlan(Step step, int width, int height) {
    boolean pixelPositions =
        step.trim().isPresent()
            || step.focus().orElse(Focus.CENTER) == Focus.AUTO
            || step.cropMode().map(CropMode::extracts).orElse(false)
            || step.x().isPresent()
            || step.y().isPresent()
            || step.xc().isPresent()
            || step.yc().isPresent();
    if (pixelPositions) {
      return null;
    }
    ResizePlan plan = plan(step, width, height);
    boolean shrinks =
        plan != null
            && !plan.autoFocus()
            && plan.scaledWidth() < width
            && plan.scaledHeight() < height;
    return shrinks ? plan : null;
  }

  /** Whether the step does exactly the same to a {@code width x height} input, in output pixels. */
  private boolean samePlan(ResizePlan full, Step step, int width, int height) {
    ResizePlan reduced = plan(step, width, height);
    return reduced != null
        && !reduced.autoFocus()
        && reduced.scaledWidth() == full.scaledWidth()
        && reduced.scaledHeight() == full.scaledHeight()
        && reduced.crop().equals(full.crop())
        && reduced.canvasWidth() == full.canvasWidth()
        && reduced.canvasHeight() == full.canvasHeight()
        && reduced.offsetX() == full.offsetX()
        && reduced.offsetY() == full.offsetY();
  }

  /**
   * The plan, or null where the planner refuses: the pipeline reports that after decoding, as ever.
   */
  private ResizePlan plan(Step step, int width, int height) {
    try {
      return planner.plan(width, height, step);
    } catch (ImageGateException e) {
      return null;
    }
  }

  private static int ceilDiv(int a, int b) {
    return (a + b - 1) / b;
  }

  /**
   * The bytes a full decode of the source would hold, from its header alone (a conservative
   * estimate: shrink-on-load often needs far less). Refuses what the limits refuse (415/422).
   */
  public long decodedBytes(Path source) {
    ImageInfo info = ImageCodecs.probe(source, decodeLimits);
    return (long) info.width() * info.height() * 4;
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
   * The output format: {@code f-auto} gives WebP when the client accepts it, else the source's; an
   * explicit {@code f} wins; otherwise the source's format is kept (BMP, which is not an output
   * format, becomes PNG).
   *
   * @param accept the request's {@code Accept} header, or null
   */
  public static ImageFormat outputFormat(
      Transformation transformation, ImageFormat source, String accept) {
    String requested = transformation.requestedFormat().orElse(null);
    if (requested != null && !requested.equals("auto")) {
      return ImageFormat.fromName(requested).orElse(source);
    }
    if (requested != null && io.imagegate.response.AcceptHeader.names(accept, "image/webp")) {
      return ImageFormat.WEBP;
    }
    return source == ImageFormat.BMP ? ImageFormat.PNG : source;
  }

  /**
   * Whether the output format depended on {@code Accept} (so responses need {@code Vary: Accept}).
   */
  public static boolean negotiated(Transformation transformation) {
    return transformation.requestedFormat().map("auto"::equals).orElse(false);
  }
}
