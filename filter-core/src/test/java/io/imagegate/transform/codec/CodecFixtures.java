package io.imagegate.transform.codec;

import io.imagegate.testing.TestImages;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.zip.CRC32;
import java.util.zip.DeflaterOutputStream;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Builds test images in code: pictures, their encodings through the JDK's own writers (not the code
 * under test), and byte-level surgery for metadata and hostile cases.
 */
final class CodecFixtures {
  static final int RED = 0xFFE02020;
  static final int GREEN = 0xFF20A020;
  static final int BLUE = 0xFF2040E0;
  static final int WHITE = 0xFFFFFFFF;

  private CodecFixtures() {}

  /** 64x48, upright: red top-left, green top-right, blue bottom-left, white bottom-right. */
  static BufferedImage upright() {
    return upright(64, 48);
  }

  /** {@link #upright()} in another size: which colour lands where shows any turn or flip. */
  static BufferedImage upright(int width, int height) {
    return TestImages.quadrants(width, height, RED, GREEN, BLUE, WHITE);
  }

  // ---------------------------------------------------------------- encoding with JDK writers

  /** Encodes with the JDK's own writer for {@code format} ("jpeg", "png", "gif", "bmp"). */
  static byte[] jdkEncode(BufferedImage image, String format) {
    return jdkEncode(image, format, null, null);
  }

  static byte[] jdkJpeg(BufferedImage image, float quality) {
    ImageWriter writer = jdkWriter("jpeg");
    ImageWriteParam param = writer.getDefaultWriteParam();
    param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
    param.setCompressionQuality(quality);
    return jdkEncode(image, "jpeg", param, null);
  }

