package io.imagegate.transform.model;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * One step of a transformation chain: the parameters between two {@code :}, typed and validated,
 * keyed by the rows of the transformation key table ({@link Param}). An absent value means the
 * parameter was not given (defaults are applied by the consumer, e.g. {@link Crop#MAINTAIN_RATIO},
 * {@link Focus#CENTER}, {@link Color#WHITE} padding). A flag ({@code e-grayscale}, {@code
 * e-contrast}, {@code orig-true}) is present only as {@code true}.
 *
 * <p>A stage reads its key with {@link #get}; the named accessors ({@link #width()}, {@link
 * #crop()}, ...) are one-line delegates for the {@link StepParams} that the model and the geometry
 * reason about. Two steps are equal when their values, overlays and expressions are.
 *
 * <p>Suggested order for a renderer: resize and crop ({@link
 * io.imagegate.transform.geometry.GeometryPlanner}), then rotation, effects, radius, border, and
 * last the overlays, in list order.
 *
 * @param values the parameters given, by param; each value of its param's type
 * @param overlays image overlays of this step, legacy and layer form alike, in drawing order
 * @param expressions {@code w}, {@code h}, {@code x} and {@code y} given as ImageKit arithmetic
 *     expressions ({@code w-iw_div_2}), by key; such a key has no value of its own until the
 *     renderer resolves the expressions against the image ({@link #resolve})
 */
public record Step(
    Map<Param<?>, Object> values, List<Overlay> overlays, Map<String, Arithmetic> expressions) {

  /** Sharpening amount for a bare {@code e-sharpen}. */
  public static final int DEFAULT_SHARPEN = 50;

  /** Trim threshold for {@code t-true}. */
  public static final int DEFAULT_TRIM = 10;

  /**
   * The {@code trim} of {@code t-false} inside a layer: do not trim the overlay, which ImageKit
   * (and so imagegate) otherwise does by default.
   */
  public static final int NO_TRIM = 0;

  private static final Step EMPTY = new Step(Map.of(), List.of(), Map.of());

  /** Checks every value against its param's type and freezes the collections. */
  public Step {
    values.forEach((param, value) -> param.cast(Objects.requireNonNull(value, param.name())));
    values = Map.copyOf(values);
    overlays = List.copyOf(overlays);
    expressions = Collections.unmodifiableMap(new TreeMap<>(expressions));
  }

  /** A step without any parameter: the nested transformation of a plain overlay. */
  public static Step empty() {
    return EMPTY;
  }

  /** The value of a key, if given. */
  public <T> Optional<T> get(Param<T> param) {
    return Optional.ofNullable(param.cast(values.get(param)));
  }

  /** The value of a whole-number key, if given. */
  public OptionalInt getInt(Param<Integer> param) {
    Integer v = param.cast(values.get(param));
    return v == null ? OptionalInt.empty() : OptionalInt.of(v);
  }

  /** Whether a flag ({@code e-grayscale}, {@code orig-true}, ...) is given. */
  public boolean has(Param<Boolean> param) {
    return Boolean.TRUE.equals(values.get(param));
  }

  /** This step with a key set to a value, or taken out when {@code value} is null. */
  public <T> Step with(Param<T> param, T value) {
    Map<Param<?>, Object> changed = new HashMap<>(values);
    if (value == null) {
      changed.remove(param);
    } else {
      changed.put(param, value);
    }
    return new Step(changed, overlays, expressions);
  }

  // The keys the model and the geometry read by name.

  public Optional<Dimension> width() {
    return get(StepParams.WIDTH);
  }

  public Optional<Dimension> height() {
    return get(StepParams.HEIGHT);
  }

  public Optional<AspectRatio> aspectRatio() {
    return get(StepParams.ASPECT_RATIO);
  }

  public Optional<Crop> crop() {
    return get(StepParams.CROP);
  }

  public Optional<CropMode> cropMode() {
    return get(StepParams.CROP_MODE);
  }

  public Optional<Focus> focus() {
    return get(StepParams.FOCUS);
  }

  public OptionalInt x() {
    return getInt(StepParams.X);
  }

  public OptionalInt y() {
    return getInt(StepParams.Y);
  }

  public OptionalInt xc() {
    return getInt(StepParams.XC);
  }

  public OptionalInt yc() {
    return getInt(StepParams.YC);
  }

  public OptionalDouble dpr() {
    return get(StepParams.DPR).map(OptionalDouble::of).orElse(OptionalDouble.empty());
  }

  public OptionalInt quality() {
    return getInt(StepParams.QUALITY);
  }

  public Optional<OutputFormat> format() {
    return get(StepParams.FORMAT);
  }

  public Optional<Boolean> progressive() {
    return get(StepParams.PROGRESSIVE);
  }

  public Optional<Boolean> lossless() {
    return get(StepParams.LOSSLESS);
  }

  public Optional<Boolean> metadata() {
    return get(StepParams.METADATA);
  }

  public Optional<Color> background() {
    return get(StepParams.BACKGROUND);
  }

  public Optional<Border> border() {
    return get(StepParams.BORDER);
  }

  public Optional<Radius> radius() {
    return get(StepParams.RADIUS);
  }

  public Optional<Rotation> rotation() {
    return get(StepParams.ROTATION);
  }

  public OptionalInt blur() {
    return getInt(StepParams.BLUR);
  }

  public boolean grayscale() {
    return has(StepParams.GRAYSCALE);
  }

  public OptionalInt sharpen() {
    return getInt(StepParams.SHARPEN);
  }

  public boolean contrast() {
    return has(StepParams.CONTRAST);
  }

  public OptionalInt trim() {
    return getInt(StepParams.TRIM);
  }

  public boolean original() {
    return has(StepParams.ORIGINAL);
  }

  /** Whether this step asks for a size ({@code w}, {@code h} or an extracting crop mode). */
  public boolean resizes() {
    return width().isPresent()
        || height().isPresent()
        || expressions.containsKey("w")
        || expressions.containsKey("h")
        || cropMode().map(CropMode::extracts).orElse(false);
  }

  /**
   * This step with its expressions evaluated: {@code w}/{@code h} as whole pixels (at least 1),
   * {@code x}/{@code y} as pixels (at least 0); the step itself when it has none.
   *
   * @throws io.imagegate.failure.ImageGateException (400) when a value is out of range
   */
  public Step resolve(Arithmetic.Variables vars, int maxDimension) {
    if (expressions.isEmpty()) {
      return this;
    }
    Map<Param<?>, Object> resolved = new HashMap<>(values);
    for (Map.Entry<String, Arithmetic> e : expressions.entrySet()) {
      String key = e.getKey();
      switch (key) {
        case "w" ->
            resolved.put(StepParams.WIDTH, Expressions.size(key, e.getValue(), vars, maxDimension));
        case "h" ->
            resolved.put(
                StepParams.HEIGHT, Expressions.size(key, e.getValue(), vars, maxDimension));
        case "x" -> resolved.put(StepParams.X, Expressions.coordinate(key, e.getValue(), vars));
        case "y" -> resolved.put(StepParams.Y, Expressions.coordinate(key, e.getValue(), vars));
        default -> throw new IllegalStateException("no expression key " + key);
      }
    }
    return new Step(resolved, overlays, Map.of());
  }

  /** This step with another trim: how an overlay's own trimming is taken out of its step. */
  public Step withTrim(OptionalInt newTrim) {
    return with(StepParams.TRIM, newTrim.isPresent() ? newTrim.getAsInt() : null);
  }

  /** This step with another width and height: how an overlay's size meets its transformation. */
  public Step withSize(Optional<Dimension> newWidth, Optional<Dimension> newHeight) {
    return with(StepParams.WIDTH, newWidth.orElse(null))
        .with(StepParams.HEIGHT, newHeight.orElse(null));
  }
}
