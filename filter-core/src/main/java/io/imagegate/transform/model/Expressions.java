package io.imagegate.transform.model;

import static io.imagegate.transform.model.Values.bad;

/** Turns evaluated {@link Arithmetic} values into the sizes and positions the renderer uses. */
final class Expressions {
  private Expressions() {}

  /** A width or height: rounded half up, 1 to {@code maxDimension}. */
  public static Dimension size(
      String key, Arithmetic expression, Arithmetic.Variables vars, int max) {
    long pixels = Math.round(expression.evaluate(vars));
    if (pixels < 1 || pixels > max) {
      throw bad(
          "%s-%s gives %d pixels for this image; it must be 1 to %d",
          key, expression.token(), pixels, max);
    }
    return Dimension.ofPixels((int) pixels);
  }

  /** An extraction corner: rounded half up, not below 0. */
  public static int coordinate(String key, Arithmetic expression, Arithmetic.Variables vars) {
    long value = Math.round(expression.evaluate(vars));
    if (value < 0 || value > Values.MAX_COORDINATE) {
      throw bad(
          "%s-%s gives %d for this image; it must be 0 to %d",
          key, expression.token(), value, Values.MAX_COORDINATE);
    }
    return (int) value;
  }

  /** A layer offset: rounded half up; a negative value counts from the right or bottom edge. */
  public static int offset(String key, Arithmetic expression, Arithmetic.Variables vars) {
    long value = Math.round(expression.evaluate(vars));
    if (Math.abs(value) > Values.MAX_COORDINATE) {
      throw bad(
          "%s-%s gives %d for this image; it must be within %d",
          key, expression.token(), value, Values.MAX_COORDINATE);
    }
    return (int) value;
  }

  /** A font size or wrap width in pixels: rounded half up, 1 to {@code max}. */
  public static int pixels(String key, Arithmetic expression, Arithmetic.Variables vars, int max) {
    return size(key, expression, vars, max).pixels();
  }
}
