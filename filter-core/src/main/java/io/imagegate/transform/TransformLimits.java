package io.imagegate.transform;

/**
 * The configurable bounds a transformation must stay within (the {@code limits.*} configuration
 * keys). They are checked while parsing and planning, before any pixel is decoded, so that a URL
 * cannot ask for more work or memory than the operator allows.
 *
 * @param maxDimension largest output width or height in pixels, after {@code dpr}
 * @param maxDpr largest accepted {@code dpr} (never above 5, ImageKit's own bound)
 * @param maxSteps most chained steps ({@code :}-separated), after named transformations expand
 * @param maxOverlays most overlays per request, nested ones included
 * @param maxLength most characters in the raw transformation string
 */
public record TransformLimits(
    int maxDimension, double maxDpr, int maxSteps, int maxOverlays, int maxLength) {

  /** Validates every bound: a limit of zero or below would refuse everything or nothing. */
  public TransformLimits {
    requirePositive("maxDimension", maxDimension);
    requirePositive("maxSteps", maxSteps);
    requirePositive("maxLength", maxLength);
    if (maxOverlays < 0) {
      throw new IllegalArgumentException("maxOverlays must be 0 or more, got " + maxOverlays);
    }
    if (!(maxDpr >= 0.1)) {
      throw new IllegalArgumentException("maxDpr must be at least 0.1, got " + maxDpr);
    }
  }

  /** The documented defaults: 8192 px, dpr 5, 10 steps, 5 overlays, 2048 characters. */
  public static TransformLimits defaults() {
    return new TransformLimits(8192, 5, 10, 5, 2048);
  }

  private static void requirePositive(String name, int value) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be 1 or more, got " + value);
    }
  }
}
