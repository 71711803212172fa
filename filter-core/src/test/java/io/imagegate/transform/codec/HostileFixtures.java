package io.imagegate.transform.codec;

import io.imagegate.testing.TestImages;
import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;

/**
 * Hostile and broken sources, built in code after the kinds in the shared hostile corpus, each with
 * the outcome {@link ImageCodecs#decode} must give: {@code "415 unsupported_media_type"}, {@code
 * "422 unprocessable_image"} or {@code "OK WxH"} for files that are odd but safe.
 */
final class HostileFixtures {
  static final String UNSUPPORTED = "415 unsupported_media_type";
  static final String UNPROCESSABLE = "422 unprocessable_image";

  /**
   * @param name the file name (the extension is a lie where the case says so)
   * @param expected the outcome, as {@link #outcome} prints it
   * @param message a fragment of the public message, or the decoded size for {@code OK}
   */
  record Hostile(String name, byte[] bytes, String expected, String message) {
    @Override
    public String toString() {
      return name;
    }
  }

  private HostileFixtures() {}

  static List<Hostile> all() {
    BufferedImage picture = new BufferedImage(200, 150, BufferedImage.TYPE_INT_RGB);
    picture.createGraphics().drawImage(EncodeTest.noisy(200, 150), 0, 0, null);
    byte[] jpeg = CodecFixtures.jdkJpeg(picture, 0.9f);
    byte[] png = CodecFixtures.jdkEncode(picture, "png");
    byte[] gif = CodecFixtures.jdkEncode(picture, "gif");
    byte[] webp = WebpFiles.still(picture, false, 0.8f);
    byte[] bmp = CodecFixtures.jdkEncode(CodecFixtures.upright(), "bmp");
    byte[] tinyGif =
        CodecFixtures.jdkEncode(
            TestImages.solid(1, 1, CodecFixtures.RED, BufferedImage.TYPE_INT_RGB), "gif");
    return List.of(
        new Hostile(
            "bomb-png-30000x30000.png",
            CodecFixtures.pngDeclaring(30_000, 30_000, 1, 0, 4096),
            UNPROCESSABLE,
            "the source is 30000x30000 pixels; the limit is 50000000"),
        new Hostile(
            "bomb-png-8bit-gray-20000x20000.png",
            CodecFixtures.pngDeclaring(20_000, 20_000, 8, 0, 20_001),
            UNPROCESSABLE,
            "the source is 20000x20000 pixels"),
        new Hostile(
            "png-header-claims-100000x100000.png",
            CodecFixtures.pngDeclaring(100_000, 100_000, 8, 6, 16),
            UNPROCESSABLE,
            "the source is 100000x100000 pixels"),
        new Hostile(
            "jpeg-header-claims-65000x65000.jpg",
            CodecFixtures.patchJpegSize(jpeg, 65_000, 65_000),
            UNPROCESSABLE,
            "the source is 65000x65000 pixels; the limit is 50000000"),
        new Hostile(
            "jpeg-header-claims-20000x20000.jpg",
            CodecFixtures.patchJpegSize(jpeg, 20_000, 20_000),
            UNPROCESSABLE,
            "the source is 20000x20000 pixels"),
        new Hostile(
            "gif-frame-claims-65535x65535.gif",
            gifFrameSize(tinyGif, 65_535, 65_535),
            UNPROCESSABLE,
            "the source is 65535x65535 pixels"),
        // the JDK's BMP reader itself refuses a header whose size does not fit the file
        new Hostile(
            "bmp-header-claims-50000x50000.bmp",
            bmpSize(bmp, 50_000, 50_000),
            UNPROCESSABLE,
            "header is corrupt or truncated"),
        new Hostile(
            "webp-header-claims-16384x16384.webp",
            webpLosslessSize(WebpFiles.still(CodecFixtures.upright(), true, 1f), 16_384, 16_384),
            UNPROCESSABLE,
            "the source is 16384x16384 pixels"),
        new Hostile("truncated-half.jpg", half(jpeg), UNPROCESSABLE, "corrupt or truncated"),
        new Hostile(
            "truncated-header.jpg", Arrays.copyOf(jpeg, 40), UNPROCESSABLE, "corrupt or truncated"),
        new Hostile("truncated-half.png", half(png), UNPROCESSABLE, "corrupt or truncated"),
        new Hostile(
            "truncated-header.png", Arrays.copyOf(png, 20), UNPROCESSABLE, "corrupt or truncated"),
        new Hostile("truncated-half.gif", half(gif), UNPROCESSABLE, "corrupt or truncated"),
        new Hostile("truncated-half.webp", half(webp), UNPROCESSABLE, "corrupt or truncated"),
        new Hostile("truncated-half.bmp", half(bmp), UNPROCESSABLE, "corrupt or truncated"),
        new Hostile(
            "png-corrupt-zlib-valid-crc.png",
            corruptIdat(png),
            UNPROCESSABLE,
            "corrupt or truncated"),
        new Hostile("empty-0-bytes.jpg", new byte[0], UNPROCESSABLE, "the source is empty"),
        new Hostile(
            "random-garbage.jpg",
            garbage(),
            UNSUPPORTED,
            "the source is not a supported image format"),
        new Hostile(
            "text-named-as.jpg",
            "This is plain text, whatever its name says.\n".getBytes(StandardCharsets.US_ASCII),
            UNSUPPORTED,
            "the source is not a supported image format"),
        new Hostile(
            "svg-xxe-script.svg",
            ascii(SVG_XXE),
            UNSUPPORTED,
            "the source is svg, which is served only as an original"),
        new Hostile(
            "svg-billion-laughs-named-as.png", ascii(SVG_LAUGHS), UNSUPPORTED, "the source is svg"),
        new Hostile("tiff-named-as.jpg", tiff(), UNSUPPORTED, "the source is tiff"),
        new Hostile(
            "ico.ico",
            new byte[] {0, 0, 1, 0, 1, 0, 16, 16, 0, 0, 1, 0, 32, 0},
            UNSUPPORTED,
            "the source is ico"),
        new Hostile("avif.avif", avif(), UNSUPPORTED, "the source is avif"),
        // Odd but safe: decoded by the first frame's size, the huge screen/canvas is never
        // allocated.
        new Hostile(
            "gif-screen-65535x65535.gif", gifScreenSize(tinyGif, 65_535, 65_535), "OK 1x1", "1x1"),
        new Hostile(
            "webp-animated-canvas-16000x16000.webp",
            WebpFiles.animated(
                16_000,
                16_000,
                TestImages.solid(32, 24, CodecFixtures.RED, BufferedImage.TYPE_INT_RGB)),
            "OK 32x24",
            "32x24"),
        new Hostile("many-app-segments-8x64k.jpg", manyAppSegments(jpeg), "OK 200x150", "200x150"));
  }

