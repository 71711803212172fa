package io.imagegate.transform.codec;

import io.imagegate.source.ImageFormat;
import java.util.Objects;

/**
 * What a source's header says, read without decoding pixels.
 *
 * <p>{@code width} and {@code height} are the upright size, after the EXIF orientation has been
 * applied: for orientations 5 to 8 they are the stored height and width. Resize and crop boxes are
 * computed on this size. For a GIF they are the first frame's size, not the logical screen.
 *
 * @param format the format recognised from the leading bytes
 * @param width the upright width in pixels
 * @param height the upright height in pixels
 * @param exifOrientation the EXIF orientation, 1 to 8; 1 when absent or out of range
 */
public record ImageInfo(ImageFormat format, int width, int height, int exifOrientation) {
  /** Validates the fields. */
  public ImageInfo {
    Objects.requireNonNull(format, "format");
    if (width < 1 || height < 1) {
      throw new IllegalArgumentException("size must be positive but was " + width + "x" + height);
    }
    if (exifOrientation < 1 || exifOrientation > 8) {
      throw new IllegalArgumentException("exifOrientation must be 1-8 but was " + exifOrientation);
    }
  }

  /** Width times height, as a long so that it cannot overflow. */
  public long pixels() {
    return (long) width * height;
  }
}
