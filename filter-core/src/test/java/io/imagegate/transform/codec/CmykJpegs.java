package io.imagegate.transform.codec;

import java.awt.color.ColorSpace;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;

/**
 * Writes 4-component Adobe JPEGs with the JDK's writer, which stores a raster's samples without any
 * colour conversion: the caller's CMYK is laid out the way Photoshop stores it.
 *
 * <ul>
 *   <li>CMYK (APP14 transform 0): every channel inverted (255 = no ink).
 *   <li>YCCK (APP14 transform 2): C, M, Y encoded as if they were R, G, B into YCbCr (BT.601, full
 *       range), K inverted.
 * </ul>
 */
final class CmykJpegs {
  private CmykJpegs() {}

  /** A 16-pixel-high strip of 16x16 patches, one per {@code {c, m, y, k}} (0-255 ink). */
  static byte[] strip(int[][] inks, boolean ycck) {
    WritableRaster raster =
        Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, 16 * inks.length, 16, 4, null);
    for (int i = 0; i < inks.length; i++) {
      int[] stored = ycck ? ycck(inks[i]) : inverted(inks[i]);
      for (int y = 0; y < 16; y++) {
        for (int x = 0; x < 16; x++) {
          raster.setPixel(i * 16 + x, y, stored);
        }
      }
    }
    return CodecFixtures.jdkEncode(raster, "jpeg", null, adobeMetadata(ycck ? 2 : 0));
  }

  private static int[] inverted(int[] cmyk) {
    return new int[] {255 - cmyk[0], 255 - cmyk[1], 255 - cmyk[2], 255 - cmyk[3]};
  }

  private static int[] ycck(int[] cmyk) {
    double r = cmyk[0];
    double g = cmyk[1];
    double b = cmyk[2];
    return new int[] {
      clamp(0.299 * r + 0.587 * g + 0.114 * b),
      clamp(128 - 0.168736 * r - 0.331264 * g + 0.5 * b),
      clamp(128 + 0.5 * r - 0.418688 * g - 0.081312 * b),
      255 - cmyk[3]
    };
  }

  private static int clamp(double v) {
    return (int) Math.max(0, Math.min(255, Math.round(v)));
  }

  /**
   * The writer's default metadata for a CMYK image (no JFIF, APP14 Adobe), with the transform set.
   */
  private static IIOMetadata adobeMetadata(int transform) {
    ImageWriter writer = CodecFixtures.jdkWriter("jpeg");
    try {
      ImageTypeSpecifier cmyk =
          ImageTypeSpecifier.createInterleaved(
              new AnyCmyk(), new int[] {0, 1, 2, 3}, DataBuffer.TYPE_BYTE, false, false);
      IIOMetadata metadata = writer.getDefaultImageMetadata(cmyk, null);
      String format = metadata.getNativeMetadataFormatName();
      IIOMetadataNode tree = (IIOMetadataNode) metadata.getAsTree(format);
      ((IIOMetadataNode) tree.getElementsByTagName("app14Adobe").item(0))
          .setAttribute("transform", Integer.toString(transform));
      metadata.setFromTree(format, tree);
      return metadata;
    } catch (javax.imageio.metadata.IIOInvalidTreeException e) {
      throw new IllegalStateException(e);
    } finally {
      writer.dispose();
    }
  }

  /** Only its type matters: it tells the JDK writer to lay the file out as Adobe CMYK. */
  private static final class AnyCmyk extends ColorSpace {
    private static final long serialVersionUID = 1L;

    AnyCmyk() {
      super(ColorSpace.TYPE_CMYK, 4);
    }

    @Override
    public float[] toRGB(float[] value) {
      return new float[3];
    }

    @Override
    public float[] fromRGB(float[] rgb) {
      return new float[4];
    }

    @Override
    public float[] toCIEXYZ(float[] value) {
      return new float[3];
    }

    @Override
    public float[] fromCIEXYZ(float[] xyz) {
      return new float[4];
    }
  }
}
