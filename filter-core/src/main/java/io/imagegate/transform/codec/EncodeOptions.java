package io.imagegate.transform.codec;

import io.imagegate.source.ImageFormat;
import java.util.Objects;

/**
 * How to encode a rendered image.
 *
 * @param format JPEG, PNG, WEBP, GIF or AVIF (WebP and AVIF need their native library)
 * @param quality 1-100; JPEG, lossy WebP and AVIF quality, ignored by PNG, GIF and lossless WebP
 * @param progressive progressive JPEG ({@code pr-true}); ignored by other formats
 * @param lossless lossless WebP ({@code lo-true}); ignored by other formats
 * @param backgroundArgb the colour a JPEG is flattened onto when the image has alpha, as {@code
 *     0xAARRGGBB}; a translucent background is itself first composited onto white
 * @param exif raw EXIF (TIFF structure) to embed, or {@code null} to write none ({@code md-true}
 *     passes {@link DecodedImage#exif()}); only JPEG output carries it
 */
public record EncodeOptions(
    ImageFormat format,
    int quality,
    boolean progressive,
    boolean lossless,
    int backgroundArgb,
    byte[] exif) {
  /** ImageKit's default quality. */
  public static final int DEFAULT_QUALITY = 80;

  /** Opaque white, ImageKit's background for flattening transparent images. */
  public static final int WHITE = 0xFFFFFFFF;

  /** Validates the fields and copies {@code exif}. */
  public EncodeOptions {
    Objects.requireNonNull(format, "format");
    switch (format) {
      case JPEG, PNG, WEBP, GIF, AVIF -> {}
      default ->
          throw new IllegalArgumentException(
              "cannot encode " + format + "; use JPEG, PNG, WEBP, GIF or AVIF");
    }
    if (quality < 1 || quality > 100) {
      throw new IllegalArgumentException("quality must be 1-100 but was " + quality);
    }
    exif = exif == null ? null : exif.clone();
  }

  /** Options with the given format and quality: baseline, lossy, white background, no EXIF. */
  public static EncodeOptions of(ImageFormat format, int quality) {
    return new EncodeOptions(format, quality, false, false, WHITE, null);
  }

  /** A copy of the EXIF to embed, or {@code null}. */
  @Override
  public byte[] exif() {
    return exif == null ? null : exif.clone();
  }
}
