package io.imagegate.transform.codec;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * WebP test files: still images from libwebp's encoder (skipped without libwebp), and animated
 * files assembled chunk by chunk (VP8X, ANIM, ANMF) from its lossless frames.
 */
final class WebpFiles {
  private WebpFiles() {}

  static byte[] still(BufferedImage image, boolean lossless, float quality) {
    LibWebp.Lib webp = NativeCodecs.webp();
    org.junit.jupiter.api.Assumptions.assumeTrue(
        webp != null,
        "WebP test files need libwebp (imagegate.codecs=java is set or it is absent)");
    return LibWebp.encode(
        webp, SrgbConverter.toPlainInt(image), Math.round(quality * 100), lossless);
  }

  /**
   * An animated WebP on a {@code canvasWidth}x{@code canvasHeight} canvas whose frames are the
   * given images, losslessly encoded, each placed at (0, 0).
   */
  static byte[] animated(int canvasWidth, int canvasHeight, BufferedImage... frames) {
    return animated(canvasWidth, canvasHeight, true, frames);
  }

  /** As above; lossy frames with alpha carry an ALPH chunk before their VP8 chunk. */
  static byte[] animated(
      int canvasWidth, int canvasHeight, boolean lossless, BufferedImage... frames) {
    ByteArrayOutputStream chunks = new ByteArrayOutputStream();
    ByteBuffer vp8x = le(10).put((byte) 0x02).put(new byte[3]);
    put24(vp8x, canvasWidth - 1);
    put24(vp8x, canvasHeight - 1);
    chunks.writeBytes(chunk("VP8X", vp8x.array()));
    chunks.writeBytes(chunk("ANIM", le(6).putInt(0xFFFFFFFF).putShort((short) 0).array()));
    for (BufferedImage frame : frames) {
      byte[] still = still(frame, lossless, 0.9f);
      // the chunks after RIFF....WEBP, without a still's own VP8X header
      int first = new String(still, 12, 4, StandardCharsets.US_ASCII).equals("VP8X") ? 12 + 18 : 12;
      byte[] bitstream = Arrays.copyOfRange(still, first, still.length);
      ByteBuffer header = le(16);
      put24(header, 0);
      put24(header, 0);
      put24(header, frame.getWidth() - 1);
      put24(header, frame.getHeight() - 1);
      put24(header, 100); // duration in ms
      header.put((byte) 0);
      chunks.writeBytes(chunk("ANMF", CodecFixtures.concat(header.array(), bitstream)));
    }
    byte[] body = chunks.toByteArray();
    return CodecFixtures.concat(
        "RIFF".getBytes(StandardCharsets.US_ASCII),
        le(4).putInt(4 + body.length).array(),
        "WEBP".getBytes(StandardCharsets.US_ASCII),
        body);
  }

  private static byte[] chunk(String type, byte[] data) {
    byte[] padding = new byte[data.length & 1];
    return CodecFixtures.concat(
        type.getBytes(StandardCharsets.US_ASCII), le(4).putInt(data.length).array(), data, padding);
  }

  private static ByteBuffer le(int size) {
    return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
  }

  private static void put24(ByteBuffer buffer, int value) {
    buffer.put((byte) value).put((byte) (value >> 8)).put((byte) (value >> 16));
  }

  /** A still lossless WebP of {@code image} in the extended format, with an ICCP chunk. */
  static byte[] withIcc(BufferedImage image, byte[] profile) {
    byte[] still = still(image, true, 1f);
    byte[] bitstream = Arrays.copyOfRange(still, 12, still.length);
    ByteBuffer vp8x = le(10).put((byte) 0x20).put(new byte[3]);
    put24(vp8x, image.getWidth() - 1);
    put24(vp8x, image.getHeight() - 1);
    byte[] body =
        CodecFixtures.concat(chunk("VP8X", vp8x.array()), chunk("ICCP", profile), bitstream);
    return CodecFixtures.concat(
        "RIFF".getBytes(StandardCharsets.US_ASCII),
        le(4).putInt(4 + body.length).array(),
        "WEBP".getBytes(StandardCharsets.US_ASCII),
        body);
  }
}
