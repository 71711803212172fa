package io.imagegate.cache;

import io.imagegate.source.ImageFormat;

/**
 * A rendered image held in memory.
 *
 * @param bytes the encoded image
 * @param format its format
 * @param width pixels
 * @param height pixels
 */
public record Variant(byte[] bytes, ImageFormat format, int width, int height) {
  /** Bytes counted against {@code cache.max-bytes}: the image and a little bookkeeping. */
  int weight() {
    return bytes.length + 256;
  }
}
