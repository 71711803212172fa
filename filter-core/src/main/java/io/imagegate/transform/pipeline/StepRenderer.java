package io.imagegate.transform.pipeline;

import io.imagegate.failure.Failure;
import io.imagegate.failure.ImageGateException;
import io.imagegate.limits.Limits;
import io.imagegate.transform.geometry.GeometryPlanner;
import io.imagegate.transform.geometry.ResizePlan;
import io.imagegate.transform.model.Arithmetic;
import io.imagegate.transform.model.Step;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * Renders one step: trim, geometry, rotation, flip, effects, radius, border, each a {@link Stage},
 * and last the overlays. Every stage's result is checked against the size limit, and an {@link
 * IllegalArgumentException} from an operation (a value the parser let through that the operation
 * refuses for this image) becomes a 400 naming the stage's keys.
 */
final class StepRenderer {
  private final List<Stage> stages;
  private final GeometryStage geometry;
  private final OverlayStage overlays;
  private final SizeLimit limit;
  private final int maxDimension;

  StepRenderer(Limits limits) {
    this.limit = new SizeLimit(limits.maxDimension());
    this.geometry = new GeometryStage(new GeometryPlanner(limits));
    this.stages =
        List.of(
            new TrimStage(),
            geometry,
            new RotateStage(limit),
            new FlipStage(),
            new EffectsStage(),
            new RadiusStage(),
            new BorderStage(limit));
    this.maxDimension = limits.maxDimension();
    this.overlays =
        new OverlayStage(
            this,
            new OverlaySizing(limits.maxDimension()),
            new TextRenderer(limits.maxDimension()),
            limits.maxDimension());
  }

  /** Renders a step of the base image: {@code image} is also the initial asset. */
  BufferedImage render(BufferedImage image, Step step, OverlayImages images, double scale) {
    return render(
        image,
        step,
        images,
        scale,
        new Arithmetic.Variables(
            image.getWidth(), image.getHeight(), image.getWidth(), image.getHeight(), 0, 0));
  }

  /**
   * @param image the step's input; never modified
   * @param step the step
   * @param images the caller's overlay loader
   * @param scale the scale inherited from the images this one is drawn on (1 for the base image);
   *     this step's own {@code dpr} is added for its overlays
   * @param context what the step's arithmetic expressions see: the initial size ({@code iw}, {@code
   *     ih}) and, inside a layer, the base's ({@code bw}, {@code bh}); the current size ({@code
   *     cw}, {@code ch}) is {@code image}'s
   * @return the step's output, possibly {@code image} itself when the step changes nothing
   */
  BufferedImage render(
      BufferedImage image,
      Step unresolved,
      OverlayImages images,
      double scale,
      Arithmetic.Variables context) {
    return render(image, unresolved, images, scale, context, null);
  }

  /**
   * As {@link #render(BufferedImage, Step, OverlayImages, double, Arithmetic.Variables)}, with the
   * step's geometry already planned for {@code image} (or null to plan it here).
   */
  BufferedImage render(
      BufferedImage image,
      Step unresolved,
      OverlayImages images,
      double scale,
      Arithmetic.Variables context,
      ResizePlan planned) {
    Arithmetic.Variables vars =
        new Arithmetic.Variables(
            context.iw(),
            context.ih(),
            image.getWidth(),
            image.getHeight(),
            context.bw(),
            context.bh());
    Step step = unresolved.resolve(vars, maxDimension);
    BufferedImage current = image;
    for (Stage stage : stages) {
      BufferedImage next = run(stage, current, step, stage == geometry ? planned : null);
      limit.check(
          stage.keys(), current.getWidth(), current.getHeight(), next.getWidth(), next.getHeight());
      current = next;
    }
    if (step.overlays().isEmpty()) {
      return current;
    }
    return overlays.apply(current, step, images, scale * ownScale(step));
  }

  /** A step's {@code dpr} scales its image, and so its overlays, only when it sizes the image. */
  static double ownScale(Step step) {
    boolean sized = step.width().isPresent() || step.height().isPresent();
    return sized ? step.dpr().orElse(1) : 1;
  }

  private BufferedImage run(Stage stage, BufferedImage image, Step step, ResizePlan planned) {
    try {
      return planned != null ? geometry.follow(image, step, planned) : stage.apply(image, step);
    } catch (IllegalArgumentException | ArithmeticException e) {
      throw ImageGateException.of(
          Failure.BAD_TRANSFORMATION,
          "%s cannot be applied to this %dx%d image",
          stage.keys(),
          image.getWidth(),
          image.getHeight());
    }
  }
}