  static byte[] jdkEncode(
      Object imageOrRaster, String format, ImageWriteParam param, IIOMetadata metadata) {
    ImageWriter writer = jdkWriter(format);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
      writer.setOutput(out);
      IIOImage iio =
          imageOrRaster instanceof java.awt.image.Raster raster
              ? new IIOImage(raster, null, metadata)
              : new IIOImage((BufferedImage) imageOrRaster, null, metadata);
      writer.write(null, iio, param);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      writer.dispose();
    }
    return bytes.toByteArray();
  }

  static ImageWriter jdkWriter(String format) {
    for (Iterator<ImageWriter> it = ImageIO.getImageWritersByFormatName(format); it.hasNext(); ) {
      ImageWriter writer = it.next();
      if (writer.getClass().getName().startsWith("com.sun.imageio.")) {
        return writer;
      }
    }
    throw new IllegalStateException("no JDK writer for " + format);
  }

  // ---------------------------------------------------------------- EXIF (TIFF) structures

  /** A minimal little-endian TIFF with one IFD0 entry: Orientation (0x0112) SHORT = value. */
  static byte[] exifOrientation(int value) {
    ByteBuffer b = ByteBuffer.allocate(8 + 2 + 12 + 4).order(ByteOrder.LITTLE_ENDIAN);
    b.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8);
    b.putShort((short) 1);
    b.putShort((short) 0x0112)
        .putShort((short) 3)
        .putInt(1)
        .putShort((short) value)
        .putShort((short) 0);
    b.putInt(0);
    return b.array();
  }

  /**
   * A big-endian TIFF with IFD0 {Make "ACM", Orientation, GPS IFD pointer} and a GPS IFD placing
   * the camera at 48°51'30"N 2°17'40"E.
   */
  static byte[] exifWithGps(int orientation) {
    ByteBuffer b = ByteBuffer.allocate(256).order(ByteOrder.BIG_ENDIAN);
    b.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(8);
    int ifd0Entries = 3;
    int gpsIfd = 8 + 2 + ifd0Entries * 12 + 4; // right after IFD0
    int gpsEntries = 4;
    int latitude = gpsIfd + 2 + gpsEntries * 12 + 4; // rationals after the GPS IFD
    int longitude = latitude + 24;
    b.putShort((short) ifd0Entries);
    b.putShort((short) 0x010F)
        .putShort((short) 2)
        .putInt(4)
        .put("ACM\0".getBytes(StandardCharsets.US_ASCII));
    b.putShort((short) 0x0112)
        .putShort((short) 3)
        .putInt(1)
        .putShort((short) orientation)
        .putShort((short) 0);
    b.putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(gpsIfd);
    b.putInt(0);
    b.putShort((short) gpsEntries);
    b.putShort((short) 0x0001).putShort((short) 2).putInt(2).put(new byte[] {'N', 0, 0, 0});
    b.putShort((short) 0x0002).putShort((short) 5).putInt(3).putInt(latitude);
    b.putShort((short) 0x0003).putShort((short) 2).putInt(2).put(new byte[] {'E', 0, 0, 0});
    b.putShort((short) 0x0004).putShort((short) 5).putInt(3).putInt(longitude);
    b.putInt(0);
    b.putInt(48).putInt(1).putInt(51).putInt(1).putInt(30).putInt(1);
    b.putInt(2).putInt(1).putInt(17).putInt(1).putInt(40).putInt(1);
    return Arrays.copyOf(b.array(), b.position());
  }

  // ---------------------------------------------------------------- JPEG surgery

  /** Inserts a segment (marker, length, payload) right after SOI. */
  static byte[] insertJpegSegment(byte[] jpeg, int marker, byte[] payload) {
    int length = payload.length + 2;
    byte[] out = new byte[jpeg.length + 2 + length];
    out[0] = (byte) 0xFF;
    out[1] = (byte) 0xD8;
    out[2] = (byte) 0xFF;
    out[3] = (byte) marker;
    out[4] = (byte) (length >> 8);
    out[5] = (byte) length;
    System.arraycopy(payload, 0, out, 6, payload.length);
    System.arraycopy(jpeg, 2, out, 6 + payload.length, jpeg.length - 2);
    return out;
  }

  /** A JPEG carrying {@code tiff} as its APP1 Exif segment. */
  static byte[] jpegWithExif(byte[] jpeg, byte[] tiff) {
    return insertJpegSegment(
        jpeg, 0xE1, concat("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1), tiff));
  }

  /** A JPEG carrying {@code profile} in one APP2 ICC_PROFILE segment. */
  static byte[] jpegWithIcc(byte[] jpeg, byte[] profile) {
    byte[] header =
        concat("ICC_PROFILE\0".getBytes(StandardCharsets.ISO_8859_1), new byte[] {1, 1});
    return insertJpegSegment(jpeg, 0xE2, concat(header, profile));
  }

  /** Rewrites the size in the first SOF0/SOF2 segment. */
  static byte[] patchJpegSize(byte[] jpeg, int width, int height) {
    byte[] out = jpeg.clone();
    for (int i = 2; i + 9 < out.length; i++) {
      int marker = out[i + 1] & 0xFF;
      if ((out[i] & 0xFF) == 0xFF && (marker == 0xC0 || marker == 0xC2)) {
        out[i + 5] = (byte) (height >> 8);
        out[i + 6] = (byte) height;
        out[i + 7] = (byte) (width >> 8);
        out[i + 8] = (byte) width;
        return out;
      }
    }
    throw new IllegalArgumentException("no SOF0/SOF2 found");
  }

  // ---------------------------------------------------------------- PNG surgery

  static byte[] pngChunk(String type, byte[] data) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      byte[] name = type.getBytes(StandardCharsets.ISO_8859_1);
      CRC32 crc = new CRC32();
      crc.update(name);
      crc.update(data);
      out.writeInt(data.length);
      out.write(name);
      out.write(data);
      out.writeInt((int) crc.getValue());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** Inserts a chunk right after IHDR (8-byte signature + 25-byte IHDR). */
  static byte[] insertPngChunkAfterIhdr(byte[] png, byte[] chunk) {
    return concat(Arrays.copyOfRange(png, 0, 33), chunk, Arrays.copyOfRange(png, 33, png.length));
  }

  static byte[] iccpChunk(byte[] profile) {
    return pngChunk(
        "iCCP", concat("icc\0\0".getBytes(StandardCharsets.ISO_8859_1), deflate(profile)));
  }

  /**
   * A well-formed PNG header declaring {@code width}x{@code height} with {@code idatBytes} deflated
   * zero bytes as its only data: never enough for the declared size.
   */
  static byte[] pngDeclaring(int width, int height, int bitDepth, int colorType, int idatBytes) {
    ByteBuffer ihdr =
        ByteBuffer.allocate(13)
            .putInt(width)
            .putInt(height)
            .put((byte) bitDepth)
            .put((byte) colorType)
            .put((byte) 0)
            .put((byte) 0)
            .put((byte) 0);
    return concat(
        new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A},
        pngChunk("IHDR", ihdr.array()),
        pngChunk("IDAT", deflate(new byte[idatBytes])),
        pngChunk("IEND", new byte[0]));
  }

  static byte[] deflate(byte[] data) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DeflaterOutputStream out = new DeflaterOutputStream(bytes)) {
      out.write(data);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  // ---------------------------------------------------------------- helpers

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  static Path write(Path dir, String name, byte[] bytes) {
    try {
      return Files.write(dir.resolve(name), bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code [r, g, b, a]} of one pixel. */
  static int[] rgba(BufferedImage image, int x, int y) {
    int argb = image.getRGB(x, y);
    return new int[] {(argb >> 16) & 0xFF, (argb >> 8) & 0xFF, argb & 0xFF, argb >>> 24};
  }

  /** Largest per-channel difference between a pixel and an expected {@code 0xAARRGGBB}. */
  static int distance(BufferedImage image, int x, int y, int expectedArgb) {
    int actual = image.getRGB(x, y);
    int max = 0;
    for (int shift = 0; shift <= 24; shift += 8) {
      max =
          Math.max(max, Math.abs(((actual >>> shift) & 0xFF) - ((expectedArgb >>> shift) & 0xFF)));
    }
    return max;
  }
}
