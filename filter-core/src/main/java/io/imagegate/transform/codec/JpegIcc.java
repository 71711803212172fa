package io.imagegate.transform.codec;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The ICC profile embedded in a JPEG's APP2 {@code ICC_PROFILE} segments, joined in their sequence
 * order, for the native decode (libjpeg-turbo returns the stored numbers without applying it).
 * Reads only the segments before the first scan; bounded by {@link HeaderMetadata#MAX_ICC_BYTES}.
 */
final class JpegIcc {
  private static final byte[] TAG = "ICC_PROFILE\0".getBytes(StandardCharsets.ISO_8859_1);

  private JpegIcc() {}

  /** The profile, or {@code null} when there is none or its segments are incomplete. */
  static byte[] read(byte[] jpeg) {
    byte[][] chunks = null;
    int total = 0;
    int at = 2;
    while (at + 4 <= jpeg.length && (jpeg[at] & 0xFF) == 0xFF) {
      int marker = jpeg[at + 1] & 0xFF;
      if (marker == 0xFF) {
        at++;
        continue;
      }
      if (marker == 0xDA || marker == 0xD9) {
        break;
      }
      int length = (jpeg[at + 2] & 0xFF) << 8 | (jpeg[at + 3] & 0xFF);
      int end = at + 2 + length;
      if (length < 2 || end > jpeg.length) {
        break;
      }
      int data = at + 4;
      if (marker == 0xE2 && length >= 2 + TAG.length + 2 && startsWith(jpeg, data)) {
        int seq = jpeg[data + TAG.length] & 0xFF;
        int count = jpeg[data + TAG.length + 1] & 0xFF;
        if (chunks == null && count > 0) {
          chunks = new byte[count][];
        }
        if (chunks == null || count != chunks.length || seq < 1 || seq > count) {
          return null;
        }
        int from = data + TAG.length + 2;
        byte[] chunk = new byte[end - from];
        System.arraycopy(jpeg, from, chunk, 0, chunk.length);
        chunks[seq - 1] = chunk;
        total += chunk.length;
        if (total > HeaderMetadata.MAX_ICC_BYTES) {
          return null;
        }
      }
      at = end;
    }
    if (chunks == null) {
      return null;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(total);
    for (byte[] chunk : chunks) {
      if (chunk == null) {
        return null;
      }
      out.writeBytes(chunk);
    }
    return out.toByteArray();
  }

  private static boolean startsWith(byte[] jpeg, int at) {
    for (int i = 0; i < TAG.length; i++) {
      if (jpeg[at + i] != TAG[i]) {
        return false;
      }
    }
    return true;
  }
}
