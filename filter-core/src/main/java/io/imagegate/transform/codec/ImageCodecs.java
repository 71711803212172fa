package io.imagegate.transform.codec;

import io.imagegate.limits.Limits;
import io.imagegate.source.ImageFormat;
import io.imagegate.transform.ops.PackedRows;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Function;

/**
 * Safe decoding and encoding of source images: the formats the transformations read and write, with
 * the size limits checked from the header first.
 *
 * <p>Formats are recognised by their magic bytes, never by the file name. JPEG, PNG, GIF, WebP and
 * BMP are rendered; SVG, AVIF, TIFF, ICO and unknown bytes are refused with 415 ({@code
 * unsupported_media_type}). Every limit is checked on header values before any pixel is allocated.
 * Empty, truncated and corrupt sources, and sources above a limit, are refused with 422 ({@code
 * unprocessable_image}); no reader exception escapes as anything else.
 *
 * <p>Decisions: a GIF is measured and decoded by its first frame, not by its logical screen, which
 * is never allocated (a 1x1 frame on a 65535x65535 screen is a 1x1 image); likewise an animated
 * WebP by its first frame, not its canvas. Animated GIF and WebP give their first frame. A
 * truncated JPEG, which libjpeg would silently fill with grey, is refused. Colour: CMYK/YCCK JPEGs
 * without an embedded profile are converted by TwelveMonkeys' generic CMYK profile where the
 * platform provides one and by the naive formula otherwise (Linux).
 *
 * <p>JPEG: 8-bit greyscale and YCbCr/RGB JPEGs are decoded by the JDK's libjpeg reader line by line
 * straight into the INT image (or its box-averaged reduction, see {@link #decode(Path, Limits, int,
 * int)}), so a full decode holds 4 bytes a pixel rather than the reader's 3-byte image plus its INT
 * copy, and a progressive JPEG, which that reader repaints once per scan, is copied only on its
 * last scan. CMYK and YCCK JPEGs, and any JPEG that path refuses, go through TwelveMonkeys.
 *
 * <p>Backends ({@link NativeCodecs}): with libjpeg-turbo, plain JPEGs are decoded (with DCT scaling
 * for shrink-on-load) and all JPEGs encoded natively; CMYK/YCCK JPEGs, and JPEGs it gives up on, go
 * through TwelveMonkeys. WebP (read and write) needs libwebp and AVIF (write) libavif; without them
 * those formats are 415 {@code format_unavailable}. The system property {@code
 * imagegate.codecs=java} forces the pure-Java backend. No ImageIO plugin is registered anywhere and
 * nothing is written to disk by the codecs (JNA itself unpacks its small dispatch library into its
 * cache directory, {@code jna.tmpdir}, once per class loader).
 */
public final class ImageCodecs {
  private ImageCodecs() {}

  /**
   * Takes a hold on the native libraries (loading them for the first holder) and returns the
   * one-line description of the backend that was chosen. Every call needs one {@link #release()}.
   *
   * @throws IllegalArgumentException when the system property {@code imagegate.codecs} has a value
   *     other than {@code auto}, {@code java} or a list of {@code turbojpeg, webp, avif}
   */
  public static String acquire() {
    return NativeCodecs.acquire();
  }

  /**
   * Gives a hold back; the last one closes the native libraries and stops JNA's thread, so nothing
   * native outlives the filter.
   */
  public static void release() {
    NativeCodecs.release();
  }

  /** Whether JPEGs are decoded by libjpeg-turbo (its DCT scaling on load). */
  public static boolean nativeJpeg() {
    return NativeCodecs.turbo() != null;
  }

  /** The backend in use, as {@link #acquire()} logs it. */
  public static String backend() {
    return NativeCodecs.current().description();
  }

  /**
   * Whether this server can write {@code format}: JPEG, PNG and GIF always, WebP with libwebp, AVIF
   * with libavif.
   */
  public static boolean canEncode(ImageFormat format) {
    return switch (format) {
      case JPEG, PNG, GIF -> true;
      case WEBP -> NativeCodecs.webp() != null;
      case AVIF -> NativeCodecs.avif() != null;
      default -> false;
    };
  }

  /**
   * The upright size {@link #decode(Path, Limits, int, int)} decodes a plain JPEG of {@code width x
   * height} to for the given minimum (its own size when it is not reduced); callers use it to check
   * beforehand that their geometry comes out the same on it.
   */
  public static int[] reducedSize(int width, int height, int minWidth, int minHeight) {
    return ImageDecoder.reducedSize(width, height, minWidth, minHeight);
  }

  /**
   * Reads a source's header: format, upright size and EXIF orientation. No pixel is decoded.
   *
   * @throws io.imagegate.failure.ImageGateException 415 for a format that is never rendered, 422
   *     for an empty or corrupt header or a source above {@code limits}
   * @throws java.io.UncheckedIOException when the file cannot be read at all
   */
  public static ImageInfo probe(Path file, Limits limits) {
    return ImageDecoder.probe(
        Objects.requireNonNull(file, "file"), Objects.requireNonNull(limits, "limits"));
  }

