package io.imagegate.transform.model;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * A layer drawn over a step's result: an image file, a text ({@link #text()}, {@code l-text}) or a
 * solid colour block ({@link #CANVAS}). The legacy form ({@code oi-logo.png,ofo-bottom_right,
 * ox-10,oy-N20,ow-100}) and the layer form ({@code l-image,i-logo.png,lfo-bottom_right,lx-10,
 * ly-N20,w-100,l-end}) parse to equal overlays, so they render and cache identically.
 *
 * <p>Placement, as in ImageKit: without position and offsets the overlay is centred; a positive
 * {@code x} ({@code y}) is the distance of the overlay's left (top) edge from the base image's left
 * (top) edge, a negative one the distance of the overlay's right (bottom) edge from the base
 * image's right (bottom) edge (ImageKit: negative values "change the direction"); where an offset
 * is given it wins over {@code position} on that axis. Width and height, when fractions, are shares
 * of the overlay image's own size, like {@code w}/{@code h} on any image (ImageKit's {@code w-0.5}
 * is half the input's width, and inside a layer the input is the overlay; sizes relative to the
 * base use its arithmetic expressions such as {@code bw_mul_0.5}). The renderer scales sizes and
 * offsets by the step's {@code dpr}.
 *
 * <p>Its values are keyed, like a {@link Step}'s, by the rows of the transformation key table
 * ({@link Param}); the named accessors are one-line delegates for the {@link OverlayParams}.
 *
 * @param values the layer's own parameters, by param: {@link OverlayParams#PATH} (the overlay image
 *     below the image root, {@code /}-separated, no leading {@code /}; absent for a text layer),
 *     {@code ofo}/{@code lfo} (never {@link Focus#AUTO}), {@code ox}/{@code lx}, {@code oy}/{@code
 *     ly}, {@code ow} or {@code w} inside a layer, {@code oh} or {@code h}, and {@code o-<0-100>}
 *     (or a text layer's / colour block's {@code al-<1-9>}, tens of percent): how opaque the layer
 *     is drawn, fully opaque when absent
 * @param transformation the layer's other parameters, nested layers included (empty for the legacy
 *     form); never carries a size or output format settings, which belong elsewhere ({@code dpr}
 *     and {@code q} are allowed, as in ImageKit's layers; {@code q} has no effect, the layer is
 *     never encoded on its own)
 * @param text for a text layer ({@code l-text}), what it draws; its {@code path} is then empty
 * @param expressions {@code w}, {@code h}, {@code lx} and {@code ly} given as arithmetic
 *     expressions ({@code lx-bw_mul_0.1}), by key; resolved when the layer is drawn
 */
