package io.imagegate.transform.codec;

import io.imagegate.failure.ImageGateException;
import io.imagegate.limits.Limits;
import io.imagegate.source.ImageFormat;
import io.imagegate.transform.ops.PackedRows;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Function;
import javax.imageio.ImageReader;
import javax.imageio.event.IIOReadWarningListener;

/**
 * Decodes the first frame of a source into an upright sRGB INT image: open and check the header,
 * read the pixels, convert the colours, apply the EXIF orientation.
 */
final class ImageDecoder {
  /** Box sums of 8-bit samples stay within an int up to this factor (255 x 1024^2 < 2^31). */
  static final int MAX_FACTOR = 1024;

  private static final System.Logger LOG = System.getLogger(ImageDecoder.class.getName());

  private ImageDecoder() {}

  static ImageInfo probe(Path file, Limits limits) {
    try (OpenedSource source = OpenedSource.probe(file, limits)) {
      return source.info();
    }
  }

  static DecodedImage decode(Path file, Limits limits) {
    return decodeAtLeast(file, limits, 0, 0);
  }

  /**
   * Decodes, reduced on load when that leaves at least {@code minWidth x minHeight} upright (0: no
   * reduction): natively by libjpeg-turbo's DCT scaling, else by the Java line path's box average.
   * A JPEG the Java line path handles goes through it even unreduced: it writes straight into the
   * INT image, so a full decode holds 4 bytes a pixel instead of the reader's 3-byte image plus the
   * INT copy.
   */
  private static DecodedImage decodeAtLeast(Path file, Limits limits, int minWidth, int minHeight) {
    try (OpenedSource source = OpenedSource.open(file, limits)) {
      ImageInfo info = source.info();
      BufferedImage stored = null;
      try {
        if (source.jpegHeader() != null) {
          int eighths =
              minWidth < 1
                  ? 8
                  : TurboJpeg.eighths(info.width(), info.height(), minWidth, minHeight);
          stored =
              TurboJpeg.decode(NativeCodecs.turbo(), source.bytes(), source.jpegHeader(), eighths);
          if (stored != null) {
            stored = SrgbConverter.toSrgb(stored, JpegIcc.read(source.bytes()));
          }
        } else if (source.webpFeatures() != null) {
          stored = LibWebp.decode(NativeCodecs.webp(), source.bytes(), source.webpFeatures());
          stored = SrgbConverter.toSrgb(stored, source.iccProfile());
        }
      } catch (Throwable thrown) {
        throw CodecFailures.translate(thrown, false);
      }
      if (stored == null && info.format() == ImageFormat.JPEG) {
        int factor =
            minWidth < 1 ? 1 : reductionFactor(info.width(), info.height(), minWidth, minHeight);
        stored = readReduced(source, factor);
      }
      if (stored != null) {
        BufferedImage upright = Orientation.apply(stored, info.exifOrientation());
        return new DecodedImage(upright, info, ExifOrientation.resetToUpright(source.exif()));
      }
    }
    return decodeWithPlugins(file, limits);
  }

  /** See {@link ImageCodecs#decodeResized}. */
  static DecodedImage decodeResized(
      Path file,
      Limits limits,
      int minWidth,
      int minHeight,
      Function<PackedRows, BufferedImage> resize) {
    reductionFactor(1, 1, minWidth, minHeight); // validates the minimum before any I/O
    try (OpenedSource source = OpenedSource.open(file, limits)) {
      ImageInfo info = source.info();
      if (source.jpegHeader() == null
          || info.exifOrientation() != 1
          || JpegIcc.read(source.bytes()) != null) {
        return null;
      }
      BufferedImage resized;
      try {
        int eighths = TurboJpeg.eighths(info.width(), info.height(), minWidth, minHeight);
        resized =
            TurboJpeg.decodeThen(
                NativeCodecs.turbo(), source.bytes(), source.jpegHeader(), eighths, resize);
      } catch (Throwable thrown) {
        throw CodecFailures.translate(thrown, false);
      }
      return resized == null ? null : new DecodedImage(resized, info, source.exif());
    }
  }

