package io.imagegate.response;

import io.imagegate.failure.Failure;
import io.imagegate.failure.ImageGateException;
import java.util.Optional;

/**
 * One {@code Range: bytes=...} request (RFC 9110 §14). Several ranges are answered with the whole
 * file, which the RFC allows and which keeps responses simple.
 *
 * @param first the first byte
 * @param last the last byte, inclusive
 */
record ByteRange(long first, long last) {

  /** The number of bytes. */
  long length() {
    return last - first + 1;
  }

  /**
   * Parses a header for a file of {@code size} bytes.
   *
   * @return empty to serve the whole file (no header, several ranges, or not in bytes)
   * @throws ImageGateException 416 when the single range cannot be satisfied
   */
  static Optional<ByteRange> parse(String header, long size) {
    if (header == null || !header.startsWith("bytes=") || header.indexOf(',') >= 0) {
      return Optional.empty();
    }
    String spec = header.substring("bytes=".length()).trim();
    int dash = spec.indexOf('-');
    if (dash < 0) {
      return Optional.empty();
    }
    try {
      String from = spec.substring(0, dash).trim();
      String to = spec.substring(dash + 1).trim();
      if (from.isEmpty()) {
        long suffix = Long.parseLong(to);
        if (suffix <= 0 || size == 0) {
          throw unsatisfiable();
        }
        return Optional.of(new ByteRange(Math.max(0, size - suffix), size - 1));
      }
      long first = Long.parseLong(from);
      long last = to.isEmpty() ? size - 1 : Math.min(Long.parseLong(to), size - 1);
      if (first < 0 || first >= size || last < first) {
        throw unsatisfiable();
      }
      return Optional.of(new ByteRange(first, last));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static ImageGateException unsatisfiable() {
    return new ImageGateException(
        Failure.RANGE_NOT_SATISFIABLE, "the requested range is outside the image");
  }
}
