package io.imagegate.transform.geometry;

/**
 * What one step does to the geometry of an image of a given size, as pure numbers. A renderer
 * follows it in this order:
 *
 * <ol>
 *   <li>cut {@link #sourceRegion()} out of the input (input coordinates);
 *   <li>scale that region to {@link #crop()}'s width × height;
 *   <li>draw it at ({@link #offsetX()}, {@link #offsetY()}) on a canvas of {@link #canvasWidth()} ×
 *       {@link #canvasHeight()}, filled with the step's {@code bg} (or {@link Color#WHITE}) where
 *       the image does not cover it.
 * </ol>
 *
 * <p>Equivalently: scale the whole input to {@link #scaledWidth()} × {@link #scaledHeight()}, then
 * cut {@link #crop()} out of it (scaled coordinates). Cropping first is the cheaper way and never
 * makes an intermediate image larger than the output.
 *
 * <p>When {@link #autoFocus()} is set, the crop's position is only a centred default: a
 * content-aware step may move {@link #crop()} (keeping its size, within the scaled image) onto the
 * subject and recompute the source region.
 *
 * @param sourceWidth the input width (after EXIF orientation)
 * @param sourceHeight the input height
 * @param scaledWidth the whole input's width once scaled (it need never be materialised)
 * @param scaledHeight the whole input's height once scaled
 * @param crop the part kept, in scaled coordinates; inside the scaled image
 * @param sourceRegion the same part in input coordinates, rounded to whole pixels
 * @param canvasWidth the output width
 * @param canvasHeight the output height
 * @param offsetX where the crop's left edge lands on the canvas (padding on the left)
 * @param offsetY where the crop's top edge lands on the canvas (padding above)
 * @param autoFocus whether {@code fo-auto} chose the crop position (to refine on pixels)
 */
public record ResizePlan(
    int sourceWidth,
    int sourceHeight,
    int scaledWidth,
    int scaledHeight,
    Rect crop,
    Rect sourceRegion,
    int canvasWidth,
    int canvasHeight,
    int offsetX,
    int offsetY,
    boolean autoFocus) {

  /** The plan that leaves an image as it is. */
  public static ResizePlan identity(int width, int height) {
    Rect all = new Rect(0, 0, width, height);
    return new ResizePlan(width, height, width, height, all, all, width, height, 0, 0, false);
  }

  /** The whole input scaled to {@code width}×{@code height}, nothing cut, nothing padded. */
  public static ResizePlan scale(int sourceWidth, int sourceHeight, int width, int height) {
    return new ResizePlan(
        sourceWidth,
        sourceHeight,
        width,
        height,
        new Rect(0, 0, width, height),
        new Rect(0, 0, sourceWidth, sourceHeight),
        width,
        height,
        0,
        0,
        false);
  }

  /** Whether the plan changes nothing: same size, nothing cut, nothing padded. */
  public boolean isIdentity() {
    return scaledWidth == sourceWidth
        && scaledHeight == sourceHeight
        && !padded()
        && crop.width() == sourceWidth
        && crop.height() == sourceHeight;
  }

  /** Whether part of the canvas is padding (the canvas is larger than the kept part). */
  public boolean padded() {
    return canvasWidth != crop.width() || canvasHeight != crop.height();
  }

  /** Horizontal scale factor from input to output pixels. */
  public double scaleX() {
    return (double) scaledWidth / sourceWidth;
  }

  /** Vertical scale factor from input to output pixels. */
  public double scaleY() {
    return (double) scaledHeight / sourceHeight;
  }

  /**
   * This plan for an input of another size showing the same picture (a reduced decode of the
   * source): the same output (scaled size, crop, canvas, offsets), the source region rescaled.
   */
  public ResizePlan onInput(int width, int height) {
    if (width == sourceWidth && height == sourceHeight) {
      return this;
    }
    ResizePlan moved =
        new ResizePlan(
            width,
            height,
            scaledWidth,
            scaledHeight,
            crop,
            crop,
            canvasWidth,
            canvasHeight,
            offsetX,
            offsetY,
            autoFocus);
    return new ResizePlan(
        width,
        height,
        scaledWidth,
        scaledHeight,
        crop,
        moved.sourceRegionOf(crop),
        canvasWidth,
        canvasHeight,
        offsetX,
        offsetY,
        autoFocus);
  }

  /**
   * What is left of this plan once its source region has been scaled to the crop's size (by a
   * decoder that resamples as it decodes): the crop as the whole input, only the padding to do.
   */
  public ResizePlan resampled() {
    Rect all = new Rect(0, 0, crop.width(), crop.height());
    return new ResizePlan(
        crop.width(),
        crop.height(),
        crop.width(),
        crop.height(),
        all,
        all,
        canvasWidth,
        canvasHeight,
        offsetX,
        offsetY,
        false);
  }

  /**
   * The source region of a crop of this plan's scaled image: the crop's edges divided by the scale
   * factors, rounded to the nearest pixel, at least one pixel, inside the input.
   */
  public Rect sourceRegionOf(Rect scaledCrop) {
    int x0 = edge(scaledCrop.x(), sourceWidth, scaledWidth);
    int x1 = edge(scaledCrop.x() + (long) scaledCrop.width(), sourceWidth, scaledWidth);
    int y0 = edge(scaledCrop.y(), sourceHeight, scaledHeight);
    int y1 = edge(scaledCrop.y() + (long) scaledCrop.height(), sourceHeight, scaledHeight);
    x0 = Math.min(x0, sourceWidth - 1);
    y0 = Math.min(y0, sourceHeight - 1);
    return new Rect(x0, y0, Math.max(1, x1 - x0), Math.max(1, y1 - y0));
  }

  private static int edge(long scaledPosition, int source, int scaled) {
    long position = Math.round((double) scaledPosition * source / scaled);
    return (int) Math.max(0, Math.min(source, position));
  }
}