  /** What a decode gave, in the form of {@link Hostile#expected()}. */
  static String outcome(DecodedImage decoded) {
    return "OK " + decoded.image().getWidth() + "x" + decoded.image().getHeight();
  }

  static String outcome(io.imagegate.failure.ImageGateException refusal) {
    return refusal.failure().status() + " " + refusal.failure().code();
  }

  private static final String SVG_XXE =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <!DOCTYPE svg [
        <!ENTITY passwd SYSTEM "file:///etc/passwd">
        <!ENTITY probe SYSTEM "http://127.0.0.1:9/xxe-probe">
      ]>
      <svg xmlns="http://www.w3.org/2000/svg" width="100" height="100" onload="alert(1)">
        <script>alert(document.cookie)</script>
        <text>&passwd;&probe;</text>
      </svg>
      """;

  private static final String SVG_LAUGHS =
      """
      <?xml version="1.0"?>
      <!DOCTYPE lolz [
        <!ENTITY lol "lol">
        <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
        <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
        <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
      ]>
      <svg xmlns="http://www.w3.org/2000/svg"><text>&lol4;</text></svg>
      """;

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[] half(byte[] bytes) {
    return Arrays.copyOf(bytes, bytes.length / 2);
  }

  private static byte[] garbage() {
    byte[] bytes = new byte[4096];
    new Random(7).nextBytes(bytes);
    bytes[0] = 0x13; // no format's magic starts this way
    return bytes;
  }

  private static byte[] tiff() {
    return new byte[] {'I', 'I', 42, 0, 8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
  }

  private static byte[] avif() {
    return CodecFixtures.concat(
        new byte[] {0, 0, 0, 0x1C},
        ascii("ftypavif"),
        new byte[] {0, 0, 0, 0},
        ascii("avifmif1miaf"));
  }

  /** Rewrites the GIF logical screen size (bytes 6-9, little-endian). */
  private static byte[] gifScreenSize(byte[] gif, int width, int height) {
    byte[] out = gif.clone();
    ByteBuffer.wrap(out, 6, 4)
        .order(ByteOrder.LITTLE_ENDIAN)
        .putShort((short) width)
        .putShort((short) height);
    return out;
  }

  /** Rewrites the first image descriptor's size, and the screen to match. */
  private static byte[] gifFrameSize(byte[] gif, int width, int height) {
    byte[] out = gifScreenSize(gif, width, height);
    int at = 13 + ((out[10] & 0x80) != 0 ? 3 << ((out[10] & 7) + 1) : 0);
    while ((out[at] & 0xFF) == 0x21) { // extension: introducer, label, sub-blocks up to a 0 length
      at += 2;
      while (out[at] != 0) {
        at += (out[at] & 0xFF) + 1;
      }
      at++;
    }
    if ((out[at] & 0xFF) != 0x2C) {
      throw new IllegalStateException("no image descriptor");
    }
    ByteBuffer.wrap(out, at + 5, 4)
        .order(ByteOrder.LITTLE_ENDIAN)
        .putShort((short) width)
        .putShort((short) height);
    return out;
  }

  /** Rewrites BITMAPINFOHEADER biWidth and biHeight. */
  private static byte[] bmpSize(byte[] bmp, int width, int height) {
    byte[] out = bmp.clone();
    ByteBuffer.wrap(out, 18, 8).order(ByteOrder.LITTLE_ENDIAN).putInt(width).putInt(height);
    return out;
  }

  /** Rewrites the 14-bit sizes in a simple-format lossless WebP's VP8L header. */
  private static byte[] webpLosslessSize(byte[] webp, int width, int height) {
    if (!new String(webp, 12, 4, StandardCharsets.US_ASCII).equals("VP8L")) {
      throw new IllegalStateException("not a simple lossless WebP");
    }
    byte[] out = webp.clone();
    ByteBuffer header = ByteBuffer.wrap(out, 21, 4).order(ByteOrder.LITTLE_ENDIAN);
    int bits = header.getInt(21);
    header.putInt(21, (bits & 0xF0000000) | (width - 1) | (height - 1) << 14);
    return out;
  }

  /**
   * Damages the deflate stream inside the first IDAT and fixes the chunk's CRC, as a careful
   * attacker would.
   */
  private static byte[] corruptIdat(byte[] png) {
    byte[] out = png.clone();
    int at = 8;
    while (!new String(out, at + 4, 4, StandardCharsets.US_ASCII).equals("IDAT")) {
      at += 12 + ByteBuffer.wrap(out, at, 4).getInt();
    }
    int length = ByteBuffer.wrap(out, at, 4).getInt();
    for (int i = at + 8 + 2; i < at + 8 + length; i += 7) {
      out[i] ^= 0x5A;
    }
    CRC32 crc = new CRC32();
    crc.update(out, at + 4, 4 + length);
    ByteBuffer.wrap(out, at + 8 + length, 4).putInt((int) crc.getValue());
    return out;
  }

  /** Eight maximum-size APP15 segments before the frame: metadata scanning must stay bounded. */
  private static byte[] manyAppSegments(byte[] jpeg) {
    byte[] out = jpeg;
    for (int i = 0; i < 8; i++) {
      out = CodecFixtures.insertJpegSegment(out, 0xEF, new byte[65_533]);
    }
    return out;
  }
}
