package io.imagegate.transform;

import static io.imagegate.transform.model.Values.bad;
import static io.imagegate.transform.model.Values.echo;

import io.imagegate.transform.model.AspectRatio;
import io.imagegate.transform.model.Border;
import io.imagegate.transform.model.Focus;
import io.imagegate.transform.model.Rotation;
import io.imagegate.transform.model.Values;
import java.math.BigDecimal;

/**
 * Readers for values with an inner structure or a special range: {@code ar-W-H}, {@code
 * b-W_COLOUR}, {@code rt} angles, {@code dpr}, {@code t}, overlay positions. Like {@link Values},
 * each returns a valid value or throws a 400 naming the key and value.
 */
final class CompoundValues {
  private CompoundValues() {}

  /** {@code W-H}, whole numbers 1-10000. */
  static AspectRatio aspectRatio(String value) {
    int dash = value.indexOf('-');
    if (dash > 0) {
      String w = value.substring(0, dash);
      String h = value.substring(dash + 1);
      if (Values.isDigits(w) && Values.isDigits(h)) {
        long aw = Values.digits(w);
        long ah = Values.digits(h);
        if (aw >= 1 && ah >= 1 && aw <= 10_000 && ah <= 10_000) {
          return new AspectRatio((int) aw, (int) ah);
        }
      }
    }
    throw bad("ar must be W-H with whole numbers 1-10000, e.g. ar-4-3, got '%s'", echo(value));
  }

  /** {@code W_COLOUR}: width 1..maxDimension, then a colour as for {@code bg}. */
  static Border border(String value, int maxDimension) {
    int sep = value.indexOf('_');
    if (sep > 0) {
      int width = Values.integer("b", value.substring(0, sep), 1, maxDimension);
      return new Border(width, Values.color("b", value.substring(sep + 1)));
    }
    throw bad("b must be W_RRGGBB, e.g. b-5_FF0000, got '%s'", echo(value));
  }

  /** {@code auto}, or degrees -360..360 with {@code N} or {@code -} for counter-clockwise. */
  static Rotation rotation(String value) {
    if (value.equals("auto")) {
      return new Rotation(0, true);
    }
    boolean negative = value.startsWith("N") || value.startsWith("-");
    String digits = negative ? value.substring(1) : value;
    if (Values.isDigits(digits) && Values.digits(digits) <= 360) {
      int degrees = (int) Values.digits(digits);
      return Rotation.ofDegrees(negative ? -degrees : degrees);
    }
    throw bad(
        "rt must be auto or an angle from -360 to 360 (N90 or -90 for counter-clockwise), "
            + "got '%s'",
        echo(value));
  }

  /** A decimal 0.1 to the smaller of 5 and the configured maximum; {@code auto} is refused. */
  static double dpr(String value, double maxDpr) {
    if (value.equals("auto")) {
      throw bad(
          "dpr-auto (client hints) is not supported; give a number 0.1-%s",
          Values.decimalText(Math.min(5, maxDpr)));
    }
    double max = Math.min(5, maxDpr);
    BigDecimal d = Values.decimal(value);
    if (d != null) {
      double dpr = d.doubleValue();
      if (dpr >= 0.1 && dpr <= max) {
        return dpr;
      }
    }
    throw bad(
        "dpr must be a number from 0.1 to %s, got '%s'", Values.decimalText(max), echo(value));
  }

  /** A trim threshold 1-99 ({@code t-true} is handled by the caller). */
  static int trimThreshold(String value) {
    if (Values.isDigits(value)) {
      long v = Values.digits(value);
      if (v >= 1 && v <= 99) {
        return (int) v;
      }
    }
    throw bad("t must be true, false or a threshold 1-99, got '%s'", echo(value));
  }

  /** A {@link Focus} other than {@code auto}: an overlay needs a fixed place. */
  static Focus overlayPosition(String key, String value) {
    return Focus.fromToken(value)
        .filter(f -> f != Focus.AUTO)
        .orElseThrow(
            () ->
                bad(
                    "%s must be center, top, left, bottom, right, top_left, top_right, bottom_left or "
                        + "bottom_right, got '%s'",
                    key, echo(value)));
  }
}
