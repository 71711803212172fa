package io.imagegate.transform.codec;

import io.imagegate.response.ImageGateException;
import io.imagegate.source.ImageFormat;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.Locale;
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

  static ImageInfo probe(Path file, DecodeLimits limits) {
    try (OpenedSource source = OpenedSource.open(file, limits)) {
      return source.info();
    }
  }

  static DecodedImage decode(Path file, DecodeLimits limits) {
    return decode(file, limits, 1);
  }

  /**
   * Decodes, reduced by {@code factor} when that is at least 2. A JPEG the line-by-line path
   * handles goes through it even at factor 1: it writes straight into the INT image, so a full
   * decode holds 4 bytes a pixel instead of the reader's 3-byte image plus the INT copy.
   */
  private static DecodedImage decode(Path file, DecodeLimits limits, int factor) {
    try (OpenedSource source = OpenedSource.open(file, limits)) {
      ImageInfo info = source.info();
      if (info.format() == ImageFormat.JPEG) {
        BufferedImage lines = readReduced(source, factor);
        if (lines != null) {
          BufferedImage upright = Orientation.apply(lines, info.exifOrientation());
          return new DecodedImage(upright, info, ExifOrientation.resetToUpright(source.exif()));
        }
      }
    }
    return decodeWithPlugins(file, limits);
  }

  /** The full decode through the format's ImageIO plugin (TwelveMonkeys for JPEG). */
  private static DecodedImage decodeWithPlugins(Path file, DecodeLimits limits) {
    try (OpenedSource source = OpenedSource.open(file, limits)) {
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
   * As {@link #decode(Path, DecodeLimits)}, but a JPEG that a whole factor of at least 2 leaves at
   * least {@code minWidth x minHeight} (upright) is decoded reduced by that factor.
   */
  static DecodedImage decode(Path file, DecodeLimits limits, int minWidth, int minHeight) {
    reductionFactor(1, 1, minWidth, minHeight); // validates the minimum before any I/O
    ImageInfo info;
    try (OpenedSource source = OpenedSource.open(file, limits)) {
      info = source.info();
    }
    return decode(file, limits, reductionFactor(info.width(), info.height(), minWidth, minHeight));
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
