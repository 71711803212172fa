package io.imagegate.transform.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Whole pixels move exactly as the EXIF specification describes, on a labelled 3x2 image {@code a b
 * c / d e f}; the expected layouts are written out by hand.
 */
class OrientationTest {
  @ParameterizedTest(name = "orientation {0} -> {1}")
  @CsvSource({
    "1, abc/def",
    "2, cba/fed", // mirror horizontally
    "3, fed/cba", // rotate 180
    "4, def/abc", // mirror vertically
    "5, ad/be/cf", // transpose
    "6, da/eb/fc", // rotate 90 clockwise
    "7, fc/eb/da", // transverse
    "8, cf/be/ad", // rotate 90 counter-clockwise
  })
  void apply_movesPixelsPerExif(int orientation, String expected) {
    BufferedImage stored = labelled("abc/def", BufferedImage.TYPE_INT_RGB);

    BufferedImage upright = Orientation.apply(stored, orientation);

    assertThat(layout(upright)).isEqualTo(expected);
    assertThat(upright.getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
  }

  @Test
  void apply_keepsAlphaAndType() {
    BufferedImage stored = labelled("abc/def", BufferedImage.TYPE_INT_ARGB);
    stored.setRGB(0, 0, 0x40000000 | 'a');

    BufferedImage upright = Orientation.apply(stored, 6);

    assertThat(upright.getType()).isEqualTo(BufferedImage.TYPE_INT_ARGB);
    assertThat(upright.getRGB(1, 0)).isEqualTo(0x40000000 | 'a');
  }

  @Test
  void apply_returnsSameImageWhenUpright() {
    BufferedImage stored = labelled("abc/def", BufferedImage.TYPE_INT_RGB);

    assertThat(Orientation.apply(stored, 1)).isSameAs(stored);
  }

  /** Each pixel's blue channel holds a letter; rows are separated by '/'. */
  private static BufferedImage labelled(String layout, int type) {
    String[] rows = layout.split("/");
    BufferedImage image = new BufferedImage(rows[0].length(), rows.length, type);
    for (int y = 0; y < rows.length; y++) {
      for (int x = 0; x < rows[y].length(); x++) {
        image.setRGB(x, y, 0xFF000000 | rows[y].charAt(x));
      }
    }
    return image;
  }

  private static String layout(BufferedImage image) {
    StringBuilder out = new StringBuilder();
    for (int y = 0; y < image.getHeight(); y++) {
      if (y > 0) {
        out.append('/');
      }
      for (int x = 0; x < image.getWidth(); x++) {
        out.append((char) (image.getRGB(x, y) & 0xFF));
      }
    }
    return out.toString();
  }
}
