package io.imagegate.transform;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * One step of a transformation chain: the parameters between two {@code :}, typed and validated. An
 * absent value means the parameter was not given (defaults are applied by the consumer, e.g. {@link
 * Crop#MAINTAIN_RATIO}, {@link Focus#CENTER}, {@link Color#WHITE} padding).
 *
 * <p>Suggested order for a renderer: resize and crop ({@link GeometryPlanner}), then rotation,
 * effects, radius, border, and last the overlays, in list order.
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
 * @param trim {@code t}: threshold 1-99 ({@value #DEFAULT_TRIM} for {@code t-true})
 * @param original {@code orig-true}
 * @param overlays image overlays of this step, legacy and layer form alike, in drawing order
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
    List<Overlay> overlays) {

  /** Sharpening amount for a bare {@code e-sharpen}. */
  public static final int DEFAULT_SHARPEN = 50;

  /** Trim threshold for {@code t-true}. */
  public static final int DEFAULT_TRIM = 10;

  private static final Step EMPTY = StepDraft.emptyStep();

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
  }

  /** A step without any parameter: the nested transformation of a plain overlay. */
  public static Step empty() {
    return EMPTY;
  }

  /** Whether this step asks for a size ({@code w}, {@code h} or an extracting crop mode). */
  public boolean resizes() {
    return width.isPresent()
        || height.isPresent()
        || cropMode.map(CropMode::extracts).orElse(false);
  }

  /** The parameters as canonical text, e.g. {@code w-300,h-200,fo-top}. */
  @Override
  public String toString() {
    return Canonical.step(this);
  }

  /** This step with another width and height: how an overlay's size meets its transformation. */
  Step withSize(Optional<Dimension> newWidth, Optional<Dimension> newHeight) {
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
        overlays);
  }
}