  /** The full decode through the format's ImageIO plugin (TwelveMonkeys for JPEG). */
  private static DecodedImage decodeWithPlugins(Path file, Limits limits) {
    try (OpenedSource source = OpenedSource.open(file, limits, true)) {
      ImageInfo info = source.info();
      BufferedImage image;
      try {
        image = readFirstFrame(source.reader());
        image = SrgbConverter.toSrgb(image, source.iccProfile());
        image = Orientation.apply(image, info.exifOrientation());
      } catch (Throwable thrown) {
        throw CodecFailures.translate(thrown, false);
      }
      return new DecodedImage(image, info, ExifOrientation.resetToUpright(source.exif()));
    }
  }

  /**
   * As {@link #decode(Path, Limits)}, but a JPEG is decoded reduced when that still leaves at least
   * {@code minWidth x minHeight} (upright); see {@link #reducedSize}.
   */
  static DecodedImage decode(Path file, Limits limits, int minWidth, int minHeight) {
    reductionFactor(1, 1, minWidth, minHeight); // validates the minimum before any I/O
    return decodeAtLeast(file, limits, minWidth, minHeight);
  }

  /**
   * The upright size {@link #decode(Path, Limits, int, int)} gives a plain (not CMYK) JPEG of
   * {@code width x height}: libjpeg-turbo's smallest n/8 scale that still covers the minimum when
   * it is loaded, else the Java path's {@code ceil(side / k)} for {@link #reductionFactor}.
   */
  static int[] reducedSize(int width, int height, int minWidth, int minHeight) {
    if (NativeCodecs.turbo() != null) {
      int eighths = TurboJpeg.eighths(width, height, minWidth, minHeight);
      return new int[] {TurboJpeg.scaled(width, eighths), TurboJpeg.scaled(height, eighths)};
    }
    int factor = reductionFactor(width, height, minWidth, minHeight);
    return new int[] {(width + factor - 1) / factor, (height + factor - 1) / factor};
  }

  /** See {@link ImageCodecs#reductionFactor}. */
  static int reductionFactor(int width, int height, int minWidth, int minHeight) {
    if (minWidth < 1 || minHeight < 1) {
      throw new IllegalArgumentException(
          "minimum size must be positive but was " + minWidth + "x" + minHeight);
    }
    int factor = Math.min(width / minWidth, height / minHeight);
    return Math.max(1, Math.min(factor, MAX_FACTOR));
  }

  /** The reduced stored image, or {@code null} to decode in full instead. */
  private static BufferedImage readReduced(OpenedSource source, int factor) {
    try {
      return ReducedJpeg.read(source.stream(), factor);
    } catch (ImageGateException | OutOfMemoryError refusal) {
      throw CodecFailures.translate(refusal, false);
    } catch (IOException | RuntimeException | StackOverflowError | InternalError other) {
      // Something this path does not know (an ICC profile the JDK rejects, an unusual layout):
      // the full decode, with TwelveMonkeys' fixes, decides.
      LOG.log(Level.DEBUG, "reduced JPEG decode failed; decoding in full", other);
      return null;
    }
  }

  private static BufferedImage readFirstFrame(ImageReader reader) throws IOException {
    TruncationListener truncation = new TruncationListener();
    reader.addIIOReadWarningListener(truncation);
    BufferedImage image = reader.read(0, reader.getDefaultReadParam());
    if (image == null || truncation.message != null) {
      // libjpeg fills a truncated JPEG with grey and only warns; such a result must never be
      // rendered and cached as if it were the image.
      throw CodecFailures.badData(null);
    }
    return image;
  }

  /** Remembers the warning libjpeg (and TwelveMonkeys) give for data that ends too soon. */
  private static final class TruncationListener implements IIOReadWarningListener {
    private String message;

    @Override
    public void warningOccurred(ImageReader source, String warning) {
      // Other warnings ("extraneous bytes before marker", a bogus APP segment) are common in
      // real camera files whose pixels are fine.
      if (warning != null && warning.toLowerCase(Locale.ROOT).contains("premature end")) {
        message = warning;
      }
    }
  }
}
