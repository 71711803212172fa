package io.imagegate.transform.codec;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Turns an animated WebP into a still WebP of its first frame, which libwebp's still-image decoder
 * then reads (it refuses animations). Still files pass through unchanged. The frame keeps its own
 * size; the animation canvas is never allocated, as with GIF.
 */
final class WebpStill {
  private static final int ANIMATION_FLAG = 0x02;
  private static final int ALPHA_FLAG = 0x10;
  private static final int ANMF_HEADER_BYTES = 16;

  private WebpStill() {}

  /**
   * The bytes to decode: {@code webp} itself unless its VP8X header announces an animation.
   *
   * @return the first frame as a still WebP, or {@code webp} unchanged when it is not animated or
   *     has no usable frame (libwebp then reports the problem)
   */
  static byte[] firstFrame(byte[] webp) {
    if (webp.length < 30 || !fourCc(webp, 12).equals("VP8X") || (webp[20] & ANIMATION_FLAG) == 0) {
      return webp;
    }
    int at = 12;
    while (at + 8 <= webp.length) {
      long size = u32(webp, at + 4);
      long end = at + 8 + size;
      if (end > webp.length) {
        return webp;
      }
      if (fourCc(webp, at).equals("ANMF") && size >= ANMF_HEADER_BYTES) {
        return still(webp, at + 8, (int) end);
      }
      at = (int) (end + (size & 1));
    }
    return webp;
  }

  /** A still file from one ANMF payload: its optional ALPH chunk and its VP8/VP8L chunk. */
  private static byte[] still(byte[] webp, int payload, int end) {
    int width = u24(webp, payload + 6) + 1;
    int height = u24(webp, payload + 9) + 1;
    byte[] alpha = null;
    int at = payload + ANMF_HEADER_BYTES;
    while (at + 8 <= end) {
      long size = u32(webp, at + 4);
      if (at + 8 + size > end) {
        return webp;
      }
      byte[] chunk = chunk(webp, at, (int) size);
      switch (fourCc(webp, at)) {
        case "ALPH" -> alpha = chunk;
        case "VP8L" -> {
          return riff(chunk); // lossless frames carry their own alpha
        }
        case "VP8 " -> {
          return alpha == null ? riff(chunk) : riff(vp8x(width, height), alpha, chunk);
        }
        default -> {} // unknown chunks inside a frame are skipped, as the format asks
      }
      at += chunk.length;
    }
    return webp;
  }

  /** The chunk at {@code at}: header, data and the padding byte that keeps chunks even. */
  private static byte[] chunk(byte[] webp, int at, int size) {
    byte[] chunk = new byte[8 + size + (size & 1)];
    System.arraycopy(webp, at, chunk, 0, 8 + size);
    return chunk;
  }

  private static byte[] vp8x(int width, int height) {
    ByteBuffer chunk = ByteBuffer.allocate(18).order(ByteOrder.LITTLE_ENDIAN);
    chunk
        .put("VP8X".getBytes(StandardCharsets.US_ASCII))
        .putInt(10)
        .put((byte) ALPHA_FLAG)
        .put(new byte[3]);
    put24(chunk, width - 1);
    put24(chunk, height - 1);
    return chunk.array();
  }

  private static byte[] riff(byte[]... chunks) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (byte[] chunk : chunks) {
      body.writeBytes(chunk);
    }
    ByteBuffer header = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
    header
        .put("RIFF".getBytes(StandardCharsets.US_ASCII))
        .putInt(4 + body.size())
        .put("WEBP".getBytes(StandardCharsets.US_ASCII));
    ByteArrayOutputStream out = new ByteArrayOutputStream(12 + body.size());
    out.writeBytes(header.array());
    out.writeBytes(body.toByteArray());
    return out.toByteArray();
  }

  private static String fourCc(byte[] bytes, int at) {
    return new String(bytes, at, 4, StandardCharsets.ISO_8859_1);
  }

  private static int u24(byte[] bytes, int at) {
    return (bytes[at] & 0xFF) | (bytes[at + 1] & 0xFF) << 8 | (bytes[at + 2] & 0xFF) << 16;
  }

  private static long u32(byte[] bytes, int at) {
    return u24(bytes, at) | (long) (bytes[at + 3] & 0xFF) << 24;
  }

  private static void put24(ByteBuffer buffer, int value) {
    buffer.put((byte) value).put((byte) (value >> 8)).put((byte) (value >> 16));
  }
}
