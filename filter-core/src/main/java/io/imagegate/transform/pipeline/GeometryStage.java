package io.imagegate.transform.pipeline;

import io.imagegate.transform.geometry.GeometryPlanner;
import io.imagegate.transform.geometry.Rect;
import io.imagegate.transform.geometry.ResizePlan;
import io.imagegate.transform.model.Step;
import io.imagegate.transform.ops.Cut;
import io.imagegate.transform.ops.Pad;
import io.imagegate.transform.ops.Resample;
import java.awt.image.BufferedImage;

/**
 * {@code w}, {@code h}, {@code ar}, {@code dpr}, {@code c}, {@code cm}, {@code fo} and {@code
 * x}/{@code y}/{@code xc}/{@code yc}: follows the {@link ResizePlan} of the {@link
 * GeometryPlanner}, cropping first so that no intermediate image is larger than needed: cut the
 * source region (a view when it is resampled next, so a large photo's region is never copied),
 * resample it to the crop's size, pad it onto the canvas. With {@code fo-auto} the crop is first
 * moved onto the subject ({@link AutoFocus}).
 */
final class GeometryStage implements Stage {
  private final GeometryPlanner planner;

  GeometryStage(GeometryPlanner planner) {
    this.planner = planner;
  }

  @Override
  public String keys() {
    return "w/h/c/cm/fo";
  }

  @Override
  public BufferedImage apply(BufferedImage image, Step step) {
    return follow(image, step, planner.plan(image.getWidth(), image.getHeight(), step));
  }

  /** Applies a plan made for this image's size (the renderer's plan of the first step). */
  BufferedImage follow(BufferedImage image, Step step, ResizePlan plan) {
    if (plan.sourceWidth() != image.getWidth() || plan.sourceHeight() != image.getHeight()) {
      throw new IllegalStateException("the plan is for another input size");
    }
    if (plan.isIdentity()) {
      return image;
    }
    Rect crop = plan.crop();
    Rect region = plan.sourceRegion();
    if (plan.autoFocus()) {
      Rect moved = AutoFocus.place(image, plan, step);
      if (!moved.equals(crop)) {
        crop = moved;
        region = plan.sourceRegionOf(moved);
      }
    }
    boolean cut = region.width() != image.getWidth() || region.height() != image.getHeight();
    boolean scale = region.width() != crop.width() || region.height() != crop.height();
    BufferedImage out = image;
    if (cut && scale) {
      // A view, not a copy: the resampler streams its rows once and never writes to them.
      out = image.getSubimage(region.x(), region.y(), region.width(), region.height());
    } else if (cut) {
      out = Cut.crop(image, region.x(), region.y(), region.width(), region.height());
    }
    if (scale) {
      out = Resample.resize(out, crop.width(), crop.height());
    }
    if (plan.padded()) {
      out =
          Pad.pad(
              out,
              plan.canvasWidth(),
              plan.canvasHeight(),
              plan.offsetX(),
              plan.offsetY(),
              Fill.padding(step));
    }
    return out;
  }
}
