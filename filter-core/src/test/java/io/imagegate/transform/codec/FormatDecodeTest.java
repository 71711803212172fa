package io.imagegate.transform.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.imagegate.limits.Limits;
import io.imagegate.source.ImageFormat;
import io.imagegate.testing.TestImages;
import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.IIOImage;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every renderable format and its awkward variants decode to a plain sRGB INT image. */
class FormatDecodeTest {
  @TempDir Path dir;

  @Test
  void decode_reducesSixteenBitPngToEightBits() {
    ComponentColorModel model =
        new ComponentColorModel(
            ColorSpace.getInstance(ColorSpace.CS_sRGB),
            false,
            false,
            Transparency.OPAQUE,
            DataBuffer.TYPE_USHORT);
    WritableRaster raster = model.createCompatibleWritableRaster(16, 8);
    for (int y = 0; y < 8; y++) {
      for (int x = 0; x < 16; x++) {
        raster.setPixel(x, y, new int[] {0xC0FF, 0x4000, 0x80FF});
      }
    }
    byte[] png = CodecFixtures.jdkEncode(new BufferedImage(model, raster, false, null), "png");
    assertThat(png[24]).as("IHDR bit depth").isEqualTo((byte) 16);

    DecodedImage decoded = decode("16bit.png", png);

    assertThat(decoded.image().getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
    assertThat(CodecFixtures.distance(decoded.image(), 3, 3, 0xFFC04080)).isLessThanOrEqualTo(1);
  }

  @Test
  void decode_reducesSixteenBitGreyPng() {
    BufferedImage grey = new BufferedImage(8, 8, BufferedImage.TYPE_USHORT_GRAY);
    for (int y = 0; y < 8; y++) {
      for (int x = 0; x < 8; x++) {
        grey.getRaster().setSample(x, y, 0, 0x6464);
      }
    }

    DecodedImage decoded = decode("grey16.png", CodecFixtures.jdkEncode(grey, "png"));

    assertThat(CodecFixtures.distance(decoded.image(), 4, 4, 0xFF646464)).isLessThanOrEqualTo(1);
  }

  @Test
  void decode_keepsPaletteTransparencyAsAlpha() {
    byte[] r = {(byte) 255, 0, 0, 0};
    byte[] g = {0, (byte) 255, 0, 0};
    byte[] b = {0, 0, (byte) 255, 0};
    byte[] a = {(byte) 255, (byte) 128, 0, (byte) 255};
    IndexColorModel palette = new IndexColorModel(2, 4, r, g, b, a);
    BufferedImage indexed = new BufferedImage(4, 1, BufferedImage.TYPE_BYTE_BINARY, palette);
    for (int x = 0; x < 4; x++) {
      indexed.getRaster().setSample(x, 0, 0, x);
    }
    byte[] png = CodecFixtures.jdkEncode(indexed, "png");
    assertThat(new String(png, java.nio.charset.StandardCharsets.ISO_8859_1))
        .contains("PLTE")
        .contains("tRNS");

    DecodedImage decoded = decode("palette.png", png);

    assertThat(decoded.image().getType()).isEqualTo(BufferedImage.TYPE_INT_ARGB);
    assertThat(CodecFixtures.rgba(decoded.image(), 0, 0)).containsExactly(255, 0, 0, 255);
    assertThat(CodecFixtures.rgba(decoded.image(), 1, 0)[3]).isEqualTo(128);
    assertThat(CodecFixtures.rgba(decoded.image(), 2, 0)[3])
        .as("transparent stays transparent")
        .isZero();
    assertThat(CodecFixtures.rgba(decoded.image(), 3, 0)).containsExactly(0, 0, 0, 255);
  }

  @Test
  void decode_readsInterlacedPng() throws IOException {
    ImageWriter writer = CodecFixtures.jdkWriter("png");
    ImageWriteParam param = writer.getDefaultWriteParam();
    param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
      writer.setOutput(out);
      writer.write(null, new IIOImage(CodecFixtures.upright(), null, null), param);
    }
    assertThat(bytes.toByteArray()[28]).as("IHDR interlace method Adam7").isEqualTo((byte) 1);

    DecodedImage decoded = decode("adam7.png", bytes.toByteArray());

    assertExactQuadrants(decoded.image());
  }

  @Test
  void decode_readsRgbaPngWithAlpha() {
    BufferedImage argb = TestImages.solid(8, 8, 0x80102030, BufferedImage.TYPE_INT_ARGB);

    DecodedImage decoded = decode("rgba.png", CodecFixtures.jdkEncode(argb, "png"));

    assertThat(decoded.image().getType()).isEqualTo(BufferedImage.TYPE_INT_ARGB);
    assertThat(CodecFixtures.rgba(decoded.image(), 4, 4)).containsExactly(0x10, 0x20, 0x30, 0x80);
  }

  @Test
  void decode_readsGif() {
    DecodedImage decoded = decode("q.gif", CodecFixtures.jdkEncode(CodecFixtures.upright(), "gif"));

    assertThat(decoded.info().format()).isEqualTo(ImageFormat.GIF);
    assertExactQuadrants(decoded.image());
  }

  @Test
  void decode_readsFirstFrameOfAnimatedGif() throws IOException {
    ImageWriter writer = CodecFixtures.jdkWriter("gif");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
      writer.setOutput(out);
      writer.prepareWriteSequence(null);
      for (int argb : new int[] {0xFFFF0000, 0xFF00FF00, 0xFF0000FF}) {
        writer.writeToSequence(
            new IIOImage(TestImages.solid(20, 10, argb, BufferedImage.TYPE_INT_RGB), null, null),
            null);
      }
      writer.endWriteSequence();
    }

