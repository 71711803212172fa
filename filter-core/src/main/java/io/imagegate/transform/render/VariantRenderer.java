package io.imagegate.transform.render;

import io.imagegate.failure.Failure;
import io.imagegate.failure.ImageGateException;
import io.imagegate.limits.Limits;
import io.imagegate.source.ImageFormat;
import io.imagegate.transform.Transformation;
import io.imagegate.transform.codec.DecodedImage;
import io.imagegate.transform.codec.EncodeOptions;
import io.imagegate.transform.codec.ImageCodecs;
import io.imagegate.transform.codec.ImageInfo;
import io.imagegate.transform.geometry.DecodePlan;
import io.imagegate.transform.geometry.GeometryPlanner;
import io.imagegate.transform.geometry.Rect;
import io.imagegate.transform.geometry.ResizePlan;
import io.imagegate.transform.model.CropMode;
import io.imagegate.transform.model.Focus;
import io.imagegate.transform.model.Step;
import io.imagegate.transform.ops.RegionResample;
import io.imagegate.transform.pipeline.ImagePipeline;
import io.imagegate.transform.pipeline.OverlayImages;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.concurrent.Executor;

/**
 * Decode, transform, encode: one variant from one source. Limits are checked from the header before
 * any pixel is decoded.
 *
 * <p>Shrink-on-load: when the first step is a plain downscale, a JPEG is decoded straight into a
 * reduction (libjpeg-turbo's DCT scaling by 1/2, 1/4 or 1/8; without it a box average; the other
 * n/8 scales alias: 2.0 std dev on 2.4 px stripes where the full decode gives 0.5) that still holds
 * {@value #MARGIN} times the scaled size the step needs ({@link ImageCodecs#decode(Path, Limits,
 * int, int)}), the same margin the resampler keeps for Lanczos after its own box pre-reduction, so
 * the result differs from a full decode only by rounding. The first step is planned once, on the
 * source's size, and that plan goes to the pipeline with its source region rescaled to the decoded
 * size, so the output geometry is exactly the full decode's. Never with trim, {@code fo-auto}, an
 * extracting crop mode or expressions, whose positions are in source pixels or need the pixels.
 */
public final class VariantRenderer {
  /** How many times the scaled size the reduced decode keeps, at least. */
  static final int MARGIN = 3;

  private final ImagePipeline pipeline;
  private final GeometryPlanner planner;
  private final Limits decodeLimits;
  private final boolean shrinkOnLoad;
  private final boolean resizeOnLoad;
  private final Executor helper;

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
    this(limits, shrinkOnLoad, true, null);
  }

  /**
   * A renderer with shrink-on-load whose first resample may hand half its rows to {@code helper}
   * ({@link RenderHelper}); null renders on the calling thread alone.
   */
  public VariantRenderer(Limits limits, Executor helper) {
    this(limits, true, true, helper);
  }

  /**
   * As above; {@code resizeOnLoad} off keeps the reduced decode as an image that the pipeline
   * resamples (tests compare both ways).
   */
  VariantRenderer(Limits limits, boolean shrinkOnLoad, boolean resizeOnLoad) {
    this(limits, shrinkOnLoad, resizeOnLoad, null);
  }

  private VariantRenderer(
      Limits limits, boolean shrinkOnLoad, boolean resizeOnLoad, Executor helper) {
    this.helper = helper;
    this.resizeOnLoad = resizeOnLoad;
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
   * @throws io.imagegate.failure.ImageGateException 400/404/415/422 for what the client asked
   */
  public Variant render(
      Path source, Transformation transformation, ImageFormat format, OverlayImages overlays) {
    DecodedImage decoded;
    BufferedImage output;
    try {
      Decoded read = decode(source, transformation);
      decoded = read.image();
      output = pipeline.apply(decoded.image(), transformation, overlays, read.plan());
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

  /** A decoded source and, when the first step was planned before decoding, that plan. */
  private record Decoded(DecodedImage image, DecodePlan plan) {}

  /**
   * The full decode, or the reduced one when the first step allows it (class comment). The first
   * step is planned once, on the source's size; a reduced decode gets the same plan with its source
   * region rescaled ({@link ResizePlan#onInput}), so the output geometry is the planned one.
   */
  private Decoded decode(Path source, Transformation transformation) {
    if (!shrinkOnLoad || transformation.original() || transformation.steps().isEmpty()) {
      return new Decoded(ImageCodecs.decode(source, decodeLimits), null);
    }
    ImageInfo info = ImageCodecs.probe(source, decodeLimits);
    if (info.format() != ImageFormat.JPEG) {
      return new Decoded(ImageCodecs.decode(source, decodeLimits), null);
    }
    ResizePlan plan = reduciblePlan(transformation.steps().get(0), info.width(), info.height());
    if (plan == null) {
      return new Decoded(ImageCodecs.decode(source, decodeLimits), null);
    }
    int minWidth = (int) Math.min(info.width(), (long) plan.scaledWidth() * MARGIN);
    int minHeight = (int) Math.min(info.height(), (long) plan.scaledHeight() * MARGIN);
    if (resizeOnLoad) {
      // The first step's resample straight from the decoder's buffer; the pipeline only pads.
      ResizePlan[] onDecoded = new ResizePlan[1];
      DecodedImage resized =
          ImageCodecs.decodeResized(
              source,
              decodeLimits,
              minWidth,
              minHeight,
              pixels -> {
                onDecoded[0] = plan.onInput(pixels.width(), pixels.height());
                Rect region = onDecoded[0].sourceRegion();
                Rect crop = onDecoded[0].crop();
                return RegionResample.resize(
                    pixels,
                    region.x(),
                    region.y(),
                    region.width(),
                    region.height(),
                    crop.width(),
                    crop.height(),
                    helper);
              });
      if (resized != null) {
        return new Decoded(
            resized, new DecodePlan(info.width(), info.height(), onDecoded[0].resampled()));
      }
    }
    DecodedImage decoded = ImageCodecs.decode(source, decodeLimits, minWidth, minHeight);
    BufferedImage image = decoded.image();
    ResizePlan onDecoded = plan.onInput(image.getWidth(), image.getHeight());
    return new Decoded(decoded, new DecodePlan(info.width(), info.height(), onDecoded));
  }

  /**
   * The first step's plan on the full size when it is a downscale that may start reduced, else
   * null: no positions in source pixels (trim, {@code fo-auto}, an extracting crop, {@code x},
   * {@code y}, {@code xc}, {@code yc}) and no expressions, which the pipeline evaluates on pixels.
   */
  private ResizePlan reduciblePlan(Step step, int width, int height) {
    boolean pixelPositions =
        step.trim().isPresent()
            || step.focus().orElse(Focus.CENTER) == Focus.AUTO
            || step.cropMode().map(CropMode::extracts).orElse(false)
            || step.x().isPresent()
            || step.y().isPresent()
            || step.xc().isPresent()
            || step.yc().isPresent()
            || !step.expressions().isEmpty();
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
}
