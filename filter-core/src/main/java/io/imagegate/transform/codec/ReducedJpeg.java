package io.imagegate.transform.codec;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.stream.ImageInputStream;

/**
 * Decodes a JPEG straight into a whole-factor reduction of itself: the JDK's libjpeg reader
 * delivers the lines into {@link BoxLines}, which box-averages them as they come, so a 16 MP photo
 * never exists at full size in the heap (the 64 MB INT image and the 48 MB byte image a full decode
 * makes). Box averaging is a true area filter: fine stripes average to grey instead of aliasing
 * into moiré as point subsampling ({@code ImageReadParam.setSourceSubsampling}) does.
 *
 * <p>At factor 1 the same path is the ordinary full decode of such a JPEG: lines go straight into
 * the INT image, without the reader's own 3-byte image beside it.
 *
 * <p>Only for what this path renders like TwelveMonkeys' decode: 8-bit greyscale or YCbCr/RGB JPEGs
 * (not CMYK or YCCK, which TwelveMonkeys converts with its profiles). An embedded ICC profile is
 * applied to the reduced image. Whatever else goes wrong, the caller falls back to the full decode,
 * which gives the authoritative result or refusal.
 */
final class ReducedJpeg {
  private ReducedJpeg() {}

  /**
   * The stored (not yet upright) image reduced by {@code factor} (1: not reduced), as a plain sRGB
   * {@code TYPE_INT_RGB}, or {@code null} when this JPEG is not one the path handles.
   *
   * @throws io.imagegate.failure.ImageGateException 422 when libjpeg reports truncated data
   * @throws IOException, IllegalStateException and anything a reader throws, meaning: use the full
   *     decode instead
   */
  static BufferedImage read(ImageInputStream stream, int factor) throws IOException {
    int scans = JpegScans.of(stream).count();
    stream.seek(0);
    ImageReader reader = Plugins.jdkJpegReader();
    try {
      reader.setInput(stream, true, true);
      ColorModel model = firstType(reader);
      if (model == null) {
        return null;
      }
      int bands = model.getNumComponents();
      BoxLines lines = new BoxLines(reader.getWidth(0), reader.getHeight(0), bands, factor, scans);
      ImageReadParam param = reader.getDefaultReadParam();
      param.setDestination(new BufferedImage(model, lines, false, null));
      boolean[] truncated = {false};
      reader.addIIOReadWarningListener(
          (source, warning) ->
              truncated[0] |=
                  warning != null && warning.toLowerCase(Locale.ROOT).contains("premature end"));
      reader.read(0, param);
      if (truncated[0]) {
        throw CodecFailures.badData(null); // as in the full decode: never a grey-filled image
      }
      BufferedImage reduced = lines.reduced();
      ColorSpace space = model.getColorSpace();
      boolean profiled = bands == 3 && space instanceof ICC_ColorSpace icc && !space.isCS_sRGB();
      return profiled ? SrgbConverter.fromProfile(reduced, (ICC_ColorSpace) space) : reduced;
    } finally {
      reader.dispose();
    }
  }

  /**
   * The colour model the reader decodes into without converting colours itself: sRGB, the embedded
   * profile's space, or grey; {@code null} for anything else (CMYK, YCCK, 4 channels).
   */
  private static ColorModel firstType(ImageReader reader) throws IOException {
    Iterator<ImageTypeSpecifier> types = reader.getImageTypes(0);
    if (!types.hasNext()) {
      return null;
    }
    ColorModel model = types.next().getColorModel();
    int type = model.getColorSpace().getType();
    boolean rgb = type == ColorSpace.TYPE_RGB && model.getNumComponents() == 3;
    boolean grey = type == ColorSpace.TYPE_GRAY && model.getNumComponents() == 1;
    return (rgb || grey) && !model.hasAlpha() && model.getComponentSize(0) == 8 ? model : null;
  }
}
