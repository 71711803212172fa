package io.imagegate.transform.codec;

/**
 * Limits checked against a source's header before any pixel is decoded, so that a decompression
 * bomb or a lying header is a 422 without allocating the image.
 *
 * @param maxSourcePixels the largest width times height a source may declare
 * @param maxFileBytes the largest source file that is decoded at all
 * @param maxOutputPixels the largest image a transformation step may make ({@code
 *     limits.max-output-pixels}), checked before decoding
 */
public record DecodeLimits(long maxSourcePixels, long maxFileBytes, long maxOutputPixels) {
  /** 40 megapixels: an output of at most 160 MB as {@code TYPE_INT_ARGB}. */
  public static final long DEFAULT_MAX_OUTPUT_PIXELS = 40_000_000L;

  /** 50 megapixels: a full decode is then at most 200 MB as {@code TYPE_INT_ARGB}. */
  public static final long DEFAULT_MAX_SOURCE_PIXELS = 50_000_000L;

  /** 100 MiB: larger than any reasonable photo, small enough to bound header scans. */
  public static final long DEFAULT_MAX_FILE_BYTES = 100L * 1024 * 1024;

  /** Validates that both limits are positive. */
  public DecodeLimits {
    if (maxSourcePixels < 1) {
      throw new IllegalArgumentException(
          "maxSourcePixels must be positive but was " + maxSourcePixels);
    }
    if (maxFileBytes < 1) {
      throw new IllegalArgumentException("maxFileBytes must be positive but was " + maxFileBytes);
    }
    if (maxOutputPixels < 1) {
      throw new IllegalArgumentException(
          "maxOutputPixels must be positive but was " + maxOutputPixels);
    }
  }

  /** Limits with the default output limit. */
  public DecodeLimits(long maxSourcePixels, long maxFileBytes) {
    this(maxSourcePixels, maxFileBytes, DEFAULT_MAX_OUTPUT_PIXELS);
  }

  /**
   * The defaults: {@value #DEFAULT_MAX_SOURCE_PIXELS} pixels, {@value #DEFAULT_MAX_FILE_BYTES}
   * bytes.
   */
  public static DecodeLimits defaults() {
    return new DecodeLimits(
        DEFAULT_MAX_SOURCE_PIXELS, DEFAULT_MAX_FILE_BYTES, DEFAULT_MAX_OUTPUT_PIXELS);
  }
}
