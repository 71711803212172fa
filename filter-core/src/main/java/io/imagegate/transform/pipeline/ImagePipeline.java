package io.imagegate.transform.pipeline;

import io.imagegate.limits.Limits;
import io.imagegate.transform.Transformation;
import io.imagegate.transform.geometry.DecodePlan;
import io.imagegate.transform.geometry.ResizePlan;
import io.imagegate.transform.model.Arithmetic;
import java.awt.image.BufferedImage;
import java.util.Objects;

/**
 * Turns a decoded image and a parsed {@link Transformation} into the output image. Thread-safe and
 * stateless: one instance serves every request.
 *
 * <p>The steps of the chain apply in order, each to the previous one's output. Within a step: trim
 * ({@code t}); geometry ({@code w}, {@code h}, {@code ar}, {@code dpr}, {@code c}, {@code cm},
 * {@code fo} incl. {@code fo-auto}, {@code x}/{@code y}/{@code xc}/{@code yc}, padding with {@code
 * bg}, white by default); rotation ({@code rt}; {@code rt-auto} is a no-op, the decoder has already
 * applied the EXIF orientation); effects ({@code bl}, {@code e-grayscale}, {@code e-sharpen},
 * {@code e-contrast}); corner radius ({@code r}); border ({@code b}); and last the overlays in list
 * order (images, text layers, colour blocks; see {@code OverlayStage}). Arithmetic expressions are
 * evaluated first, against the initial image and the step's input. With {@code orig-true} the input
 * is returned as it is.
 *
 * <p>No stage may grow a side beyond {@link Limits#maxDimension()}: the planner checks planned
 * sizes, rotation and border are checked before their pixels are allocated, and every stage's
 * result after. Such a request, and any value an operation refuses, is an {@link
 * io.imagegate.failure.ImageGateException} with {@link
 * io.imagegate.failure.Failure#BAD_TRANSFORMATION}; whatever the overlay loader throws passes
 * through unchanged.
 */
public final class ImagePipeline {
  private final StepRenderer renderer;

  /**
   * @param limits the bounds every result must stay within
   */
  public ImagePipeline(Limits limits) {
    this.renderer = new StepRenderer(Objects.requireNonNull(limits, "limits"));
  }

  /**
   * Renders {@code transformation} on {@code upright}.
   *
   * @param upright the decoded source, EXIF orientation applied; never modified
   * @param transformation the parsed transformation
   * @param overlays loads the overlay images the transformation names
   * @return the output image; {@code upright} itself for {@code orig-true}, an empty
   *     transformation, or steps that change nothing
   * @throws io.imagegate.failure.ImageGateException 400 when a result would exceed the limits or an
   *     operation refuses a value; or whatever {@code overlays} throws
   */
  public BufferedImage apply(
      BufferedImage upright, Transformation transformation, OverlayImages overlays) {
    return apply(upright, transformation, overlays, null);
  }

  /**
   * Renders {@code transformation} on {@code upright} following the renderer's plan.
   *
   * @param planned the source's size and the first step's plan for {@code upright} (which may be a
   *     reduced decode of the source), or null to plan every step here on {@code upright}
   * @see #apply(BufferedImage, Transformation, OverlayImages)
   */
  public BufferedImage apply(
      BufferedImage upright,
      Transformation transformation,
      OverlayImages overlays,
      DecodePlan planned) {
    Objects.requireNonNull(upright, "upright");
    Objects.requireNonNull(transformation, "transformation");
    Objects.requireNonNull(overlays, "overlays");
    if (transformation.original()) {
      return upright;
    }
    BufferedImage image = upright;
    int iw = planned == null ? upright.getWidth() : planned.sourceWidth();
    int ih = planned == null ? upright.getHeight() : planned.sourceHeight();
    Arithmetic.Variables initial =
        new Arithmetic.Variables(iw, ih, upright.getWidth(), upright.getHeight(), 0, 0);
    ResizePlan first = planned == null ? null : planned.firstStep();
    for (var step : transformation.steps()) {
      image = renderer.render(image, step, overlays, 1, initial, first);
      first = null;
    }
    return image;
  }
}
