package io.imagegate.transform.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imagegate.limits.Limits;
import io.imagegate.source.ImageFormat;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

/** The public records validate their fields and do not share their arrays. */
class ValuesTest {
  @Test
  void decodeLimits_defaultsAndValidation() {
    assertThat(Limits.defaults().maxSourcePixels()).isEqualTo(50_000_000L);
    assertThat(Limits.defaults().maxFileBytes()).isEqualTo(100L * 1024 * 1024);
    assertThatThrownBy(() -> Limits.defaults().withMaxSourcePixels(0).withMaxFileBytes(1))
        .hasMessageContaining("maxSourcePixels");
    assertThatThrownBy(() -> Limits.defaults().withMaxSourcePixels(1).withMaxFileBytes(-1))
        .hasMessageContaining("maxFileBytes");
  }

  @Test
  void imageInfo_validation() {
    assertThat(new ImageInfo(ImageFormat.PNG, 70_000, 70_000, 1).pixels())
        .isEqualTo(4_900_000_000L);
    assertThatThrownBy(() -> new ImageInfo(ImageFormat.PNG, 0, 1, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ImageInfo(ImageFormat.PNG, 1, 1, 9))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void exifArrays_areCopied() {
    byte[] exif = CodecFixtures.exifOrientation(1);
    DecodedImage decoded =
        new DecodedImage(
            new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB),
            new ImageInfo(ImageFormat.JPEG, 1, 1, 1),
            exif);
    EncodeOptions options =
        new EncodeOptions(ImageFormat.JPEG, 80, false, false, EncodeOptions.WHITE, exif);

    exif[0] = 'X';
    decoded.exif()[1] = 'X';
    options.exif()[1] = 'X';

    assertThat(decoded.exif()).startsWith('I', 'I');
    assertThat(options.exif()).startsWith('I', 'I');
  }
}
