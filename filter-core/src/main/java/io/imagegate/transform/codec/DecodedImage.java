package io.imagegate.transform.codec;

import java.awt.image.BufferedImage;
import java.util.Objects;

/**
 * A decoded source: upright, in sRGB, of type {@link BufferedImage#TYPE_INT_ARGB} when the source
 * has alpha and {@link BufferedImage#TYPE_INT_RGB} otherwise.
 *
 * @param image the pixels; a new image owned by the caller
 * @param info the header information (upright size, orientation that was applied)
 * @param exif the source's raw EXIF (a TIFF structure starting with {@code II} or {@code MM},
 *     without the JPEG {@code Exif\0\0} prefix) with its orientation reset to 1 because the pixels
 *     are already upright; {@code null} when the source has none. Only for {@code md-true}.
 */
public record DecodedImage(BufferedImage image, ImageInfo info, byte[] exif) {
  /** Validates the fields and copies {@code exif}. */
  public DecodedImage {
    Objects.requireNonNull(image, "image");
    Objects.requireNonNull(info, "info");
    exif = exif == null ? null : exif.clone();
  }

  /** A copy of the raw EXIF, or {@code null}. */
  @Override
  public byte[] exif() {
    return exif == null ? null : exif.clone();
  }
}
