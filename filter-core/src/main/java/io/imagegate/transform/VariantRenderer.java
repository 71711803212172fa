package io.imagegate.transform;

import io.imagegate.cache.Variant;
import io.imagegate.limits.Limits;
import io.imagegate.response.Failure;
import io.imagegate.response.ImageGateException;
import io.imagegate.source.ImageFormat;
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
 * reduction (libjpeg-turbo's DCT scaling by 1/2, 1/4 or 1/8; without it a box average; the other
 * n/8 scales alias: 2.0 std dev on 2.4 px stripes where the full decode gives 0.5) that still holds
 * {@value #MARGIN} times the scaled size the step needs ({@link ImageCodecs#decode(Path, Limits,
 * int, int)}), the same margin the resampler keeps for Lanczos after its own box pre-reduction, so
 * the result differs from a full decode only by rounding. It is used only when the step's plan
 * (output size, crop, canvas, padding) comes out identical on the reduced size, and never with
 * trim, {@code fo-auto} or an extracting crop mode, whose positions are in source pixels.
 */
public final class VariantRenderer {
  /** How many times the scaled size the reduced decode keeps, at least. */
  static final int MARGIN = 3;

  private final ImagePipeline pipeline;
  private final GeometryPlanner planner;
  private final Limits decodeLimits;
  private final boolean shrinkOnLoad;

  /**
   * A renderer with shrink-on-load.
   *
   * @param limits output limits for the pipeline, source limits checked from the header
   */
  public VariantRenderer(Limits limits) {
    this(limits, true);
  }

  /**
   * @param limits output limits for the pipeline, source limits checked from the header
   * @param shrinkOnLoad whether a downscaling first step may decode a JPEG reduced (see the class
   *     comment); off, every source is decoded at full size
   */
  public VariantRenderer(Limits limits, boolean shrinkOnLoad) {
    this.pipeline = new ImagePipeline(limits);
    this.planner = new GeometryPlanner(limits);
    this.decodeLimits = limits;
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
    DecodedImage decoded;
    BufferedImage output;
    try {
      decoded = decode(source, transformation);
      output = pipeline.apply(decoded.image(), transformation, overlays);
    } catch (OutOfMemoryError e) {
      // Admission counted this render's pixels; running out now is the moment's load.
      throw new ImageGateException(
          Failure.OVERLOADED, "not enough memory to render this image right now; try again");
    }
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
      int[] reduced = ImageCodecs.reducedSize(info.width(), info.height(), minWidth, minHeight);
      boolean smaller = reduced[0] < info.width() || reduced[1] < info.height();
      if (smaller && samePlan(plan, first, reduced[0], reduced[1])) {
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

  /**
   * The bytes a full decode of the source would hold, from its header alone (a conservative
   * estimate: shrink-on-load often needs far less). Refuses what the limits refuse (415/422).
   */
  public long decodedBytes(Path source) {
    ImageInfo info = ImageCodecs.probe(source, decodeLimits);
    return (long) info.width() * info.height() * 4;
  }

  /**
   * The bytes a render will hold, from the header and the transformation alone, before anything is
   * decoded: the full decode (4 bytes a pixel) plus the largest image a step makes, twice (the
   * step's result and the encoder's copy of it).
   *
   * @throws ImageGateException 422 naming {@code limits.max-output-pixels} when a step would make
   *     an image larger than that; 415/422 for what the source limits refuse
   */
  public long renderBytes(Path source, Transformation transformation) {
    ImageInfo info = ImageCodecs.probe(source, decodeLimits);
    long width = info.width();
    long height = info.height();
    long largest = 0;
    if (!transformation.original()) {
      for (Step step : transformation.steps()) {
        ResizePlan plan = plan(step, (int) width, (int) height);
        if (plan != null) {
          width = plan.canvasWidth();
          height = plan.canvasHeight();
        }
        largest = Math.max(largest, width * height);
        if (width * height > decodeLimits.maxOutputPixels()) {
          throw ImageGateException.of(
              Failure.UNPROCESSABLE_IMAGE,
              "the output would be %dx%d pixels; limits.max-output-pixels is %d",
              width,
              height,
              decodeLimits.maxOutputPixels());
        }
      }
    }
    return (long) info.width() * info.height() * 4 + largest * 8;
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
   * The output format: {@code f-auto} gives AVIF when the client accepts it and the server has
   * libavif, else WebP when accepted and libwebp is there, else the source's (a WebP source without
   * libwebp is refused when decoded); an explicit {@code f} wins; otherwise the source's format is
   * kept (BMP, which is not an output format, becomes PNG).
   *
   * @param accept the request's {@code Accept} header, or null
   * @throws ImageGateException 415 {@code format_unavailable} for an explicit {@code f-webp} or
   *     {@code f-avif} the server has no codec for
   */
  public static ImageFormat outputFormat(
      Transformation transformation, ImageFormat source, String accept) {
    String requested = transformation.requestedFormat().orElse(null);
    if (requested != null && !requested.equals("auto")) {
      ImageFormat format = ImageFormat.fromName(requested).orElse(source);
      if (!ImageCodecs.canEncode(format)) {
        throw ImageGateException.of(
            Failure.FORMAT_UNAVAILABLE,
            "f-%s is not available on this server (no native %s library)",
            requested,
            format == ImageFormat.AVIF ? "libavif" : "libwebp");
      }
      return format;
    }
    if (requested != null) {
      if (io.imagegate.response.AcceptHeader.names(accept, "image/avif")
          && ImageCodecs.canEncode(ImageFormat.AVIF)) {
        return ImageFormat.AVIF;
      }
      if (io.imagegate.response.AcceptHeader.names(accept, "image/webp")
          && ImageCodecs.canEncode(ImageFormat.WEBP)) {
        return ImageFormat.WEBP;
      }
    }
    if (source == ImageFormat.WEBP && !ImageCodecs.canEncode(ImageFormat.WEBP)) {
      return ImageFormat.PNG; // never reached for a render: the decode refuses first
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