  /**
   * Decodes a source's first frame: upright (EXIF orientation 1-8 applied), in sRGB (CMYK, YCCK and
   * embedded ICC profiles converted), as {@code TYPE_INT_ARGB} when the source has alpha and {@code
   * TYPE_INT_RGB} otherwise. The header is checked as in {@link #probe} first.
   *
   * @throws io.imagegate.failure.ImageGateException 415 or 422 as for {@link #probe}, and 422 for
   *     pixel data that is truncated or corrupt
   * @throws java.io.UncheckedIOException when the file cannot be read at all
   */
  public static DecodedImage decode(Path file, Limits limits) {
    return ImageDecoder.decode(
        Objects.requireNonNull(file, "file"), Objects.requireNonNull(limits, "limits"));
  }

  /**
   * Decodes a source for a known smaller output: shrink-on-load. A plain JPEG (not CMYK/YCCK) is
   * decoded reduced when that still leaves at least {@code minWidth x minHeight} upright pixels:
   * with libjpeg-turbo by its DCT scaling (the smallest of 1/2, 1/4, 1/8 that covers the minimum),
   * else straight into the {@code k x k} box average ({@link #reductionFactor}); {@link
   * #reducedSize} tells the size beforehand. The full-size pixels are never held in the heap, and
   * fine detail averages out instead of aliasing. Otherwise this is {@link #decode(Path, Limits)}.
   * Orientation, colour conversion and the returned {@link DecodedImage#info()} (the source's full
   * upright size) are as there; only the image may be smaller than {@code info}.
   *
   * @param minWidth the smallest acceptable upright width, at least 1
   * @param minHeight the smallest acceptable upright height, at least 1
   * @throws io.imagegate.failure.ImageGateException 415 or 422 as for {@link #decode(Path, Limits)}
   * @throws IllegalArgumentException when a minimum is below 1
   * @throws java.io.UncheckedIOException when the file cannot be read at all
   */
  public static DecodedImage decode(Path file, Limits limits, int minWidth, int minHeight) {
    return ImageDecoder.decode(
        Objects.requireNonNull(file, "file"),
        Objects.requireNonNull(limits, "limits"),
        minWidth,
        minHeight);
  }

  /**
   * Shrink-on-load and the first resample in one: a JPEG that libjpeg-turbo decodes, with no ICC
   * profile and no EXIF rotation, is decoded at the scale {@link #decode(Path, Limits, int, int)}
   * would use into native memory only, and {@code resize} makes the image the caller wants from
   * that buffer ({@link io.imagegate.transform.ops.RegionResample#resize(PackedRows, int, int, int,
   * int, int, int)}) before it is freed: the decoded image is never copied into the heap. Any other
   * source gives {@code null}, and the caller decodes it as usual.
   *
   * @param resize makes the result from the decoded pixels (their size is the reduced size)
   * @return the result as a decoded image (with the source's full-size {@code info}), or null
   * @throws io.imagegate.failure.ImageGateException 415 or 422 as for {@link #decode(Path, Limits)}
   * @throws IllegalArgumentException when a minimum is below 1
   */
  public static DecodedImage decodeResized(
      Path file,
      Limits limits,
      int minWidth,
      int minHeight,
      Function<PackedRows, BufferedImage> resize) {
    if (NativeCodecs.turbo() == null) {
      return null;
    }
    return ImageDecoder.decodeResized(
        Objects.requireNonNull(file, "file"),
        Objects.requireNonNull(limits, "limits"),
        minWidth,
        minHeight,
        Objects.requireNonNull(resize, "resize"));
  }

  /**
   * The whole factor by which the pure-Java path of {@link #decode(Path, Limits, int, int)} reduces
   * a JPEG of {@code width x height} upright pixels for the given minimum, 1 when it does not
   * reduce: {@code min(width / minWidth, height / minHeight)}, at most 1024. The reduced size is
   * {@code ceil(width / k) x ceil(height / k)}; callers use this to check beforehand that their
   * geometry comes out the same on it.
   *
   * @throws IllegalArgumentException when a minimum is below 1
   */
  public static int reductionFactor(int width, int height, int minWidth, int minHeight) {
    return ImageDecoder.reductionFactor(width, height, minWidth, minHeight);
  }

  /**
   * Encodes a rendered image. Metadata is written only when {@code options.exif()} is given, and
   * only into JPEG.
   *
   * @throws io.imagegate.failure.ImageGateException 422 when the image is larger than the format
   *     can store (WebP 16383, JPEG 65500, GIF 65535 pixels per side); 415 {@code
   *     format_unavailable} for WebP or AVIF without the native library; 503 when the encoder fails
   *     or memory runs out (never an empty or partial image)
   */
  public static byte[] encode(BufferedImage image, EncodeOptions options) {
    return ImageEncoder.encode(
        Objects.requireNonNull(image, "image"), Objects.requireNonNull(options, "options"));
  }
}
