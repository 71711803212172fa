package io.imagegate.transform.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imagegate.testing.ImageMetrics;
import io.imagegate.testing.TestImages;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A region of an off-heap image resampled as {@link Resample} resamples a view of it, with or
 * without a helper thread taking half of the output rows: the same pixels every way.
 */
class RegionResampleTest {
  private final ExecutorService helper = Executors.newSingleThreadExecutor();

  @AfterEach
  void stop() {
    helper.shutdownNow();
  }

  @ParameterizedTest(name = "{0}x{1} region {2},{3} {4}x{5} -> {6}x{7}")
  @CsvSource({
    "2656, 1494, 581, 0, 1494, 1494, 300, 300", // the 16 MP photo's 1/2 decode, centre square
    "2656, 1494, 0, 0, 2656, 1494, 533, 301", // whole image, odd output height
    "4000, 3000, 17, 9, 3900, 2950, 300, 200", // box pre-reduction (kx, ky = 4)
    "1200, 900, 0, 0, 1200, 900, 400, 64", // just enough rows for a split
    "300, 200, 0, 0, 300, 200, 100, 60" // too small to split: the caller does it all
  })
  void withOrWithoutAHelper_thePixelsAreThoseOfResamplingAView(
      int iw, int ih, int x, int y, int w, int h, int width, int height) {
    BufferedImage image = TestImages.card(iw, ih);
    BufferedImage rgb = new BufferedImage(iw, ih, BufferedImage.TYPE_INT_RGB);
    rgb.createGraphics().drawImage(image, 0, 0, null);
    PackedRows rows = packed(rgb, new AtomicInteger(-1));

    BufferedImage expected = Resample.resize(rgb.getSubimage(x, y, w, h), width, height);
    ImageMetrics.assertSamePixels(RegionResample.resize(rows, x, y, w, h, width, height), expected);
    ImageMetrics.assertSamePixels(
        RegionResample.resize(rows, x, y, w, h, width, height, helper), expected);
    ImageMetrics.assertSamePixels(
        RegionResample.resize(
            rows,
            x,
            y,
            w,
            h,
            width,
            height,
            task -> {
              throw new RejectedExecutionException("busy");
            }),
        expected);
  }

  @Test
  void aFailureInTheHelpersHalf_isTheCallersFailure() {
    BufferedImage rgb = new BufferedImage(2000, 1500, BufferedImage.TYPE_INT_RGB);
    PackedRows rows = packed(rgb, new AtomicInteger(1400)); // a row only the lower half reads
    assertThatThrownBy(() -> RegionResample.resize(rows, 0, 0, 2000, 1500, 400, 300, helper))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("row 1400");
  }

  @Test
  void whenTheCallersHalfFails_itStillWaitsForTheHelper_whoseRowsMayBeFreedAfter() {
    // The rows are a decoder's native buffer, freed as soon as resize is over: returning (even by
    // throwing) while the helper still reads them would be a read after free.
    BufferedImage rgb = new BufferedImage(2000, 1500, BufferedImage.TYPE_INT_RGB);
    PackedRows inner = packed(rgb, new AtomicInteger(-1));
    java.util.concurrent.atomic.AtomicBoolean helperReading =
        new java.util.concurrent.atomic.AtomicBoolean();
    java.util.concurrent.atomic.AtomicBoolean helperDone =
        new java.util.concurrent.atomic.AtomicBoolean();
    String caller = Thread.currentThread().getName();
    int last = rgb.getHeight() - 1;
    PackedRows rows =
        observed(
            inner,
            row -> {
              if (currentThreadName().equals(caller)) {
                while (!helperReading.get()) {
                  Thread.onSpinWait();
                }
                throw new IllegalStateException("the caller's half failed");
              }
              if (helperReading.compareAndSet(false, true)) {
                try {
                  Thread.sleep(300);
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              }
              if (row == last) {
                helperDone.set(true);
              }
            });
    assertThatThrownBy(() -> RegionResample.resize(rows, 0, 0, 2000, 1500, 400, 300, helper))
        .hasMessage("the caller's half failed");
    assertThat(helperDone).as("resize returned only after the helper's last read").isTrue();
  }

  @Test
  void aHelperTakesTheLowerHalf_onItsOwnThread() {
    BufferedImage rgb = new BufferedImage(2000, 1500, BufferedImage.TYPE_INT_RGB);
    java.util.Set<String> readers = java.util.concurrent.ConcurrentHashMap.newKeySet();
    PackedRows rows =
        observed(packed(rgb, new AtomicInteger(-1)), row -> readers.add(currentThreadName()));
    RegionResample.resize(rows, 0, 0, 2000, 1500, 400, 300, helper);
    assertThat(readers).hasSize(2).contains(Thread.currentThread().getName());
  }

  /** {@code rows}, telling {@code beforeRead} of each row read (on the reading thread) first. */
  private static PackedRows observed(PackedRows rows, java.util.function.IntConsumer beforeRead) {
    return new PackedRows() {
      @Override
      public int width() {
        return rows.width();
      }

      @Override
      public int height() {
        return rows.height();
      }

      @Override
      public void read(int row, int x, int count, int[] out) {
        beforeRead.accept(row);
        rows.read(row, x, count, out);
      }
    };
  }

  private static String currentThreadName() {
    return Thread.currentThread().getName();
  }

  /** The image's pixels as off-heap rows would give them; reading row {@code failAt} throws. */
  private static PackedRows packed(BufferedImage rgb, AtomicInteger failAt) {
    int[] px = ((DataBufferInt) rgb.getRaster().getDataBuffer()).getData();
    int w = rgb.getWidth();
    int h = rgb.getHeight();
    return new PackedRows() {
      @Override
      public int width() {
        return w;
      }

      @Override
      public int height() {
        return h;
      }

      @Override
      public void read(int row, int x, int count, int[] out) {
        if (row == failAt.get()) {
          throw new IllegalStateException("row " + row);
        }
        System.arraycopy(px, row * w + x, out, 0, count);
      }
    };
  }
}
