package io.imagegate.transform.codec;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Safe decoding and encoding of source images (DESIGN.md §2, §5).
 *
 * <p>Formats are recognised by their magic bytes, never by the file name. JPEG, PNG, GIF, WebP
 * and BMP are rendered; SVG, AVIF, TIFF, ICO and unknown bytes are refused with 415
 * ({@code unsupported_media_type}). Every limit is checked on header values before any pixel is
 * allocated. Empty, truncated and corrupt sources, and sources above a limit, are refused with
 * 422 ({@code unprocessable_image}); no reader exception escapes as anything else.
 *
 * <p>Decisions: a GIF is measured and decoded by its first frame, not by its logical screen,
 * which is never allocated (a 1x1 frame on a 65535x65535 screen is a 1x1 image); likewise an
 * animated WebP by its first frame, not its canvas. Animated GIF and WebP give their first
 * frame. A truncated JPEG, which libjpeg would silently fill with grey, is refused. Colour:
 * CMYK/YCCK JPEGs without an embedded profile are converted by TwelveMonkeys' generic CMYK
 * profile where the platform provides one and by the naive formula otherwise (Linux).
 *
 * <p>Nothing is written to disk, except that webp-imageio extracts its native library (libwebp,
 * used to read and write WebP) once to {@code java.io.tmpdir}, or to the directory named by the
 * system property {@code com.luciad.imageio.webp.tmpdir}, on first use.
 */
public final class ImageCodecs {
  private ImageCodecs() {}

  /**
   * Reads a source's header: format, upright size and EXIF orientation. No pixel is decoded.
   *
   * @throws io.imagegate.response.ImageGateException 415 for a format that is never rendered,
   *     422 for an empty or corrupt header or a source above {@code limits}
   * @throws java.io.UncheckedIOException when the file cannot be read at all
   */
  public static ImageInfo probe(Path file, DecodeLimits limits) {
    return ImageDecoder.probe(Objects.requireNonNull(file, "file"), Objects.requireNonNull(limits, "limits"));
  }

  /**
   * Decodes a source's first frame: upright (EXIF orientation 1-8 applied), in sRGB (CMYK,
   * YCCK and embedded ICC profiles converted), as {@code TYPE_INT_ARGB} when the source has
   * alpha and {@code TYPE_INT_RGB} otherwise. The header is checked as in {@link #probe} first.
   *
   * @throws io.imagegate.response.ImageGateException 415 or 422 as for {@link #probe}, and 422
   *     for pixel data that is truncated or corrupt
   * @throws java.io.UncheckedIOException when the file cannot be read at all
   */
  public static DecodedImage decode(Path file, DecodeLimits limits) {
    return ImageDecoder.decode(Objects.requireNonNull(file, "file"), Objects.requireNonNull(limits, "limits"));
  }

  /**
   * Encodes a rendered image. Metadata is written only when {@code options.exif()} is given,
   * and only into JPEG.
   *
   * @throws io.imagegate.response.ImageGateException 422 when the image is larger than the
   *     format can store (WebP 16383, JPEG 65500, GIF 65535 pixels per side)
   */
  public static byte[] encode(BufferedImage image, EncodeOptions options) {
    return ImageEncoder.encode(Objects.requireNonNull(image, "image"), Objects.requireNonNull(options, "options"));
  }
}
