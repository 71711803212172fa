package io.imagegate.transform.ops;

import java.awt.image.BufferedImage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;

/**
 * {@link Resample}'s filter on a region of an image held outside the heap ({@link PackedRows}: a
 * decoder's buffer), optionally with half of the output rows on a helper thread.
 */
public final class RegionResample {
  private RegionResample() {}

  /**
   * As {@link Resample#resize(BufferedImage, int, int)} of the region {@code (x, y, w, h)} of an
   * opaque image held outside the heap: the same filter and the same result as resizing a view of
   * that region, reading only the region's rows and columns.
   *
   * @return a {@code TYPE_INT_RGB} image of exactly {@code width x height}
   * @throws IllegalArgumentException if a size is below 1 or the region is not inside the image
   */
  public static BufferedImage resize(
      PackedRows src, int x, int y, int w, int h, int width, int height) {
    return resize(src, x, y, w, h, width, height, null);
  }

  /**
   * As {@link #resize(PackedRows, int, int, int, int, int, int)}, the lower half of the output rows
   * filtered on {@code helper} while the caller filters the upper half, when the image is large
   * enough to pay for the hand-over and {@code helper} takes the task at once (a helper that
   * refuses, being busy, leaves the whole image to the caller). The pixels are the same either way.
   *
   * @param helper another thread for half the work, or null
   */
  public static BufferedImage resize(
      PackedRows src, int x, int y, int w, int h, int width, int height, Executor helper) {
    if (width < 1 || height < 1 || w < 1 || h < 1) {
      throw new IllegalArgumentException("sizes must be at least 1x1");
    }
    if (x < 0 || y < 0 || x + (long) w > src.width() || y + (long) h > src.height()) {
      throw new IllegalArgumentException("the region is not inside the image");
    }
    ArgbRows region =
        (row, out) -> {
          src.read(y + row, x, w, out);
          for (int i = 0; i < w; i++) {
            out[i] |= 0xFF000000;
          }
        };
    int kx = Math.max(1, w / (width * Resample.PRE_REDUCE_MARGIN));
    int ky = Math.max(1, h / (height * Resample.PRE_REDUCE_MARGIN));
    // Each half reads its own rows (the region is random access) through its own row buffers.
    Supplier<PremultipliedRows> rows =
        () ->
            kx == 1 && ky == 1
                ? new ImageRows(region, w, h)
                : new BoxRows(region, w, h, kx, ky, false);
    int inWidth = (w + kx - 1) / kx;
    int inHeight = (h + ky - 1) / ky;
    Taps horizontal = Taps.lanczos3(inWidth, width, (double) w / width / kx);
    Taps vertical = Taps.lanczos3(inHeight, height, (double) h / height / ky);
    int[] out = new int[Math.multiplyExact(width, height)];
    int split = height;
    FutureTask<Void> lower = null;
    if (helper != null && height >= 2 * MIN_HALF_ROWS && (long) w * h >= MIN_SPLIT_PIXELS) {
      int half = height / 2;
      lower =
          new FutureTask<>(
              () ->
                  Resample.filter(
                      rows.get(), horizontal, vertical, out, width, false, half, height),
              null);
      try {
        helper.execute(lower);
        split = half;
      } catch (RejectedExecutionException busy) {
        lower = null;
      }
    }
    try {
      Resample.filter(rows.get(), horizontal, vertical, out, width, false, 0, split);
    } catch (RuntimeException | Error e) {
      if (lower != null) {
        // Never return while the helper still reads the rows: they may be a decoder's buffer that
        // is freed as soon as this call is over.
        try {
          awaitHalf(lower);
        } catch (RuntimeException | Error also) {
          e.addSuppressed(also);
        }
      }
      throw e;
    }
    if (lower != null) {
      awaitHalf(lower);
    }
    return Pixels.image(out, width, height, false);
  }

  /** Output rows a half must have at least for the image to be split. */
  private static final int MIN_HALF_ROWS = 32;

  /** Source pixels a region must have at least for the image to be split (a quarter megapixel). */
  private static final long MIN_SPLIT_PIXELS = 1L << 18;

  /** Waits for the helper's half; its failure is this call's failure. */
  private static void awaitHalf(FutureTask<Void> lower) {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          lower.get();
          return;
        } catch (InterruptedException e) {
          interrupted = true; // the half is running: finish waiting, then restore the flag
        } catch (ExecutionException e) {
          Throwable cause = e.getCause();
          if (cause instanceof RuntimeException r) {
            throw r;
          }
          if (cause instanceof Error err) {
            throw err;
          }
          throw new IllegalStateException(cause);
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
