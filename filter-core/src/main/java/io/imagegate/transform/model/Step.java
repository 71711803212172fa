package io.imagegate.transform.model;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * One step of a transformation chain: the parameters between two {@code :}, typed and validated. An
 * absent value means the parameter was not given (defaults are applied by the consumer, e.g. {@link
 * Crop#MAINTAIN_RATIO}, {@link Focus#CENTER}, {@link Color#WHITE} padding).
 *
 * <p>Suggested order for a renderer: resize and crop ({@link
 * io.imagegate.transform.geometry.GeometryPlanner}), then rotation, effects, radius, border, and
 * last the overlays, in list order.
 *
 * @param width {@code w}
 * @param height {@code h}
 * @param aspectRatio {@code ar}, only with exactly one of w/h (ignored when both are given)
 * @param crop {@code c}
 * @param cropMode {@code cm}
 * @param focus {@code fo}
 * @param x {@code x}: left edge of an extracted region, only with an extracting {@code cm}
 * @param y {@code y}: top edge of an extracted region
 * @param xc {@code xc}: horizontal centre of an extracted region
 * @param yc {@code yc}: vertical centre of an extracted region
 * @param dpr {@code dpr}, multiplies w and h
 * @param quality {@code q}, 1-100
 * @param format {@code f}
 * @param progressive {@code pr}
 * @param lossless {@code lo}
 * @param metadata {@code md}: keep metadata
 * @param background {@code bg}: padding and rotation fill
 * @param border {@code b}
 * @param radius {@code r}
 * @param rotation {@code rt}
 * @param blur {@code bl}, 1-100
 * @param grayscale {@code e-grayscale}
 * @param sharpen {@code e-sharpen[-N]}, 1-100 ({@value #DEFAULT_SHARPEN} when no N is given)
 * @param contrast {@code e-contrast}
 * @param trim {@code t}: threshold 1-99 ({@value #DEFAULT_TRIM} for {@code t-true}); in a layer,
 *     {@value #NO_TRIM} for {@code t-false}
 * @param original {@code orig-true}
 * @param overlays image overlays of this step, legacy and layer form alike, in drawing order
 * @param expressions {@code w}, {@code h}, {@code x} and {@code y} given as ImageKit arithmetic
 *     expressions ({@code w-iw_div_2}), by key; such a key has no value in its own component until
 *     the renderer resolves the expressions against the image ({@link #resolve})
 */
public record Step(
    Optional<Dimension> width,
    Optional<Dimension> height,
    Optional<AspectRatio> aspectRatio,
    Optional<Crop> crop,
    Optional<CropMode> cropMode,
    Optional<Focus> focus,
    OptionalInt x,
    OptionalInt y,
    OptionalInt xc,
    OptionalInt yc,
    OptionalDouble dpr,
    OptionalInt quality,
    Optional<OutputFormat> format,
    Optional<Boolean> progressive,
    Optional<Boolean> lossless,
    Optional<Boolean> metadata,
    Optional<Color> background,
    Optional<Border> border,
    Optional<Radius> radius,
    Optional<Rotation> rotation,
    OptionalInt blur,
    boolean grayscale,
    OptionalInt sharpen,
    boolean contrast,
    OptionalInt trim,
    boolean original,
    List<Overlay> overlays,
    Map<String, Arithmetic> expressions) {

  /** Sharpening amount for a bare {@code e-sharpen}. */
  public static final int DEFAULT_SHARPEN = 50;

  /** Trim threshold for {@code t-true}. */
  public static final int DEFAULT_TRIM = 10;

  /**
   * The {@code trim} of {@code t-false} inside a layer: do not trim the overlay, which ImageKit
   * (and so imagegate) otherwise does by default.
   */
  public static final int NO_TRIM = 0;

  private static final Step EMPTY =
      new Step(
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          OptionalInt.empty(),
          OptionalInt.empty(),
          OptionalInt.empty(),
          OptionalInt.empty(),
          OptionalDouble.empty(),
          OptionalInt.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          OptionalInt.empty(),
          false,
          OptionalInt.empty(),
          false,
          OptionalInt.empty(),
          false,
          List.of(),
          Map.of());

  /** Null-checks every component and freezes the overlay list. */
  public Step {
    Objects.requireNonNull(width, "width");
    Objects.requireNonNull(height, "height");
    Objects.requireNonNull(aspectRatio, "aspectRatio");
    Objects.requireNonNull(crop, "crop");
    Objects.requireNonNull(cropMode, "cropMode");
    Objects.requireNonNull(focus, "focus");
    Objects.requireNonNull(x, "x");
    Objects.requireNonNull(y, "y");
    Objects.requireNonNull(xc, "xc");
    Objects.requireNonNull(yc, "yc");
    Objects.requireNonNull(dpr, "dpr");
    Objects.requireNonNull(quality, "quality");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(progressive, "progressive");
    Objects.requireNonNull(lossless, "lossless");
    Objects.requireNonNull(metadata, "metadata");
    Objects.requireNonNull(background, "background");
    Objects.requireNonNull(border, "border");
    Objects.requireNonNull(radius, "radius");
    Objects.requireNonNull(rotation, "rotation");
    Objects.requireNonNull(blur, "blur");
    Objects.requireNonNull(sharpen, "sharpen");
    Objects.requireNonNull(trim, "trim");
    overlays = List.copyOf(overlays);
    expressions = Collections.unmodifiableMap(new TreeMap<>(expressions));
  }

  /** A step without expressions: the components as before expressions existed. */
  public Step(
      Optional<Dimension> width,
      Optional<Dimension> height,
      Optional<AspectRatio> aspectRatio,
      Optional<Crop> crop,
      Optional<CropMode> cropMode,
      Optional<Focus> focus,
      OptionalInt x,
      OptionalInt y,
      OptionalInt xc,
      OptionalInt yc,
      OptionalDouble dpr,
      OptionalInt quality,
      Optional<OutputFormat> format,
      Optional<Boolean> progressive,
      Optional<Boolean> lossless,
      Optional<Boolean> metadata,
      Optional<Color> background,
      Optional<Border> border,
      Optional<Radius> radius,
      Optional<Rotation> rotation,
      OptionalInt blur,
      boolean grayscale,
      OptionalInt sharpen,
      boolean contrast,
      OptionalInt trim,
      boolean original,
      List<Overlay> overlays) {
    this(
        width,
        height,
        aspectRatio,
        crop,
        cropMode,
        focus,
        x,
        y,
        xc,
        yc,
        dpr,
        quality,
        format,
        progressive,
        lossless,
        metadata,
        background,
        border,
        radius,
        rotation,
        blur,
        grayscale,
        sharpen,
        contrast,
        trim,
        original,
        overlays,
        Map.of());
  }

  /** A step without any parameter: the nested transformation of a plain overlay. */
  public static Step empty() {
    return EMPTY;
  }

  /** Whether this step asks for a size ({@code w}, {@code h} or an extracting crop mode). */
  public boolean resizes() {
    return width.isPresent()
        || height.isPresent()
        || expressions.containsKey("w")
        || expressions.containsKey("h")
        || cropMode.map(CropMode::extracts).orElse(false);
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
    Optional<Dimension> w = width;
    Optional<Dimension> h = height;
    OptionalInt newX = x;
    OptionalInt newY = y;
    for (Map.Entry<String, Arithmetic> e : expressions.entrySet()) {
      String key = e.getKey();
      switch (key) {
        case "w" -> w = Optional.of(Expressions.size(key, e.getValue(), vars, maxDimension));
        case "h" -> h = Optional.of(Expressions.size(key, e.getValue(), vars, maxDimension));
        case "x" -> newX = OptionalInt.of(Expressions.coordinate(key, e.getValue(), vars));
        case "y" -> newY = OptionalInt.of(Expressions.coordinate(key, e.getValue(), vars));
        default -> throw new IllegalStateException("no expression key " + key);
      }
    }
    return new Step(
        w,
        h,
        aspectRatio,
        crop,
        cropMode,
        focus,
        newX,
        newY,
        xc,
        yc,
        dpr,
        quality,
        format,
        progressive,
        lossless,
        metadata,
        background,
        border,
        radius,
        rotation,
        blur,
        grayscale,
        sharpen,
        contrast,
        trim,
        original,
        overlays,
        Map.of());
  }

  /** This step with another trim: how an overlay's own trimming is taken out of its step. */
  public Step withTrim(OptionalInt newTrim) {
    return new Step(
        width,
        height,
        aspectRatio,
        crop,
        cropMode,
        focus,
        x,
        y,
        xc,
        yc,
        dpr,
        quality,
        format,
        progressive,
        lossless,
        metadata,
        background,
        border,
        radius,
        rotation,
        blur,
        grayscale,
        sharpen,
        contrast,
        newTrim,
        original,
        overlays,
        expressions);
  }

  /** This step with another width and height: how an overlay's size meets its transformation. */
  public Step withSize(Optional<Dimension> newWidth, Optional<Dimension> newHeight) {
    return new Step(
        newWidth,
        newHeight,
        aspectRatio,
        crop,
        cropMode,
        focus,
        x,
        y,
        xc,
        yc,
        dpr,
        quality,
        format,
        progressive,
        lossless,
        metadata,
        background,
        border,
        radius,
        rotation,
        blur,
        grayscale,
        sharpen,
        contrast,
        trim,
        original,
        overlays,
        expressions);
  }
}
