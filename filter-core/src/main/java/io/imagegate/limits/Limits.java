package io.imagegate.limits;

/**
 * The bounds a request must stay within: the {@code limits.*} configuration keys, plus the largest
 * source file decoded at all. One record, read by the configuration, the transformation parser and
 * planner (dimension, dpr, steps, overlays, length) and the codecs (source, output and file size);
 * everything is checked before a pixel is decoded, so that a URL cannot ask for more work or memory
 * than the operator allows. Each bound is validated here, and a message names the bound and its
 * configuration key.
 *
 * @param maxSourcePixels {@code limits.max-source-pixels}: the largest width × height a source may
 *     declare, read from its header
 * @param maxOutputPixels {@code limits.max-output-pixels}: the largest image a transformation step
 *     may make, computed from the header and the transformation before decoding
 * @param maxFileBytes the largest source file that is decoded at all (not configurable)
 * @param maxDimension {@code limits.max-dimension}: largest output width or height, after {@code
 *     dpr}
 * @param maxDpr {@code limits.max-dpr}: largest accepted {@code dpr}
 * @param maxSteps {@code limits.max-steps}: most chained steps, after named transformations expand
 * @param maxOverlays {@code limits.max-overlays}: most overlays per request, nested ones included
 * @param maxTransformationLength {@code limits.max-transformation-length}: most characters in the
 *     raw transformation string
 */
public record Limits(
    long maxSourcePixels,
    long maxOutputPixels,
    long maxFileBytes,
    int maxDimension,
    double maxDpr,
    int maxSteps,
    int maxOverlays,
    int maxTransformationLength) {

  /** 50 megapixels: a full decode is then at most 200 MB as {@code TYPE_INT_ARGB}. */
  public static final long DEFAULT_MAX_SOURCE_PIXELS = 50_000_000L;

  /** 40 megapixels: an output of at most 160 MB as {@code TYPE_INT_ARGB}. */
  public static final long DEFAULT_MAX_OUTPUT_PIXELS = 40_000_000L;

  /** 100 MiB: larger than any reasonable photo, small enough to bound header scans. */
  public static final long DEFAULT_MAX_FILE_BYTES = 100L * 1024 * 1024;

  private static final Limits DEFAULTS =
      new Limits(
          DEFAULT_MAX_SOURCE_PIXELS,
          DEFAULT_MAX_OUTPUT_PIXELS,
          DEFAULT_MAX_FILE_BYTES,
          8192,
          5.0,
          10,
          5,
          2048);

  /** Validates every bound: a limit of zero or below would refuse everything or nothing. */
  public Limits {
    atLeastOne("maxSourcePixels", "limits.max-source-pixels", maxSourcePixels);
    atLeastOne("maxOutputPixels", "limits.max-output-pixels", maxOutputPixels);
    atLeastOne("maxFileBytes", null, maxFileBytes);
    atLeastOne("maxDimension", "limits.max-dimension", maxDimension);
    atLeastOne("maxSteps", "limits.max-steps", maxSteps);
    atLeastOne(
        "maxTransformationLength", "limits.max-transformation-length", maxTransformationLength);
    if (maxOverlays < 0) {
      throw new IllegalArgumentException(
          "maxOverlays (limits.max-overlays) must be 0 or more, got " + maxOverlays);
    }
    if (!(maxDpr >= 0.1) || Double.isInfinite(maxDpr)) {
      throw new IllegalArgumentException(
          "maxDpr (limits.max-dpr) must be at least 0.1, got " + maxDpr);
    }
  }

  /**
   * The documented defaults (the README's Configuration table): 50 000 000 source pixels, 40 000
   * 000 output pixels, 100 MiB files, 8192 px, dpr 5, 10 steps, 5 overlays, 2048 characters.
   */
  public static Limits defaults() {
    return DEFAULTS;
  }

  /** These limits with {@code limits.max-source-pixels} replaced. */
  public Limits withMaxSourcePixels(long pixels) {
    return new Limits(
        pixels,
        maxOutputPixels,
        maxFileBytes,
        maxDimension,
        maxDpr,
        maxSteps,
        maxOverlays,
        maxTransformationLength);
  }

  /** These limits with {@code limits.max-output-pixels} replaced. */
  public Limits withMaxOutputPixels(long pixels) {
    return new Limits(
        maxSourcePixels,
        pixels,
        maxFileBytes,
        maxDimension,
        maxDpr,
        maxSteps,
        maxOverlays,
        maxTransformationLength);
  }

  /** These limits with the largest decoded file replaced. */
  public Limits withMaxFileBytes(long bytes) {
    return new Limits(
        maxSourcePixels,
        maxOutputPixels,
        bytes,
        maxDimension,
        maxDpr,
        maxSteps,
        maxOverlays,
        maxTransformationLength);
  }

  /** These limits with {@code limits.max-dimension} replaced. */
  public Limits withMaxDimension(int pixels) {
    return new Limits(
        maxSourcePixels,
        maxOutputPixels,
        maxFileBytes,
        pixels,
        maxDpr,
        maxSteps,
        maxOverlays,
        maxTransformationLength);
  }

  /** These limits with {@code limits.max-dpr} replaced. */
  public Limits withMaxDpr(double dpr) {
    return new Limits(
        maxSourcePixels,
        maxOutputPixels,
        maxFileBytes,
        maxDimension,
        dpr,
        maxSteps,
        maxOverlays,
        maxTransformationLength);
  }

  /** These limits with {@code limits.max-steps} replaced. */
  public Limits withMaxSteps(int steps) {
    return new Limits(
        maxSourcePixels,
        maxOutputPixels,
        maxFileBytes,
        maxDimension,
        maxDpr,
        steps,
        maxOverlays,
        maxTransformationLength);
  }

  /** These limits with {@code limits.max-overlays} replaced. */
  public Limits withMaxOverlays(int overlays) {
    return new Limits(
        maxSourcePixels,
        maxOutputPixels,
        maxFileBytes,
        maxDimension,
        maxDpr,
        maxSteps,
        overlays,
        maxTransformationLength);
  }

  /** These limits with {@code limits.max-transformation-length} replaced. */
  public Limits withMaxTransformationLength(int characters) {
    return new Limits(
        maxSourcePixels,
        maxOutputPixels,
        maxFileBytes,
        maxDimension,
        maxDpr,
        maxSteps,
        maxOverlays,
        characters);
  }

  private static void atLeastOne(String name, String key, long value) {
    if (value < 1) {
      throw new IllegalArgumentException(
          name + (key == null ? "" : " (" + key + ")") + " must be 1 or more, got " + value);
    }
  }
}
