package io.imagegate.transform.codec;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.ImageReader;
import javax.imageio.event.IIOReadWarningListener;

/**
 * Decodes the first frame of a source into an upright sRGB INT image: open and check the
 * header, read the pixels, convert the colours, apply the EXIF orientation.
 */
final class ImageDecoder {
  private ImageDecoder() {}

  static ImageInfo probe(Path file, DecodeLimits limits) {
    try (OpenedSource source = OpenedSource.open(file, limits)) {
      return source.info();
    }
  }

  static DecodedImage decode(Path file, DecodeLimits limits) {
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
