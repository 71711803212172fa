package io.imagegate.transform.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.imagegate.testing.ImageMetrics;
import io.imagegate.testing.TestImages;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every operation survives one-pixel, one-row and one-column images without losing them. */
class TinyImagesTest {
  private static final List<UnaryOperator<BufferedImage>> OPS =
      List.of(
          img -> Resample.resize(img, 3, 2),
          img -> Resample.resize(img, img.getWidth(), img.getHeight()),
          img -> Cut.crop(img, 0, 0, 1, 1),
          img -> Pad.pad(img, 5, 5, 2, 2, 0xFFFFFFFF),
          img -> Rotate.rotate(img, 90, 0),
          img -> Rotate.rotate(img, 33, 0),
          img -> Effects.blur(img, 100),
          img -> Effects.grayscale(img),
          img -> Effects.sharpen(img, 50),
          img -> Effects.contrast(img),
          img -> Frame.border(img, 2, 0xFF000000),
          img -> Corners.round(img, 5, 0),
          img -> Corners.round(img, Corners.MAX, 0),
          img -> Trim.trim(img, 10),
          img -> Composite.overlay(img, img, 0, 0),
          img -> {
            Region r = Saliency.auto(img, 1, 1);
            return Cut.crop(img, r.x(), r.y(), r.width(), r.height());
          });

  @ParameterizedTest
  @CsvSource({"1, 1", "1, 37", "37, 1", "2, 2"})
  void everyOperation_handlesTinyImages(int w, int h) {
    BufferedImage src = TestImages.gradient(w, h, BufferedImage.TYPE_INT_ARGB);
    BufferedImage before = TestImages.copy(src);

    for (UnaryOperator<BufferedImage> op : OPS) {
      BufferedImage out = op.apply(src);
      assertThat(out.getWidth()).isPositive();
      assertThat(out.getHeight()).isPositive();
      assertThat(out.getType()).isIn(BufferedImage.TYPE_INT_ARGB, BufferedImage.TYPE_INT_RGB);
    }
    ImageMetrics.assertSamePixels(src, before);
  }

  @ParameterizedTest
  @CsvSource({"1, 1", "17, 5", "300, 200"})
  void resize_toTheSameSizeIsTheIdentity(int w, int h) {
    BufferedImage src = TestImages.card(w, h);

    ImageMetrics.assertSamePixels(Resample.resize(src, w, h), src);
  }
}
