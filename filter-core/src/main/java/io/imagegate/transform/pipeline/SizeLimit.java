package io.imagegate.transform.pipeline;

import io.imagegate.failure.Failure;
import io.imagegate.failure.ImageGateException;

/**
 * The {@code limits.max-dimension} rule for what a stage produces. A stage may not grow a side
 * beyond the limit; a side that was already beyond it (a large source passing through unscaled,
 * which the source-pixel limit bounds) may stay as it is. Checked before the pixels are allocated
 * where the size is known in advance (rotation, border), and after every stage.
 */
final class SizeLimit {
  private final int maxDimension;

  SizeLimit(int maxDimension) {
    this.maxDimension = maxDimension;
  }

  /**
   * Refuses a result of {@code newWidth}x{@code newHeight} made from {@code oldWidth}x{@code
   * oldHeight} by the stage named {@code cause} when it grows a side beyond the limit.
   *
   * @throws ImageGateException 400 naming the cause and the size
   */
  void check(String cause, long oldWidth, long oldHeight, long newWidth, long newHeight) {
    boolean wider = newWidth > maxDimension && newWidth > oldWidth;
    boolean taller = newHeight > maxDimension && newHeight > oldHeight;
    if (wider || taller) {
      throw ImageGateException.of(
          Failure.BAD_TRANSFORMATION,
          "%s would make the image %dx%d pixels, above the limit of %d",
          cause,
          newWidth,
          newHeight,
          maxDimension);
    }
  }
}
