package io.imagegate.transform.model;

/**
 * A requested width or height: whole pixels ({@code w-300}) or a fraction of the input's size
 * ({@code w-0.5}). Exactly one of the two is set.
 *
 * @param pixels the size in pixels, or 0 for a fraction
 * @param fraction the share of the input's size, strictly between 0 and 1, or 0 for pixels
 */
public record Dimension(int pixels, double fraction) {

  /** Rejects a value that is both or neither. */
  public Dimension {
    boolean isPixels = pixels > 0 && fraction == 0;
    boolean isFraction = pixels == 0 && fraction > 0 && fraction < 1;
    if (!isPixels && !isFraction) {
      throw new IllegalArgumentException(
          "a dimension is pixels > 0 or a fraction 0-1, got " + pixels + "/" + fraction);
    }
  }

  /** A size in whole pixels. */
  public static Dimension ofPixels(int pixels) {
    return new Dimension(pixels, 0);
  }

  /** A share of the input's size, strictly between 0 and 1. */
  public static Dimension ofFraction(double fraction) {
    return new Dimension(0, fraction);
  }

  /** Whether this is a fraction of the input rather than pixels. */
  public boolean isFraction() {
    return pixels == 0;
  }

  /** The size in (fractional) pixels for an input side of {@code inputSize} pixels. */
  public double resolve(int inputSize) {
    return isFraction() ? fraction * inputSize : pixels;
  }

  /** The canonical text: {@code 300} or {@code 0.5}. */
  public String token() {
    return isFraction() ? Values.decimalText(fraction) : Integer.toString(pixels);
  }
}