    DecodedImage decoded = decode("anim.gif", bytes.toByteArray());

    assertThat(decoded.image().getWidth()).isEqualTo(20);
    assertThat(CodecFixtures.rgba(decoded.image(), 10, 5)).containsExactly(255, 0, 0, 255);
  }

  @Test
  void decode_readsBmp() {
    DecodedImage decoded = decode("q.bmp", CodecFixtures.jdkEncode(CodecFixtures.upright(), "bmp"));

    assertThat(decoded.info().format()).isEqualTo(ImageFormat.BMP);
    assertExactQuadrants(decoded.image());
  }

  @Test
  void decode_readsLossyWebp() {
    DecodedImage decoded =
        decode("lossy.webp", WebpFiles.still(CodecFixtures.upright(), false, 0.9f));

    assertThat(decoded.info().format()).isEqualTo(ImageFormat.WEBP);
    ExifOrientationDecodeTest.assertUpright(decoded.image());
  }

  @Test
  void decode_readsLosslessWebpWithAlpha() {
    BufferedImage argb = TestImages.solid(16, 16, 0x00000000, BufferedImage.TYPE_INT_ARGB);
    argb.setRGB(3, 3, 0xFF336699);
    argb.setRGB(4, 4, 0x80FF0000);

    DecodedImage decoded = decode("lossless.webp", WebpFiles.still(argb, true, 1f));

    assertThat(decoded.image().getType()).isEqualTo(BufferedImage.TYPE_INT_ARGB);
    assertThat(CodecFixtures.rgba(decoded.image(), 3, 3)).containsExactly(0x33, 0x66, 0x99, 255);
    assertThat(CodecFixtures.rgba(decoded.image(), 4, 4)).containsExactly(255, 0, 0, 0x80);
    assertThat(CodecFixtures.rgba(decoded.image(), 10, 10)[3]).isZero();
  }

  /** TwelveMonkeys reads animation frames; the first one is the image, at its own size. */
  @Test
  void decode_readsFirstFrameOfAnimatedWebp() {
    byte[] webp =
        WebpFiles.animated(
            32,
            24,
            TestImages.solid(32, 24, 0xFFFF0000, BufferedImage.TYPE_INT_RGB),
            TestImages.solid(32, 24, 0xFF00FF00, BufferedImage.TYPE_INT_RGB));

    DecodedImage decoded = decode("anim.webp", webp);

    assertThat(decoded.image().getWidth()).isEqualTo(32);
    assertThat(CodecFixtures.rgba(decoded.image(), 16, 12)).containsExactly(255, 0, 0, 255);
  }

  @Test
  void decode_readsFirstFrameOfAnimatedLossyWebpWithAlpha() {
    BufferedImage translucent = TestImages.solid(32, 24, 0x00000000, BufferedImage.TYPE_INT_ARGB);
    java.awt.Graphics2D g = translucent.createGraphics();
    g.setColor(java.awt.Color.BLUE);
    g.fillRect(16, 0, 16, 24);
    g.dispose();
    byte[] webp =
        WebpFiles.animated(
            32,
            24,
            false,
            translucent,
            TestImages.solid(32, 24, 0xFF00FF00, BufferedImage.TYPE_INT_ARGB));

    DecodedImage decoded = decode("anim-alpha.webp", webp);

    assertThat(decoded.image().getType()).isEqualTo(BufferedImage.TYPE_INT_ARGB);
    assertThat(CodecFixtures.rgba(decoded.image(), 4, 12)[3]).isLessThan(10);
    assertThat(CodecFixtures.distance(decoded.image(), 26, 12, 0xFF0000FF)).isLessThan(16);
  }

  @Test
  void decode_sniffsFormatFromBytesNotName() {
    DecodedImage decoded =
        decode("actually-png.jpg", CodecFixtures.jdkEncode(CodecFixtures.upright(), "png"));

    assertThat(decoded.info().format()).isEqualTo(ImageFormat.PNG);
    assertExactQuadrants(decoded.image());
  }

  @Test
  void decode_readsJpegWithGarbageAfterEndOfImage() {
    byte[] jpeg =
        CodecFixtures.concat(
            CodecFixtures.jdkJpeg(CodecFixtures.upright(), 0.95f),
            "<html><script>alert(1)</script>".getBytes(java.nio.charset.StandardCharsets.US_ASCII),
            new byte[4096]);

    ExifOrientationDecodeTest.assertUpright(decode("tail.jpg", jpeg).image());
  }

  private DecodedImage decode(String name, byte[] bytes) {
    return ImageCodecs.decode(CodecFixtures.write(dir, name, bytes), Limits.defaults());
  }

  private static void assertExactQuadrants(BufferedImage image) {
    assertThat(image.getWidth()).isEqualTo(64);
    assertThat(image.getHeight()).isEqualTo(48);
    assertThat(image.getRGB(16, 12)).isEqualTo(CodecFixtures.RED);
    assertThat(image.getRGB(48, 12)).isEqualTo(CodecFixtures.GREEN);
    assertThat(image.getRGB(16, 36)).isEqualTo(CodecFixtures.BLUE);
    assertThat(image.getRGB(48, 36)).isEqualTo(CodecFixtures.WHITE);
  }
}
