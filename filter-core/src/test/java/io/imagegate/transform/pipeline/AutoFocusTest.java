package io.imagegate.transform.pipeline;

import static io.imagegate.testing.ImageMetrics.lumaStdDev;
import static io.imagegate.testing.ImageMetrics.meanAbsDiff;
import static io.imagegate.transform.pipeline.Pictures.step;
import static org.assertj.core.api.Assertions.assertThat;

import io.imagegate.limits.Limits;
import io.imagegate.transform.geometry.GeometryPlanner;
import io.imagegate.transform.ops.Cut;
import io.imagegate.transform.ops.Resample;
import java.awt.image.BufferedImage;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@code fo-auto}: a textured subject on a smooth background stays in the crop. */
class AutoFocusTest {
  private final GeometryStage stage = new GeometryStage(new GeometryPlanner(Limits.defaults()));

  /** A smooth horizontal blue-grey gradient with a noisy square subject at the given place. */
  static BufferedImage subjectOn(int w, int h, int sx, int sy, int size) {
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Random random = new Random(7);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int v = 90 + 60 * x / w;
        int rgb = v << 16 | v << 8 | 200;
        if (x >= sx && x < sx + size && y >= sy && y < sy + size) {
          rgb = random.nextInt(0x1000000);
        }
        img.setRGB(x, y, 0xFF000000 | rgb);
      }
    }
    return img;
  }

  @Test
  void squareCrop_keepsASubjectOnTheLeft() {
    BufferedImage src = subjectOn(400, 200, 20, 50, 100);
    BufferedImage centred = stage.apply(src, step("w-200,h-200"));
    BufferedImage auto = stage.apply(src, step("w-200,h-200,fo-auto"));
    assertThat(auto.getWidth()).isEqualTo(200);
    assertThat(auto.getHeight()).isEqualTo(200);
    // The centre crop (columns 100..299) keeps a fifth of the subject (20..119); fo-auto all.
    assertThat(countNoisy(centred)).isLessThan(100 * 100 / 4);
    assertThat(countNoisy(auto)).isGreaterThan(100 * 100 * 9 / 10);
    assertThat(meanAbsDiff(auto, Cut.crop(src, 0, 0, 200, 200))).isZero();
  }

  @Test
  void scaledCrop_keepsASubjectOnTheRight() {
    BufferedImage src = subjectOn(800, 400, 620, 150, 120);
    BufferedImage auto = stage.apply(src, step("w-100,h-100,fo-auto"));
    assertThat(auto.getWidth()).isEqualTo(100);
    // Scaled 4x down to 200x100, the subject is columns 155..184: the crop keeps the right
    // half (scaled columns 100..199), where the centre crop would keep 50..149.
    BufferedImage rightHalf = Cut.crop(Resample.resize(src, 200, 100), 100, 0, 100, 100);
    assertThat(meanAbsDiff(auto, rightHalf)).isLessThan(2);
    assertThat(lumaStdDev(auto, 58, 40, 24, 24)).isGreaterThan(2 * lumaStdDev(auto, 0, 40, 40, 24));
  }

  @Test
  void tallImage_movesTheCropDown() {
    BufferedImage src = subjectOn(200, 600, 50, 430, 100);
    BufferedImage auto = stage.apply(src, step("w-200,h-200,fo-auto"));
    assertThat(auto.getHeight()).isEqualTo(200);
    assertThat(countNoisy(auto)).isGreaterThan(100 * 100 * 9 / 10);
  }

  @Test
  void extract_findsTheSubjectOnBothAxes() {
    BufferedImage src = subjectOn(400, 300, 280, 30, 80);
    BufferedImage auto = stage.apply(src, step("w-100,h-100,cm-extract,fo-auto"));
    assertThat(auto.getWidth()).isEqualTo(100);
    // The 80 px subject lies wholly inside the 100 px window: all its texture is there.
    assertThat(lumaStdDev(auto, 0, 0, 100, 100))
        .isGreaterThan(0.6 * lumaStdDev(src, 280, 30, 80, 80));
    assertThat(countNoisy(auto)).isGreaterThanOrEqualTo(80 * 80 * 9 / 10);
  }

  @Test
  void extract_keepsAnAxisFixedByX() {
    BufferedImage src = subjectOn(400, 300, 20, 180, 80);
    BufferedImage auto = stage.apply(src, step("w-100,h-100,cm-extract,x-0,fo-auto"));
    // Columns stay where x-0 says (the subject starts at column 20); rows follow the subject.
    assertThat(countNoisy(auto)).isGreaterThanOrEqualTo(80 * 80 * 9 / 10);
    assertThat(countNoisy(Cut.crop(auto, 0, 0, 20, 100))).isZero();
    assertThat(countNoisy(Cut.crop(auto, 20, 0, 1, 100))).isGreaterThan(70);
  }

  /** Pixels far from the smooth background colour of their column: subject pixels. */
  private static int countNoisy(BufferedImage img) {
    int n = 0;
    for (int y = 0; y < img.getHeight(); y++) {
      for (int x = 0; x < img.getWidth(); x++) {
        if ((img.getRGB(x, y) & 0xFF) != 200) {
          n++;
        }
      }
    }
    return n;
  }
}
