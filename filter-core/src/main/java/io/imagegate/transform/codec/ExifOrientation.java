package io.imagegate.transform.codec;

/**
 * Finds the Orientation tag (0x0112) in IFD0 of a raw EXIF TIFF structure, to read it and to reset
 * it to 1 once the pixels have been turned upright (else a viewer would turn them again). Every
 * offset is bounds-checked; a malformed structure simply has no orientation.
 */
final class ExifOrientation {
  static final int TAG = 0x0112;
  private static final int TYPE_SHORT = 3;

  private ExifOrientation() {}

  /** The orientation, 1 to 8; 1 when absent, malformed or out of range (e.g. 9). */
  static int read(byte[] tiff) {
    int at = valueOffset(tiff);
    if (at < 0) {
      return 1;
    }
    int value = u16(tiff, at, littleEndian(tiff));
    return value >= 1 && value <= 8 ? value : 1;
  }

  /** A copy of {@code tiff} whose orientation says 1 (upright); {@code null} stays {@code null}. */
  static byte[] resetToUpright(byte[] tiff) {
    if (tiff == null) {
      return null;
    }
    byte[] copy = tiff.clone();
    int at = valueOffset(copy);
    if (at >= 0) {
      boolean little = littleEndian(copy);
      copy[at] = (byte) (little ? 1 : 0);
      copy[at + 1] = (byte) (little ? 0 : 1);
    }
    return copy;
  }

  /** Where the orientation's SHORT value sits, or -1. */
  private static int valueOffset(byte[] tiff) {
    if (tiff == null || tiff.length < 8) {
      return -1;
    }
    boolean little = littleEndian(tiff);
    long ifd = u32(tiff, 4, little);
    if (ifd < 8 || ifd + 2 > tiff.length) {
      return -1;
    }
    int count = u16(tiff, (int) ifd, little);
    for (int i = 0; i < count; i++) {
      int entry = (int) ifd + 2 + i * 12;
      if (entry + 12 > tiff.length) {
        return -1;
      }
      if (u16(tiff, entry, little) == TAG) {
        boolean oneShort =
            u16(tiff, entry + 2, little) == TYPE_SHORT && u32(tiff, entry + 4, little) == 1;
        return oneShort ? entry + 8 : -1;
      }
    }
    return -1;
  }

  private static boolean littleEndian(byte[] tiff) {
    return tiff[0] == 'I';
  }

  private static int u16(byte[] b, int at, boolean little) {
    int first = b[at] & 0xFF;
    int second = b[at + 1] & 0xFF;
    return little ? first | second << 8 : first << 8 | second;
  }

  private static long u32(byte[] b, int at, boolean little) {
    long high = u16(b, at + (little ? 2 : 0), little);
    long low = u16(b, at + (little ? 0 : 2), little);
    return high << 16 | low;
  }
}
