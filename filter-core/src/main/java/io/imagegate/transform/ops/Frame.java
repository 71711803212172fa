package io.imagegate.transform.ops;

import java.awt.image.BufferedImage;

/**
 * A solid frame around an image, ImageKit's {@code b-<width>_<RRGGBB>}.
 *
 * <p>ImageKit's documentation says only that the step "adds a border to the image" of the given
 * width in pixels; here the frame is added outside the picture, so nothing of it is covered and
 * each dimension grows by twice the width (as ImageMagick's {@code -border} and Cloudinary's {@code
 * bo_} do).
 */
public final class Frame {
  private Frame() {}

  /**
   * Returns {@code src} framed by {@code width} pixels of {@code argb} on every side, so {@code (w
   * + 2 * width) x (h + 2 * width)}. The input is not modified.
   *
   * @return {@code TYPE_INT_ARGB} if {@code src} has alpha or the colour is not opaque, else {@code
   *     TYPE_INT_RGB}
   * @throws IllegalArgumentException if {@code width} is negative
   */
  public static BufferedImage border(BufferedImage src, int width, int argb) {
    if (width < 0) {
      throw new IllegalArgumentException("border width must not be negative: " + width);
    }
    return Pad.pad(
        src,
        Math.addExact(src.getWidth(), 2 * width),
        Math.addExact(src.getHeight(), 2 * width),
        width,
        width,
        argb);
  }
}
