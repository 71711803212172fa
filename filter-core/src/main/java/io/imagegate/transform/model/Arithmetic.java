package io.imagegate.transform.model;

import static io.imagegate.transform.model.Values.bad;
import static io.imagegate.transform.model.Values.echo;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One of ImageKit's arithmetic expressions ("Arithmetic expressions in transformations"): values
 * and operators joined by {@code _}, e.g. {@code iw_div_2}, {@code bw_mul_0.3}, {@code
 * ih_mul_0.8_add_iw_mul_0.4}, or a variable alone ({@code bh}). Values are variables or
 * non-negative numbers; operators are {@code add}, {@code sub}, {@code mul}, {@code div}, {@code
 * mod} and {@code pow}, evaluated in ImageKit's documented order: {@code mul}/{@code div} first,
 * then {@code add}/{@code sub}, then {@code mod}, then {@code pow}, each level left to right.
 *
 * <p>Variables: {@code iw}/{@code ih}/{@code iar} (the initial asset, inside a layer the overlay's
 * own), {@code cw}/{@code ch}/{@code car} (the current image: the previous step's result, inside a
 * layer the overlay's), {@code bw}/{@code bh}/{@code bar} (the image a layer is drawn on; only
 * inside a layer).
 *
 * @param tokens the canonical tokens: values and operators alternating, numbers normalised
 */
public record Arithmetic(List<String> tokens) {
  /** Most values in one expression; far beyond any real recipe, and it bounds the work. */
  public static final int MAX_VALUES = 16;

  private static final Set<String> VARIABLES =
      Set.of("iw", "ih", "iar", "cw", "ch", "car", "bw", "bh", "bar");
  private static final Set<String> BASE_VARIABLES = Set.of("bw", "bh", "bar");
  private static final List<List<String>> LEVELS =
      List.of(List.of("mul", "div"), List.of("add", "sub"), List.of("mod"), List.of("pow"));

  /** Freezes the tokens. */
  public Arithmetic {
    tokens = List.copyOf(tokens);
    if (tokens.size() % 2 != 1) {
      throw new IllegalArgumentException("an expression alternates values and operators");
    }
  }

  /** Whether a value is written as an expression rather than a plain number. */
  public static boolean looksLike(String value) {
    return value.indexOf('_') >= 0 || VARIABLES.contains(value);
  }

  /**
   * Reads an expression.
   *
   * @param key the parameter, for messages
   * @param value its text
   * @param inLayer whether the parameter is inside a layer ({@code bw}, {@code bh}, {@code bar}
   *     need one)
   * @param baseOnly whether only {@code bw}, {@code bh} and {@code bar} are allowed (text layers
   *     and solid colour blocks, as ImageKit documents)
   */
  public static Arithmetic parse(String key, String value, boolean inLayer, boolean baseOnly) {
    String[] parts = value.split("_", -1);
    if (parts.length % 2 == 0 || parts.length > 2 * MAX_VALUES - 1) {
      throw malformed(key, value);
    }
    List<String> tokens = new ArrayList<>();
    for (int i = 0; i < parts.length; i++) {
      String part = parts[i];
      if (i % 2 == 1) {
        if (!isOperator(part)) {
          throw malformed(key, value);
        }
        tokens.add(part);
      } else if (VARIABLES.contains(part)) {
        if (BASE_VARIABLES.contains(part) && !inLayer) {
          throw bad(
              "%s-%s: %s is the width, height or aspect ratio of the image a layer is drawn on, "
                  + "so it can only be used inside a layer",
              key, echo(value), part);
        }
        if (baseOnly && !BASE_VARIABLES.contains(part)) {
          throw bad(
              "%s-%s: inside a text layer or a solid colour block only bw, bh and bar can be used",
              key, echo(value));
        }
        tokens.add(part);
      } else {
        BigDecimal number = Values.decimal(part);
        if (number == null) {
          throw malformed(key, value);
        }
        tokens.add(Values.decimalText(number.doubleValue()));
      }
    }
    return new Arithmetic(tokens);
  }

  /**
   * The value for these variables.
   *
   * @throws io.imagegate.failure.ImageGateException (400) on a division or modulus by zero, or a
   *     result that is not a finite number
   */
  public double evaluate(Variables vars) {
    Objects.requireNonNull(vars, "vars");
    List<Double> values = new ArrayList<>();
    List<String> ops = new ArrayList<>();
    for (int i = 0; i < tokens.size(); i++) {
      String t = tokens.get(i);
      if (i % 2 == 1) {
        ops.add(t);
      } else {
        values.add(VARIABLES.contains(t) ? vars.value(t) : Double.parseDouble(t));
      }
    }
    for (List<String> level : LEVELS) {
      int i = 0;
      while (i < ops.size()) {
        if (level.contains(ops.get(i))) {
          double result = apply(ops.get(i), values.get(i), values.get(i + 1));
          values.set(i, result);
          values.remove(i + 1);
          ops.remove(i);
        } else {
          i++;
        }
      }
    }
    return values.get(0);
  }

  /** Whether every variable is {@code bw}, {@code bh} or {@code bar}. */
  public boolean usesOnlyBase() {
    for (int i = 0; i < tokens.size(); i += 2) {
      String t = tokens.get(i);
      if (VARIABLES.contains(t) && !BASE_VARIABLES.contains(t)) {
        return false;
      }
    }
    return true;
  }

  /** The canonical text, e.g. {@code bw_mul_0.3}. */
  public String token() {
    return String.join("_", tokens);
  }

  private double apply(String op, double a, double b) {
    double result =
        switch (op) {
          case "add" -> a + b;
          case "sub" -> a - b;
          case "mul" -> a * b;
          case "div" -> b == 0 ? Double.NaN : a / b;
          case "mod" -> b == 0 ? Double.NaN : a % b;
          default -> Math.pow(a, b);
        };
    if (!Double.isFinite(result)) {
      throw bad("the expression %s has no finite value for this image", token());
    }
    return result;
  }

  private static boolean isOperator(String part) {
    return switch (part) {
      case "add", "sub", "mul", "div", "mod", "pow" -> true;
      default -> false;
    };
  }

  private static RuntimeException malformed(String key, String value) {
    return bad(
        "%s must be a number or an arithmetic expression such as iw_div_2 or bw_mul_0.3 "
            + "(values: iw, ih, iar, cw, ch, car, bw, bh, bar or numbers; operators: add, sub, "
            + "mul, div, mod, pow), got '%s'",
        key, echo(value));
  }

  /**
   * The sizes an expression can refer to.
   *
   * @param iw initial width
   * @param ih initial height
   * @param cw current width
   * @param ch current height
   * @param bw width of the image a layer is drawn on, 0 outside a layer
   * @param bh its height
   */
  public record Variables(double iw, double ih, double cw, double ch, double bw, double bh) {

    double value(String name) {
      return switch (name) {
        case "iw" -> iw;
        case "ih" -> ih;
        case "iar" -> ratio(iw, ih);
        case "cw" -> cw;
        case "ch" -> ch;
        case "car" -> ratio(cw, ch);
        case "bw" -> bw;
        case "bh" -> bh;
        case "bar" -> ratio(bw, bh);
        default -> throw new IllegalArgumentException("no variable " + name);
      };
    }

    private static double ratio(double w, double h) {
      return h == 0 ? 0 : w / h;
    }
  }
}
