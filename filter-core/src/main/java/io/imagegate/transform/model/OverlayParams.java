package io.imagegate.transform.model;

/**
 * The params of an {@link Overlay} that the renderer and the authorization read by name ({@link
 * Overlay#path()}, {@link Overlay#x()}, ...). The parser's layer rows are made from them; a layer
 * key added later needs no constant here: its row is its param, read with {@code overlay.get(ROW)}.
 * The legacy form ({@code oi}, {@code ofo}, {@code ox}, ...) is kept under the same params, so both
 * forms give equal overlays.
 */
public final class OverlayParams {
  private OverlayParams() {}

  /** {@code i} (or {@code oi}): the overlay image below the root; absent for a text layer. */
  public static final Param<String> PATH = Param.of("i", String.class);

  /** {@code lfo} (or {@code ofo}). */
  public static final Param<Focus> POSITION = Param.of("lfo", Focus.class);

  /** {@code lx} (or {@code ox}). */
  public static final Param<Integer> X = Param.of("lx", Integer.class);

  /** {@code ly} (or {@code oy}). */
  public static final Param<Integer> Y = Param.of("ly", Integer.class);

  /** {@code w} inside a layer (or {@code ow}): the layer's size. */
  public static final Param<Dimension> WIDTH = StepParams.WIDTH;

  /** {@code h} inside a layer (or {@code oh}). */
  public static final Param<Dimension> HEIGHT = StepParams.HEIGHT;

  /** {@code o} (or {@code al}, in tens of percent). */
  public static final Param<Integer> OPACITY = Param.of("o", Integer.class);
}
