package io.imagegate.transform.codec;

import java.awt.AlphaComposite;
import java.awt.Graphics2D;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.awt.image.ColorConvertOp;
import java.awt.image.ColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferInt;
import java.awt.image.DirectColorModel;
import java.awt.image.SinglePixelPackedSampleModel;
import java.awt.image.WritableRaster;

/**
 * Brings a decoded image to sRGB in a plain {@code TYPE_INT_ARGB} (source has alpha) or {@code
 * TYPE_INT_RGB} image, the form every transformation step expects.
 *
 * <p>TwelveMonkeys already turns CMYK and YCCK JPEGs and JPEGs with embedded ICC profiles into
 * sRGB. What is left: other pixel layouts (indexed, 16-bit, grey, BGR bytes), any non-sRGB colour
 * space a reader reports, and the ICC profiles of PNG ({@code iCCP}) and WebP ({@code ICCP}), which
 * the JDK's PNG reader and libwebp ignore and which are applied here.
 */
final class SrgbConverter {
  private static final ColorSpace SRGB = ColorSpace.getInstance(ColorSpace.CS_sRGB);

  private SrgbConverter() {}

  /**
   * @param image what the reader returned
   * @param assignedIcc an ICC profile the reader did not apply (PNG, WebP), or {@code null}
   */
  static BufferedImage toSrgb(BufferedImage image, byte[] assignedIcc) {
    BufferedImage plain = toPlainInt(image);
    ICC_ColorSpace assigned = rgbColorSpace(assignedIcc);
    return assigned == null ? plain : convert(plain, assigned);
  }

  /** A plain INT image holding the same sRGB colours; {@code image} itself when it is one. */
  static BufferedImage toPlainInt(BufferedImage image) {
    int type =
        image.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
    if (image.getType() == type && isPlain(image)) {
      return image;
    }
    BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), type);
    ColorSpace space = image.getColorModel().getColorSpace();
    if (!space.isCS_sRGB() && space.getType() != ColorSpace.TYPE_GRAY) {
      // A reader reported another colour space: let the colour management convert it.
      // Grey is excluded: the JDK labels gamma-encoded grey JPEG/PNG samples with its linear
      // CS_GRAY, and converting from that would lighten them; drawing copies them as they are.
      new ColorConvertOp(space, SRGB, null).filter(image, out);
      return out;
    }
    Graphics2D g = out.createGraphics();
    try {
      g.setComposite(AlphaComposite.Src); // copy alpha too, do not blend onto the empty canvas
      g.drawImage(image, 0, 0, null);
    } finally {
      g.dispose();
    }
    return out;
  }

  /**
   * A plain INT RGB image whose numbers are in {@code profile}'s space, converted to sRGB: for a
   * JPEG decoded without its embedded profile applied ({@link ReducedJpeg}).
   */
  static BufferedImage fromProfile(BufferedImage plain, ICC_ColorSpace profile) {
    return convert(plain, profile);
  }

  /** Reinterprets the plain image's numbers in {@code assigned} and converts them to sRGB. */
  private static BufferedImage convert(BufferedImage plain, ICC_ColorSpace assigned) {
    boolean alpha = plain.getType() == BufferedImage.TYPE_INT_ARGB;
    ColorModel relabelled =
        alpha
            ? new DirectColorModel(
                assigned, 32, 0xFF0000, 0xFF00, 0xFF, 0xFF000000, false, DataBuffer.TYPE_INT)
            : new DirectColorModel(
                assigned, 24, 0xFF0000, 0xFF00, 0xFF, 0, false, DataBuffer.TYPE_INT);
    BufferedImage source = new BufferedImage(relabelled, plain.getRaster(), false, null);
    BufferedImage out = new BufferedImage(plain.getWidth(), plain.getHeight(), plain.getType());
    new ColorConvertOp(null).filter(source, out);
    return out;
  }

  /** The profile as an RGB colour space, or {@code null} if absent, not RGB, sRGB or invalid. */
  private static ICC_ColorSpace rgbColorSpace(byte[] icc) {
    if (icc == null) {
      return null;
    }
    try {
      ICC_Profile profile = ICC_Profile.getInstance(icc);
      if (profile.getColorSpaceType() != ColorSpace.TYPE_RGB) {
        return null; // a grey iCCP on a grey PNG: the samples are kept as they are
      }
      ICC_ColorSpace space = new ICC_ColorSpace(profile);
      return space.isCS_sRGB() ? null : space;
    } catch (RuntimeException e) {
      return null; // IllegalArgumentException, CMMException: browsers ignore a broken profile too
    }
  }

  /** Whether the raster is one packed int per pixel, row after row, with nothing shared. */
  static boolean isPlain(BufferedImage image) {
    WritableRaster raster = image.getRaster();
    return raster.getDataBuffer() instanceof DataBufferInt buffer
        && buffer.getNumBanks() == 1
        && buffer.getOffset() == 0
        && raster.getParent() == null
        && raster.getSampleModelTranslateX() == 0
        && raster.getSampleModelTranslateY() == 0
        && raster.getSampleModel() instanceof SinglePixelPackedSampleModel model
        && model.getScanlineStride() == image.getWidth()
        && buffer.getSize() == image.getWidth() * image.getHeight();
  }
}
