package io.imagegate.transform.geometry;

import static io.imagegate.transform.model.Values.bad;

import io.imagegate.limits.Limits;
import io.imagegate.transform.model.AspectRatio;
import io.imagegate.transform.model.Crop;
import io.imagegate.transform.model.CropMode;
import io.imagegate.transform.model.Dimension;
import io.imagegate.transform.model.Focus;
import io.imagegate.transform.model.Step;
import io.imagegate.transform.model.Values;
import java.util.Objects;

/**
 * Computes what one step's {@code w}, {@code h}, {@code ar}, {@code dpr}, {@code c}, {@code cm},
 * {@code fo}, {@code x}/{@code y}/{@code xc}/{@code yc} do to an image of a given size, the way
 * ImageKit documents them; pure arithmetic, no pixels.
 *
 * <ul>
 *   <li>Sizes: pixels, or fractions of the input side; times {@code dpr}; rounded half up; at least
 *       1. With one of w/h, {@code ar-W-H} gives the other; with both, {@code ar} is ignored (as
 *       ImageKit does). With one of w/h and no {@code ar}, the other keeps the input's aspect
 *       ratio.
 *   <li>{@code c-maintain_ratio} (default): scale to cover w×h, crop w×h around {@code fo}.
 *   <li>{@code c-force}: exactly w×h, squashed. {@code c-at_max}: fit inside w×h, never enlarging
 *       (a smaller image stays as it is). {@code c-at_max_enlarge}: fit inside, may enlarge. {@code
 *       c-at_least}: cover w×h without cropping.
 *   <li>{@code cm-pad_resize}: fit inside w×h (may enlarge), then pad to exactly w×h; the image is
 *       placed by {@code fo} (centre by default).
 *   <li>{@code cm-extract}: cut w×h out of the unscaled input, at x/y (top-left), xc/yc (centre) or
 *       {@code fo}; a missing side is the whole input side; a region larger than the input is
 *       reduced to the input, and a region reaching past an edge is moved inside.
 *   <li>{@code cm-pad_extract}: as extract, but a side larger than the input keeps its size and the
 *       input is placed in it (by x/xc or {@code fo}) with padding around.
 * </ul>
 *
 * A step without w/h (and without an extracting crop mode) leaves the size alone. Any output side
 * above {@link Limits#maxDimension()} is a 400.
 */
public final class GeometryPlanner {
  private final int maxDimension;

  /**
   * @param limits supplies the largest output side
   */
  public GeometryPlanner(Limits limits) {
    this.maxDimension = Objects.requireNonNull(limits, "limits").maxDimension();
  }

  /**
   * Plans one step for an input of the given size.
   *
   * @param sourceWidth input width in pixels, after EXIF orientation and earlier steps
   * @param sourceHeight input height in pixels
   * @param step the step
   * @return the plan
   * @throws io.imagegate.failure.ImageGateException (400) when the output would exceed the maximum
   *     dimension
   * @throws IllegalArgumentException when the input size is not positive
   */
  public ResizePlan plan(int sourceWidth, int sourceHeight, Step step) {
    if (sourceWidth < 1 || sourceHeight < 1) {
      throw new IllegalArgumentException(
          "input size must be positive, got " + sourceWidth + "x" + sourceHeight);
    }
    Size in = new Size(sourceWidth, sourceHeight);
    double dpr = step.dpr().orElse(1);
    Integer w = step.width().map(d -> target("w", d, sourceWidth, dpr)).orElse(null);
    Integer h = step.height().map(d -> target("h", d, sourceHeight, dpr)).orElse(null);
    if (step.aspectRatio().isPresent() && (w == null) != (h == null)) {
      AspectRatio ar = step.aspectRatio().get();
      if (w != null) {
        h = limit("h", Math.round((double) w * ar.height() / ar.width()));
      } else {
        w = limit("w", Math.round((double) h * ar.width() / ar.height()));
      }
    }
    Focus focus = step.focus().orElse(Focus.CENTER);
    if (step.cropMode().map(CropMode::extracts).orElse(false)) {
      return new ExtractPlanner(maxDimension).plan(in, w, h, step, focus);
    }
    if (w == null && h == null) {
      return ResizePlan.identity(sourceWidth, sourceHeight);
    }
    Crop crop = step.crop().orElse(Crop.MAINTAIN_RATIO);
    if (w == null || h == null) {
      return oneSide(in, w, h, crop);
    }
    if (step.cropMode().isPresent()) {
      return pad(in, w, h, focus);
    }
    return switch (crop) {
      case FORCE -> ResizePlan.scale(sourceWidth, sourceHeight, w, h);
      case AT_MAX ->
          w >= sourceWidth && h >= sourceHeight
              ? ResizePlan.identity(sourceWidth, sourceHeight)
              : fit(in, w, h);
      case AT_MAX_ENLARGE -> fit(in, w, h);
      case AT_LEAST -> {
        Size cover = in.cover(w, h);
        check(cover);
        yield ResizePlan.scale(sourceWidth, sourceHeight, cover.width(), cover.height());
      }
      case MAINTAIN_RATIO -> cover(in, w, h, focus);
    };
  }

