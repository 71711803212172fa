package io.imagegate.transform.codec;

import io.imagegate.source.ImageFormat;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import javax.imageio.stream.ImageInputStream;

/**
 * The metadata imagegate reads itself, by walking a file's segments or chunks: the raw EXIF of a
 * JPEG (APP1), PNG ({@code eXIf}) or WebP ({@code EXIF}), and the ICC profile of a PNG ({@code
 * iCCP}) or WebP ({@code ICCP}), which their decoders do not apply. Every read is bounded, so a
 * hostile file cannot make the walk allocate or loop without limit.
 *
 * @param exif the raw TIFF structure, or {@code null}
 * @param iccProfile an ICC profile the decoder will not apply itself, or {@code null}
 */
record HeaderMetadata(byte[] exif, byte[] iccProfile) {
  /** The largest EXIF that fits into one JPEG APP1 segment after {@code Exif\0\0}. */
  static final int MAX_EXIF_BYTES = 65_535 - 2 - 6;

  /** Larger ICC profiles are ignored rather than inflated. */
  static final int MAX_ICC_BYTES = 4 * 1024 * 1024;

  private static final int MAX_SEGMENTS = 4096;
  private static final byte[] EXIF_PREFIX = {'E', 'x', 'i', 'f', 0, 0};
  private static final HeaderMetadata NONE = new HeaderMetadata(null, null);

  /** Scans from the start of {@code in}; leaves the position undefined. */
  static HeaderMetadata scan(ImageFormat format, ImageInputStream in) throws IOException {
    in.seek(0);
    try {
      return switch (format) {
        case JPEG -> jpeg(in);
        case PNG -> png(in);
        case WEBP -> webp(in);
        default -> NONE;
      };
    } catch (EOFException e) {
      return NONE; // a truncated header: the reader reports it, metadata is optional
    }
  }

