package io.imagegate.transform.codec;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteOrder;
import javax.imageio.stream.ImageInputStream;

/**
 * What the markers of a JPEG say about its scans, read by walking the segments and skipping the
 * entropy-coded data between them (where a 0xFF byte is always followed by 0x00 or a restart
 * marker, so the next real marker is found without decoding anything).
 *
 * @param count the number of scans (SOS segments) before EOI or the end of the data
 */
record JpegScans(int count) {
  private static final int CHUNK = 64 * 1024;

  /** Walks the whole stream from its start; leaves the position undefined. */
  static JpegScans of(ImageInputStream in) throws IOException {
    in.seek(0);
    in.setByteOrder(ByteOrder.BIG_ENDIAN);
    int scans = 0;
    try {
      in.skipBytes(2); // SOI
      byte[] chunk = new byte[CHUNK];
      while (true) {
        int marker = nextMarker(in);
        if (marker < 0 || marker == 0xD9) {
          return new JpegScans(scans);
        }
        if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
          continue;
        }
        int length = in.readUnsignedShort();
        if (length < 2) {
          return new JpegScans(scans);
        }
        in.seek(in.getStreamPosition() + length - 2);
        if (marker == 0xDA) {
          scans++;
          if (!skipEntropyData(in, chunk)) {
            return new JpegScans(scans);
          }
        }
      }
    } catch (EOFException e) {
      return new JpegScans(scans); // truncated: the decoder reports it
    }
  }

  /** The marker code at the current position, or -1 when the stream is not at a marker. */
  private static int nextMarker(ImageInputStream in) throws IOException {
    if (in.readUnsignedByte() != 0xFF) {
      return -1;
    }
    int code = in.readUnsignedByte();
    while (code == 0xFF) {
      code = in.readUnsignedByte(); // fill bytes
    }
    return code;
  }

  /** Moves to the 0xFF of the marker that ends the entropy-coded data; false at end of data. */
  private static boolean skipEntropyData(ImageInputStream in, byte[] chunk) throws IOException {
    while (true) {
      long start = in.getStreamPosition();
      int n = in.read(chunk);
      if (n <= 1) {
        return false;
      }
      for (int i = 0; i < n - 1; i++) {
        if (chunk[i] == (byte) 0xFF) {
          int next = chunk[i + 1] & 0xFF;
          if (next != 0 && next != 0xFF && (next < 0xD0 || next > 0xD7)) {
            in.seek(start + i);
            return true;
          }
        }
      }
      in.seek(start + n - 1); // the last byte may start a marker split across chunks
    }
  }
}
