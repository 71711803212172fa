package io.imagegate.transform.pipeline;

import io.imagegate.failure.Failure;
import io.imagegate.failure.ImageGateException;
import io.imagegate.transform.model.CropMode;
import io.imagegate.transform.model.Dimension;
import io.imagegate.transform.model.Overlay;
import io.imagegate.transform.model.Step;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * The step that renders an overlay image: its own transformation with its width and height ({@link
 * Overlay#effectiveStep()}), resolved to pixels and multiplied by the scale of the image it is
 * drawn on.
 *
 * <p>Scale is the {@code dpr} of the base image's step (only when that step sizes the image, as
 * only then does dpr change it), times that of any parent overlay: so {@code ow-150} at {@code
 * dpr-2} is 300 px wide, and the dpr-2 image looks like the dpr-1 one at double density. Fractions
 * are shares of the overlay image's own size, as {@code w}/{@code h} are on any image (ImageKit's
 * {@code iw} inside a layer is the overlay's own width). An overlay without a size keeps its
 * natural size, times the scale.
 */
final class OverlaySizing {
  private final int maxDimension;

  OverlaySizing(int maxDimension) {
    this.maxDimension = maxDimension;
  }

  /**
   * @param overlay the overlay as parsed
   * @param naturalWidth the loaded overlay image's width
   * @param naturalHeight its height
   * @param scale the scale of the image it is drawn on (1 without dpr)
   * @return the step to render the overlay image with
   */
  Step step(Overlay overlay, int naturalWidth, int naturalHeight, double scale) {
    return step(overlay, naturalWidth, naturalHeight, scale, Optional.empty(), Optional.empty());
  }

  /**
   * As {@link #step(Overlay, int, int, double)}, with sizes from arithmetic expressions, which are
   * in the pixels of the image the overlay is drawn on and so are not scaled again.
   *
   * @param exactWidth the evaluated {@code w} expression, if there is one
   * @param exactHeight the evaluated {@code h} expression, if there is one
   */
  Step step(
      Overlay overlay,
      int naturalWidth,
      int naturalHeight,
      double scale,
      Optional<Dimension> exactWidth,
      Optional<Dimension> exactHeight) {
    Optional<Dimension> width =
        exactWidth.or(() -> overlay.width().map(d -> pixels("width", d, naturalWidth, scale)));
    Optional<Dimension> height =
        exactHeight.or(() -> overlay.height().map(d -> pixels("height", d, naturalHeight, scale)));
    boolean extracts = overlay.transformation().cropMode().map(CropMode::extracts).orElse(false);
    if (scale != 1 && width.isEmpty() && height.isEmpty() && !extracts) {
      width = Optional.of(pixels("width", Dimension.ofPixels(naturalWidth), naturalWidth, scale));
    }
    if (width.equals(overlay.width()) && height.equals(overlay.height())) {
      return overlay.effectiveStep();
    }
    return overlay.with(overlay.x(), overlay.y(), width, height).effectiveStep();
  }

  private Dimension pixels(String side, Dimension d, int natural, double scale) {
    if (scale == 1) {
      return d; // the planner resolves a fraction against the overlay's own size, as here
    }
    long value = Math.max(1, Math.round(d.resolve(natural) * scale));
    if (value > maxDimension) {
      throw ImageGateException.of(
          Failure.BAD_TRANSFORMATION,
          "an overlay %s of %s%s gives %d pixels, above the limit of %d",
          side,
          d.token(),
          " scaled by dpr " + BigDecimal.valueOf(scale).stripTrailingZeros().toPlainString(),
          value,
          maxDimension);
    }
    return Dimension.ofPixels((int) value);
  }
}
