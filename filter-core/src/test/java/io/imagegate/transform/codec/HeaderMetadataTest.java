package io.imagegate.transform.codec;

import static org.assertj.core.api.Assertions.assertThat;

import com.twelvemonkeys.imageio.stream.ByteArrayImageInputStream;
import io.imagegate.source.ImageFormat;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** EXIF and ICC profiles are found where each format keeps them, and bounded. */
class HeaderMetadataTest {
  private static final byte[] JPEG = CodecFixtures.jdkJpeg(CodecFixtures.upright(), 0.8f);
  private static final byte[] PNG = CodecFixtures.jdkEncode(CodecFixtures.upright(), "png");

  @Test
  void scan_findsJpegExifBehindOtherSegments() throws IOException {
    byte[] tiff = CodecFixtures.exifOrientation(3);
    byte[] jpeg = CodecFixtures.jpegWithExif(JPEG, tiff);
    jpeg =
        CodecFixtures.insertJpegSegment(
            jpeg, 0xE1, "http://ns.adobe.com/xap/1.0/\0<x/>".getBytes(StandardCharsets.US_ASCII));
    jpeg = CodecFixtures.insertJpegSegment(jpeg, 0xFE, new byte[60_000]); // a large comment first

    assertThat(scan(ImageFormat.JPEG, jpeg).exif()).isEqualTo(tiff);
  }

  @Test
  void scan_ignoresExifThatIsNotTiff() throws IOException {
    byte[] jpeg =
        CodecFixtures.jpegWithExif(JPEG, "not a tiff header".getBytes(StandardCharsets.US_ASCII));

    assertThat(scan(ImageFormat.JPEG, jpeg).exif()).isNull();
  }

  @Test
  void scan_findsPngExifAndInflatesIccp() throws IOException {
    byte[] tiff = CodecFixtures.exifOrientation(6);
    byte[] profile = ColorDecodeTest.linearProfile();
    byte[] png = CodecFixtures.insertPngChunkAfterIhdr(PNG, CodecFixtures.pngChunk("eXIf", tiff));
    png = CodecFixtures.insertPngChunkAfterIhdr(png, CodecFixtures.iccpChunk(profile));

    HeaderMetadata metadata = scan(ImageFormat.PNG, png);

    assertThat(metadata.exif()).isEqualTo(tiff);
    assertThat(metadata.iccProfile()).isEqualTo(profile);
  }

  /** 1 MB of zeros deflates to about 1 KB; inflated past the cap it is dropped, not allocated. */
  @Test
  void scan_dropsIccpThatInflatesBeyondCap() throws IOException {
    byte[] bomb = new byte[HeaderMetadata.MAX_ICC_BYTES + 1];
    byte[] png = CodecFixtures.insertPngChunkAfterIhdr(PNG, CodecFixtures.iccpChunk(bomb));

    assertThat(scan(ImageFormat.PNG, png).iccProfile()).isNull();
  }

  @Test
  void scan_findsWebpExifWithOrWithoutJpegPrefix() throws IOException {
    byte[] tiff = CodecFixtures.exifOrientation(8);
    BufferedImage image = CodecFixtures.upright();
    byte[] plain = webpWithChunk(image, "EXIF", tiff);
    byte[] prefixed =
        webpWithChunk(
            image,
            "EXIF",
            CodecFixtures.concat("Exif\0\0".getBytes(StandardCharsets.US_ASCII), tiff));

    assertThat(scan(ImageFormat.WEBP, plain).exif()).isEqualTo(tiff);
    assertThat(scan(ImageFormat.WEBP, prefixed).exif()).isEqualTo(tiff);
  }

  @Test
  void scan_toleratesTruncatedHeaders() throws IOException {
    byte[] jpeg = CodecFixtures.jpegWithExif(JPEG, CodecFixtures.exifOrientation(6));

    assertThat(scan(ImageFormat.JPEG, java.util.Arrays.copyOf(jpeg, 12)).exif()).isNull();
    assertThat(scan(ImageFormat.PNG, java.util.Arrays.copyOf(PNG, 20)).exif()).isNull();
  }

  private static HeaderMetadata scan(ImageFormat format, byte[] bytes) throws IOException {
    return HeaderMetadata.scan(format, new ByteArrayImageInputStream(bytes));
  }

  /** A lossless still with one extra chunk appended after the image data. */
  private static byte[] webpWithChunk(BufferedImage image, String type, byte[] data) {
    byte[] still = WebpFiles.still(image, true, 1f);
    byte[] chunk =
        CodecFixtures.concat(
            type.getBytes(StandardCharsets.US_ASCII),
            java.nio.ByteBuffer.allocate(4)
                .order(java.nio.ByteOrder.LITTLE_ENDIAN)
                .putInt(data.length)
                .array(),
            data,
            new byte[data.length & 1]);
    byte[] out = CodecFixtures.concat(still, chunk);
    java.nio.ByteBuffer.wrap(out, 4, 4)
        .order(java.nio.ByteOrder.LITTLE_ENDIAN)
        .putInt(out.length - 8);
    return out;
  }
}