  /** Only one of w/h: the other follows the input's ratio; at_max does not enlarge. */
  private ResizePlan oneSide(Size in, Integer w, Integer h, Crop crop) {
    boolean enlarges = w != null ? w > in.width() : h > in.height();
    if (crop == Crop.AT_MAX && enlarges) {
      return ResizePlan.identity(in.width(), in.height());
    }
    int width = w != null ? w : limit("w", Math.round((double) in.width() * h / in.height()));
    int height = h != null ? h : limit("h", Math.round((double) in.height() * w / in.width()));
    return ResizePlan.scale(in.width(), in.height(), width, height);
  }

  private ResizePlan fit(Size in, int w, int h) {
    Size fit = in.fit(w, h);
    return ResizePlan.scale(in.width(), in.height(), fit.width(), fit.height());
  }

  private ResizePlan cover(Size in, int w, int h, Focus focus) {
    Size scaled = in.cover(w, h);
    int sw = scaled.width();
    int sh = scaled.height();
    Rect crop =
        new Rect(anchor(sw - w, focus.horizontal()), anchor(sh - h, focus.vertical()), w, h);
    ResizePlan scaledOnly = ResizePlan.scale(in.width(), in.height(), sw, sh);
    boolean auto = focus == Focus.AUTO && (sw > w || sh > h);
    return new ResizePlan(
        in.width(), in.height(), sw, sh, crop, scaledOnly.sourceRegionOf(crop), w, h, 0, 0, auto);
  }

  private ResizePlan pad(Size in, int w, int h, Focus focus) {
    Size fit = in.fit(w, h);
    int cw = fit.width();
    int ch = fit.height();
    return new ResizePlan(
        in.width(),
        in.height(),
        cw,
        ch,
        new Rect(0, 0, cw, ch),
        new Rect(0, 0, in.width(), in.height()),
        w,
        h,
        anchor(w - cw, focus.horizontal()),
        anchor(h - ch, focus.vertical()),
        false);
  }

  /** Where a span starts when {@code excess} spare pixels are shared as the focus says. */
  public static int anchor(long excess, int direction) {
    long start = direction < 0 ? 0 : direction > 0 ? excess : Math.floorDiv(excess, 2);
    return (int) start;
  }

  private int target(String key, Dimension d, int inputSide, double dpr) {
    long value = Math.max(1, Math.round(d.resolve(inputSide) * dpr));
    if (value > maxDimension) {
      throw bad(
          "%s-%s%s gives %d pixels, above the limit of %d",
          key,
          d.token(),
          dpr == 1 ? "" : " with dpr-" + Values.decimalText(dpr),
          value,
          maxDimension);
    }
    return (int) value;
  }

  private int limit(String side, long value) {
    if (value > maxDimension) {
      throw bad(
          "the resulting %s would be %d pixels, above the limit of %d", side, value, maxDimension);
    }
    return (int) Math.max(1, value);
  }

  private void check(Size size) {
    limit("w", size.width());
    limit("h", size.height());
  }
}
