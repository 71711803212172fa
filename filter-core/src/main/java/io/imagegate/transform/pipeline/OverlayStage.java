package io.imagegate.transform.pipeline;

import io.imagegate.failure.Failure;
import io.imagegate.failure.ImageGateException;
import io.imagegate.transform.model.Arithmetic;
import io.imagegate.transform.model.Color;
import io.imagegate.transform.model.Dimension;
import io.imagegate.transform.model.Overlay;
import io.imagegate.transform.model.Step;
import io.imagegate.transform.ops.Composite;
import io.imagegate.transform.ops.Corners;
import io.imagegate.transform.ops.Trim;
import java.awt.image.BufferedImage;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The last part of a step: its layers, in list order. An image layer is loaded through {@link
 * OverlayImages}, trimmed (as ImageKit trims overlay images unless {@code t-false}), rendered with
 * its own step ({@link OverlaySizing}: size, layer transformations, and its nested layers drawn on
 * it by the same renderer); a text layer is drawn by {@link TextRenderer}; a colour block ({@code
 * i-ik_canvas}) is filled. Each is then placed ({@link OverlayPlacement}) and blended source-over
 * with its alpha times its opacity ({@code o}/{@code al}), clipped at the edges. Arithmetic
 * expressions in {@code w}, {@code h}, {@code lx}, {@code ly} are evaluated here, with {@code
 * bw}/{@code bh} the image drawn on; {@code lx}/{@code ly} see the layer's final size as {@code
 * cw}/{@code ch}, as ImageKit documents.
 *
 * <p>Unlike the other stages this one calls out to the caller's loader, whose exceptions must reach
 * the caller unchanged; so it is not a {@link Stage} and is not guarded by the renderer's
 * translation of operation errors. Its own operations are pure arithmetic on sizes checked before.
 */
final class OverlayStage {
  private final StepRenderer renderer;
  private final OverlaySizing sizing;
  private final TextRenderer text;
  private final int maxDimension;

  OverlayStage(StepRenderer renderer, OverlaySizing sizing, TextRenderer text, int maxDimension) {
    this.renderer = renderer;
    this.sizing = sizing;
    this.text = text;
    this.maxDimension = maxDimension;
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
      int bw = out.getWidth();
      int bh = out.getHeight();
      Arithmetic.Variables onBase = new Arithmetic.Variables(0, 0, 0, 0, bw, bh);
      BufferedImage rendered;
      int iw;
      int ih;
      if (overlay.text().isPresent()) {
        rendered = text.render(overlay, scale, onBase, images);
        iw = rendered.getWidth();
        ih = rendered.getHeight();
      } else if (overlay.isCanvas()) {
        rendered = canvas(overlay, scale, onBase);
        iw = rendered.getWidth();
        ih = rendered.getHeight();
      } else {
        BufferedImage loaded =
            Objects.requireNonNull(images.load(overlay.path()), "the overlay loader returned null");
        BufferedImage source = trimmed(loaded, overlay.transformation().trim());
        iw = source.getWidth();
        ih = source.getHeight();
        Arithmetic.Variables own = new Arithmetic.Variables(iw, ih, iw, ih, bw, bh);
        Step sized =
            sizing.step(overlay, iw, ih, scale, exact(overlay, "w", own), exact(overlay, "h", own));
        rendered = renderer.render(source, sized.withTrim(OptionalInt.empty()), images, scale, own);
      }
      Arithmetic.Variables placed =
          new Arithmetic.Variables(iw, ih, rendered.getWidth(), rendered.getHeight(), bw, bh);
      OptionalInt x = offset(overlay, "lx", overlay.x(), placed);
      OptionalInt y = offset(overlay, "ly", overlay.y(), placed);
      OverlayPlacement at =
          OverlayPlacement.of(
              overlay,
              x,
              overlay.expressions().containsKey("lx") ? 1 : scale,
              y,
              overlay.expressions().containsKey("ly") ? 1 : scale,
              bw,
              bh,
              rendered.getWidth(),
              rendered.getHeight());
      double opacity = overlay.opacity().orElse(100) / 100.0;
      out = Composite.overlay(out, rendered, at.x(), at.y(), opacity);
    }
    return out;
  }

  /** ImageKit trims overlay images by default; {@code t-false} keeps them whole. */
  private static BufferedImage trimmed(BufferedImage image, OptionalInt trim) {
    int threshold = trim.orElse(Step.DEFAULT_TRIM);
    return threshold == Step.NO_TRIM ? image : Trim.trim(image, threshold);
  }

  private Optional<Dimension> exact(Overlay overlay, String key, Arithmetic.Variables vars) {
    Arithmetic e = overlay.expressions().get(key);
    if (e == null) {
      return Optional.empty();
    }
    return Optional.of(Dimension.ofPixels(pixels(key, e, vars)));
  }

  private static OptionalInt offset(
      Overlay overlay, String key, OptionalInt literal, Arithmetic.Variables vars) {
    Arithmetic e = overlay.expressions().get(key);
    if (e == null) {
      return literal;
    }
    long value = Math.round(e.evaluate(vars));
    return OptionalInt.of((int) Math.max(-999_999_999L, Math.min(999_999_999L, value)));
  }

  private int pixels(String key, Arithmetic e, Arithmetic.Variables vars) {
    long value = Math.round(e.evaluate(vars));
    if (value < 1 || value > maxDimension) {
      throw ImageGateException.of(
          Failure.BAD_TRANSFORMATION,
          "%s-%s gives %d pixels here; it must be 1 to %d",
          key,
          e.token(),
          value,
          maxDimension);
    }
    return (int) value;
  }

  /**
   * A solid colour block: {@code w} x {@code h} of {@code bg} (white when absent), rounded by r.
   */
  private BufferedImage canvas(Overlay overlay, double scale, Arithmetic.Variables vars) {
    int w = side(overlay, "w", overlay.width(), scale, vars);
    int h = side(overlay, "h", overlay.height(), scale, vars);
    Color color = overlay.transformation().background().orElse(Color.WHITE);
    int[] pixels = new int[w * h];
    java.util.Arrays.fill(pixels, color.argb());
    BufferedImage block = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
    block.setRGB(0, 0, w, h, pixels, 0, w);
    if (overlay.transformation().radius().isPresent()) {
      var r = overlay.transformation().radius().get();
      block = Corners.round(block, r.max() ? Corners.MAX : (int) Math.round(r.pixels() * scale), 0);
    }
    return block;
  }

  private int side(
      Overlay overlay,
      String key,
      Optional<Dimension> literal,
      double scale,
      Arithmetic.Variables vars) {
    Arithmetic e = overlay.expressions().get(key);
    if (e != null) {
      return pixels(key, e, vars);
    }
    long value = Math.round(literal.orElseThrow().pixels() * scale);
    if (value < 1 || value > maxDimension) {
      throw ImageGateException.of(
          Failure.BAD_TRANSFORMATION,
          "a colour block's %s gives %d pixels here; it must be 1 to %d",
          key,
          value,
          maxDimension);
    }
    return (int) value;
  }
}