  private static HeaderMetadata jpeg(ImageInputStream in) throws IOException {
    in.setByteOrder(ByteOrder.BIG_ENDIAN);
    in.skipBytes(2); // SOI
    for (int i = 0; i < MAX_SEGMENTS; i++) {
      int marker = nextMarker(in);
      if (marker == 0xDA || marker == 0xD9 || marker < 0) {
        return NONE; // start of scan, end of image or garbage: no EXIF before the pixels
      }
      if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
        continue; // markers without a length
      }
      int length = in.readUnsignedShort() - 2;
      if (length < 0) {
        return NONE;
      }
      long next = in.getStreamPosition() + length;
      if (marker == 0xE1 && length > EXIF_PREFIX.length && startsWith(in, EXIF_PREFIX)) {
        return new HeaderMetadata(
            tiff(readBounded(in, length - EXIF_PREFIX.length, MAX_EXIF_BYTES)), null);
      }
      in.seek(next);
    }
    return NONE;
  }

  /** The next marker code, or -1 when the stream is not at a marker (metadata is then given up). */
  private static int nextMarker(ImageInputStream in) throws IOException {
    if (in.readUnsignedByte() != 0xFF) {
      return -1;
    }
    int b = in.readUnsignedByte();
    for (int fill = 0; b == 0xFF && fill < 64; fill++) {
      b = in.readUnsignedByte(); // optional fill bytes
    }
    return b;
  }

  private static HeaderMetadata png(ImageInputStream in) throws IOException {
    in.setByteOrder(ByteOrder.BIG_ENDIAN);
    in.skipBytes(8); // signature
    byte[] exif = null;
    byte[] icc = null;
    for (int i = 0; i < MAX_SEGMENTS; i++) {
      long length = in.readUnsignedInt();
      String type = fourCc(in);
      if (type.equals("IDAT") || type.equals("IEND")) {
        break;
      }
      long next = in.getStreamPosition() + length + 4; // data and CRC
      if (type.equals("eXIf") && exif == null) {
        exif = tiff(readBounded(in, length, MAX_EXIF_BYTES));
      } else if (type.equals("iCCP") && icc == null) {
        icc = inflateIccp(readBounded(in, length, MAX_ICC_BYTES));
      }
      in.seek(next);
    }
    return new HeaderMetadata(exif, icc);
  }

  private static HeaderMetadata webp(ImageInputStream in) throws IOException {
    in.setByteOrder(ByteOrder.LITTLE_ENDIAN);
    in.skipBytes(12); // RIFF, size, WEBP
    byte[] exif = null;
    byte[] icc = null;
    // In the extended format EXIF follows the image data, so every top-level chunk is visited;
    // frames are skipped by their size without being read.
    for (int i = 0; i < MAX_SEGMENTS && in.getStreamPosition() + 8 <= in.length(); i++) {
      String type = fourCc(in);
      long length = in.readUnsignedInt();
      long next = in.getStreamPosition() + length + (length & 1);
      if (type.equals("EXIF") && exif == null) {
        exif = webpExif(readBounded(in, length, MAX_EXIF_BYTES + EXIF_PREFIX.length));
      } else if (type.equals("ICCP") && icc == null) {
        icc = readBounded(in, length, MAX_ICC_BYTES);
      }
      in.seek(next);
    }
    return new HeaderMetadata(exif, icc);
  }

  /** Some writers keep the JPEG {@code Exif\0\0} prefix inside the WebP chunk. */
  private static byte[] webpExif(byte[] payload) {
    boolean prefixed =
        payload != null
            && payload.length > EXIF_PREFIX.length
            && Arrays.equals(payload, 0, EXIF_PREFIX.length, EXIF_PREFIX, 0, EXIF_PREFIX.length);
    return tiff(
        prefixed ? Arrays.copyOfRange(payload, EXIF_PREFIX.length, payload.length) : payload);
  }

  /** Reads {@code length} bytes, or skips them and returns {@code null} when above {@code max}. */
  private static byte[] readBounded(ImageInputStream in, long length, int max) throws IOException {
    if (length > max) {
      return null;
    }
    byte[] data = new byte[(int) length];
    in.readFully(data);
    return data;
  }

  /** The payload when it starts with a TIFF byte-order mark, else {@code null}. */
  private static byte[] tiff(byte[] payload) {
    if (payload == null || payload.length < 8) {
      return null;
    }
    boolean intel = payload[0] == 'I' && payload[1] == 'I' && payload[2] == 42 && payload[3] == 0;
    boolean motorola =
        payload[0] == 'M' && payload[1] == 'M' && payload[2] == 0 && payload[3] == 42;
    return intel || motorola ? payload : null;
  }

  /** {@code iCCP}: name, NUL, compression method 0, zlib data. Inflated with a size cap. */
  private static byte[] inflateIccp(byte[] chunk) {
    if (chunk == null) {
      return null;
    }
    int nul = 0;
    while (nul < chunk.length && nul < 80 && chunk[nul] != 0) {
      nul++;
    }
    if (nul + 2 > chunk.length || chunk[nul] != 0 || chunk[nul + 1] != 0) {
      return null;
    }
    Inflater inflater = new Inflater();
    try {
      inflater.setInput(chunk, nul + 2, chunk.length - nul - 2);
      byte[] out = new byte[Math.min(MAX_ICC_BYTES, Math.max(1024, chunk.length * 4))];
      int size = 0;
      while (!inflater.finished()) {
        if (size == out.length) {
          if (out.length == MAX_ICC_BYTES) {
            return null; // a profile this large is more likely a bomb than a colour space
          }
          out = Arrays.copyOf(out, Math.min(MAX_ICC_BYTES, out.length * 2));
        }
        int n = inflater.inflate(out, size, out.length - size);
        if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
          return null; // truncated stream
        }
        size += n;
      }
      return Arrays.copyOf(out, size);
    } catch (DataFormatException e) {
      return null;
    } finally {
      inflater.end();
    }
  }

  private static boolean startsWith(ImageInputStream in, byte[] prefix) throws IOException {
    byte[] head = new byte[prefix.length];
    in.readFully(head);
    return Arrays.equals(head, prefix);
  }

  private static String fourCc(ImageInputStream in) throws IOException {
    byte[] type = new byte[4];
    in.readFully(type);
    return new String(type, StandardCharsets.ISO_8859_1);
  }
}
