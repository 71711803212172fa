package io.imagegate.transform.pipeline;

import io.imagegate.transform.Overlay;
import io.imagegate.transform.Step;
import io.imagegate.transform.ops.Composite;
import java.awt.image.BufferedImage;
import java.util.Objects;

/**
 * The last part of a step: its overlays, in list order, each loaded through {@link OverlayImages},
 * rendered with its own step ({@link OverlaySizing}: size, layer transformations, and its nested
 * layers drawn on it by the same renderer), placed ({@link OverlayPlacement}) and blended
 * source-over with its alpha, clipped at the edges.
 *
 * <p>Unlike the other stages this one calls out to the caller's loader, whose exceptions must reach
 * the caller unchanged; so it is not a {@link Stage} and is not guarded by the renderer's
 * translation of operation errors. Its own operations are pure arithmetic on sizes checked before.
 */
final class OverlayStage {
  private final StepRenderer renderer;
  private final OverlaySizing sizing;

  OverlayStage(StepRenderer renderer, OverlaySizing sizing) {
    this.renderer = renderer;
    this.sizing = sizing;
  }

  /**
   * @param base the step's image so far
   * @param step the step whose overlays to draw
   * @param images the caller's loader
   * @param scale the base image's scale ({@code dpr}) for overlay sizes and offsets
   */
  BufferedImage apply(BufferedImage base, Step step, OverlayImages images, double scale) {
    BufferedImage out = base;
    for (Overlay overlay : step.overlays()) {
      BufferedImage source =
          Objects.requireNonNull(images.load(overlay.path()), "the overlay loader returned null");
      Step own = sizing.step(overlay, source.getWidth(), source.getHeight(), scale);
      BufferedImage rendered = renderer.render(source, own, images, scale);
      OverlayPlacement at =
          OverlayPlacement.of(
              overlay,
              out.getWidth(),
              out.getHeight(),
              rendered.getWidth(),
              rendered.getHeight(),
              scale);
      out = Composite.overlay(out, rendered, at.x(), at.y());
    }
    return out;
  }
}