public record Overlay(
    Map<Param<?>, Object> values,
    Step transformation,
    Optional<TextLayer> text,
    Map<String, Arithmetic> expressions) {

  /** The reserved path of a solid colour block, {@code l-image,i-ik_canvas,bg-..,w-..,h-..}. */
  public static final String CANVAS = "ik_canvas";

  /** An overlay of these parts ({@code path} empty for a text layer). */
  public Overlay(
      String path,
      Optional<Focus> position,
      OptionalInt x,
      OptionalInt y,
      Optional<Dimension> width,
      Optional<Dimension> height,
      Step transformation,
      OptionalInt opacity,
      Optional<TextLayer> text,
      Map<String, Arithmetic> expressions) {
    this(parts(path, position, x, y, width, height, opacity), transformation, text, expressions);
  }

  /** An image overlay without opacity, text or expressions: the form before they existed. */
  public Overlay(
      String path,
      Optional<Focus> position,
      OptionalInt x,
      OptionalInt y,
      Optional<Dimension> width,
      Optional<Dimension> height,
      Step transformation) {
    this(
        path,
        position,
        x,
        y,
        width,
        height,
        transformation,
        OptionalInt.empty(),
        Optional.empty(),
        Map.of());
  }

  /** Rejects parts the URL grammar cannot express, so every overlay has a canonical form. */
  public Overlay {
    values.forEach((param, value) -> param.cast(Objects.requireNonNull(value, param.name())));
    values = Map.copyOf(values);
    Objects.requireNonNull(transformation, "transformation");
    Objects.requireNonNull(text, "text");
    expressions = Collections.unmodifiableMap(new TreeMap<>(expressions));
    Object path = values.get(OverlayParams.PATH);
    boolean hasPath = path != null && !path.equals("");
    if (hasPath == text.isPresent() || values.get(OverlayParams.POSITION) == Focus.AUTO) {
      throw new IllegalArgumentException("an overlay needs a path and a fixed position");
    }
    Step t = transformation;
    if (t.width().isPresent()
        || t.height().isPresent()
        || t.format().isPresent()
        || t.progressive().isPresent()
        || t.lossless().isPresent()
        || t.metadata().isPresent()
        || t.original()) {
      throw new IllegalArgumentException(
          "an overlay's transformation cannot carry w, h, f, pr, lo, md or orig");
    }
  }

  private static Map<Param<?>, Object> parts(
      String path,
      Optional<Focus> position,
      OptionalInt x,
      OptionalInt y,
      Optional<Dimension> width,
      Optional<Dimension> height,
      OptionalInt opacity) {
    Map<Param<?>, Object> parts = new HashMap<>();
    if (!path.isEmpty()) {
      parts.put(OverlayParams.PATH, path);
    }
    position.ifPresent(v -> parts.put(OverlayParams.POSITION, v));
    x.ifPresent(v -> parts.put(OverlayParams.X, v));
    y.ifPresent(v -> parts.put(OverlayParams.Y, v));
    width.ifPresent(v -> parts.put(OverlayParams.WIDTH, v));
    height.ifPresent(v -> parts.put(OverlayParams.HEIGHT, v));
    opacity.ifPresent(v -> parts.put(OverlayParams.OPACITY, v));
    return parts;
  }

  private static <T> void set(Map<Param<?>, Object> values, Param<T> param, T value) {
    if (value == null) {
      values.remove(param);
    } else {
      values.put(param, value);
    }
  }

  /** The value of a key, if given. */
  public <T> Optional<T> get(Param<T> param) {
    return Optional.ofNullable(param.cast(values.get(param)));
  }

  private OptionalInt getInt(Param<Integer> param) {
    Integer v = param.cast(values.get(param));
    return v == null ? OptionalInt.empty() : OptionalInt.of(v);
  }

  public String path() {
    return get(OverlayParams.PATH).orElse("");
  }

  public Optional<Focus> position() {
    return get(OverlayParams.POSITION);
  }

  public OptionalInt x() {
    return getInt(OverlayParams.X);
  }

  public OptionalInt y() {
    return getInt(OverlayParams.Y);
  }

  public Optional<Dimension> width() {
    return get(OverlayParams.WIDTH);
  }

  public Optional<Dimension> height() {
    return get(OverlayParams.HEIGHT);
  }

  public OptionalInt opacity() {
    return getInt(OverlayParams.OPACITY);
  }

  /** Whether this is a solid colour block ({@code i-ik_canvas}) rather than an image file. */
  public boolean isCanvas() {
    return text.isEmpty() && path().equals(CANVAS);
  }

  /** Whether this layer draws an image file below the root (not text, not a colour block). */
  public boolean isImage() {
    return text.isEmpty() && !isCanvas();
  }

  /** This overlay with other placement and size: how its expressions meet the renderer. */
  public Overlay with(
      OptionalInt newX,
      OptionalInt newY,
      Optional<Dimension> newWidth,
      Optional<Dimension> newHeight) {
    Map<Param<?>, Object> changed = new HashMap<>(values);
    set(changed, OverlayParams.X, newX.isPresent() ? newX.getAsInt() : null);
    set(changed, OverlayParams.Y, newY.isPresent() ? newY.getAsInt() : null);
    set(changed, OverlayParams.WIDTH, newWidth.orElse(null));
    set(changed, OverlayParams.HEIGHT, newHeight.orElse(null));
    return new Overlay(changed, transformation, text, Map.of());
  }

  /**
   * The step that sizes the overlay image: its transformation with the overlay's width and height.
   * Give it to {@link io.imagegate.transform.geometry.GeometryPlanner#plan} with the overlay
   * image's own size.
   */
  public Step effectiveStep() {
    return transformation.withSize(width(), height());
  }
}
