package io.imagegate.transform.model;

/**
 * The params of a {@link Step} that the model itself and the geometry read by name ({@link
 * Step#width()}, {@link Step#crop()}, ...). The parser's table rows for these keys are made from
 * them; a key added later needs no constant here: its row is its param.
 */
public final class StepParams {
  private StepParams() {}

  /** {@code w}. */
  public static final Param<Dimension> WIDTH = Param.of("w", Dimension.class);

  /** {@code h}. */
  public static final Param<Dimension> HEIGHT = Param.of("h", Dimension.class);

  /** {@code ar}, only with exactly one of w/h (ignored when both are given). */
  public static final Param<AspectRatio> ASPECT_RATIO = Param.of("ar", AspectRatio.class);

  /** {@code c}. */
  public static final Param<Crop> CROP = Param.of("c", Crop.class);

  /** {@code cm}. */
  public static final Param<CropMode> CROP_MODE = Param.of("cm", CropMode.class);

  /** {@code fo}. */
  public static final Param<Focus> FOCUS = Param.of("fo", Focus.class);

  /** {@code x}: left edge of an extracted region, only with an extracting {@code cm}. */
  public static final Param<Integer> X = Param.of("x", Integer.class);

  /** {@code y}: top edge of an extracted region. */
  public static final Param<Integer> Y = Param.of("y", Integer.class);

  /** {@code xc}: horizontal centre of an extracted region. */
  public static final Param<Integer> XC = Param.of("xc", Integer.class);

  /** {@code yc}: vertical centre of an extracted region. */
  public static final Param<Integer> YC = Param.of("yc", Integer.class);

  /** {@code dpr}, multiplies w and h. */
  public static final Param<Double> DPR = Param.of("dpr", Double.class);

  /** {@code q}, 1-100. */
  public static final Param<Integer> QUALITY = Param.of("q", Integer.class);

  /** {@code f}. */
  public static final Param<OutputFormat> FORMAT = Param.of("f", OutputFormat.class);

  /** {@code pr}. */
  public static final Param<Boolean> PROGRESSIVE = Param.of("pr", Boolean.class);

  /** {@code lo}. */
  public static final Param<Boolean> LOSSLESS = Param.of("lo", Boolean.class);

  /** {@code md}: keep metadata. */
  public static final Param<Boolean> METADATA = Param.of("md", Boolean.class);

  /** {@code bg}: padding and rotation fill. */
  public static final Param<Color> BACKGROUND = Param.of("bg", Color.class);

  /** {@code b}. */
  public static final Param<Border> BORDER = Param.of("b", Border.class);

  /** {@code r}. */
  public static final Param<Radius> RADIUS = Param.of("r", Radius.class);

  /** {@code rt}. */
  public static final Param<Rotation> ROTATION = Param.of("rt", Rotation.class);

  /** {@code bl}, 1-100. */
  public static final Param<Integer> BLUR = Param.of("bl", Integer.class);

  /** {@code e-grayscale}: a flag, present only as {@code true}. */
  public static final Param<Boolean> GRAYSCALE = Param.of("e-grayscale", Boolean.class);

  /** {@code e-sharpen[-N]}, 1-100 ({@value Step#DEFAULT_SHARPEN} when no N is given). */
  public static final Param<Integer> SHARPEN = Param.of("e-sharpen", Integer.class);

  /** {@code e-contrast}: a flag, present only as {@code true}. */
  public static final Param<Boolean> CONTRAST = Param.of("e-contrast", Boolean.class);

  /**
   * {@code t}: threshold 1-99 ({@value Step#DEFAULT_TRIM} for {@code t-true}); in a layer, {@value
   * Step#NO_TRIM} for {@code t-false}.
   */
  public static final Param<Integer> TRIM = Param.of("t", Integer.class);

  /** {@code orig-true}: a flag, present only as {@code true}. */
  public static final Param<Boolean> ORIGINAL = Param.of("orig", Boolean.class);
}
