package io.imagegate.transform;

import static io.imagegate.transform.Values.bad;
import static io.imagegate.transform.Values.echo;

/**
 * Reads one {@code key-value} parameter into a {@link StepDraft}: the key table of DESIGN §2.
 * Decides which keys are allowed where (a step, a layer, both) and rejects duplicates; the value
 * readers live in {@link Values}.
 */
final class ParamReader {
  private final TransformLimits limits;

  ParamReader(TransformLimits limits) {
    this.limits = limits;
  }

  /**
   * @param draft the step or layer being read
   * @param key the text before the first {@code -}
   * @param value the text after it, never empty
   * @param param the whole parameter, for messages
   */
  void read(StepDraft draft, String key, String value, String param) {
    String identity = key.equals("e") ? "e-" + effectName(value) : key;
    if (!draft.seen.add(identity)) {
      throw bad("duplicate key '%s' in '%s'; each key may appear once per step",
          echo(identity), echo(param));
    }
    if (draft.isLayer() ? readLayerOnly(draft, key, value) : readStepOnly(draft, key, value)) {
      return;
    }
    if (readShared(draft, key, value, param)) {
      return;
    }
    if (isStepOnly(key)) {
      throw bad("'%s' is not allowed inside a layer (l-image ... l-end), in '%s'", key,
          echo(param));
    }
    if (isLayerOnly(key)) {
      throw bad("'%s' is only allowed inside a layer (l-image ... l-end), in '%s'", key,
          echo(param));
    }
    throw bad("unknown transformation key '%s' in '%s'", echo(key), echo(param));
  }

  private boolean readShared(StepDraft d, String key, String value, String param) {
    int maxDim = limits.maxDimension();
    switch (key) {
      case "w" -> d.width = Values.dimension("w", value, maxDim);
      case "h" -> d.height = Values.dimension("h", value, maxDim);
      case "ar" -> d.aspectRatio = aspectRatio(value);
      case "c" -> d.crop = Crop.fromToken(value).orElseThrow(() -> bad(
          "c must be maintain_ratio, force, at_max, at_max_enlarge or at_least, got '%s'",
          echo(value)));
      case "cm" -> d.cropMode = CropMode.fromToken(value).orElseThrow(() -> bad(
          "cm must be pad_resize, extract or pad_extract, got '%s'", echo(value)));
      case "fo" -> d.focus = Focus.fromToken(value).orElseThrow(() -> bad(
          "fo must be center, top, left, bottom, right, top_left, top_right, bottom_left, "
              + "bottom_right or auto, got '%s'", echo(value)));
      case "x" -> d.x = Values.integer("x", value, 0, Values.MAX_COORDINATE);
      case "y" -> d.y = Values.integer("y", value, 0, Values.MAX_COORDINATE);
      case "xc" -> d.xc = Values.integer("xc", value, 0, Values.MAX_COORDINATE);
      case "yc" -> d.yc = Values.integer("yc", value, 0, Values.MAX_COORDINATE);
      case "bg" -> d.background = Values.color("bg", value);
      case "b" -> d.border = border(value);
      case "r" -> d.radius = value.equals("max")
          ? new Radius(0, true) : new Radius(Values.integer("r", value, 1, maxDim), false);
      case "rt" -> d.rotation = rotation(value);
      case "bl" -> d.blur = Values.integer("bl", value, 1, 100);
      case "e" -> readEffect(d, value, param);
      case "t" -> d.trim = value.equals("true")
          ? Step.DEFAULT_TRIM : trimThreshold(value);
      default -> {
        return false;
      }
    }
    return true;
  }

  private boolean readStepOnly(StepDraft d, String key, String value) {
    switch (key) {
      case "dpr" -> d.dpr = dpr(value);
      case "q" -> d.quality = Values.integer("q", value, 1, 100);
      case "f" -> d.format = OutputFormat.fromToken(value).orElseThrow(() -> bad(
          "f must be auto, jpg, jpeg, png, webp or gif, got '%s'", echo(value)));
      case "pr" -> d.progressive = Values.bool("pr", value);
      case "lo" -> d.lossless = Values.bool("lo", value);
      case "md" -> d.metadata = Values.bool("md", value);
      case "orig" -> {
        if (!value.equals("true")) {
          throw bad("orig must be true, got '%s'", echo(value));
        }
        d.original = true;
      }
      case "oi" -> {
        d.legacyPath = Values.overlayPath("oi", value);
        d.legacyIndex = d.overlays.size();
      }
      case "ofo" -> d.legacyPosition = overlayPosition("ofo", value);
      case "ox" -> d.legacyX = Values.signedOffset("ox", value);
      case "oy" -> d.legacyY = Values.signedOffset("oy", value);
      case "ow" -> d.legacyWidth = Values.dimension("ow", value, limits.maxDimension());
      case "oh" -> d.legacyHeight = Values.dimension("oh", value, limits.maxDimension());
      default -> {
        return false;
      }
    }
    return true;
  }

  private boolean readLayerOnly(StepDraft d, String key, String value) {
    switch (key) {
      case "i" -> d.layerPath = Values.overlayPath("i", value);
      case "lfo" -> d.layerPosition = overlayPosition("lfo", value);
      case "lx" -> d.layerX = Values.signedOffset("lx", value);
      case "ly" -> d.layerY = Values.signedOffset("ly", value);
      default -> {
        return false;
      }
    }
    return true;
  }

  private static boolean isStepOnly(String key) {
    return switch (key) {
      case "dpr", "q", "f", "pr", "lo", "md", "orig", "oi", "ofo", "ox", "oy", "ow", "oh" -> true;
      default -> false;
    };
  }

  private static boolean isLayerOnly(String key) {
    return switch (key) {
      case "i", "lfo", "lx", "ly" -> true;
      default -> false;
    };
  }

  private static String effectName(String value) {
    int dash = value.indexOf('-');
    return dash < 0 ? value : value.substring(0, dash);
  }

  private static void readEffect(StepDraft d, String value, String param) {
    switch (value) {
      case "grayscale" -> d.grayscale = true;
      case "contrast" -> d.contrast = true;
      case "sharpen" -> d.sharpen = Step.DEFAULT_SHARPEN;
      default -> {
        if (value.startsWith("sharpen-")) {
          d.sharpen = Values.integer("e-sharpen", value.substring("sharpen-".length()), 1, 100);
        } else {
          throw bad("unknown effect in '%s'; supported: e-grayscale, e-sharpen[-N], e-contrast",
              echo(param));
        }
      }
    }
  }

  private static AspectRatio aspectRatio(String value) {
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

  private Border border(String value) {
    int sep = value.indexOf('_');
    if (sep > 0) {
      int width = Values.integer("b", value.substring(0, sep), 1, limits.maxDimension());
      return new Border(width, Values.color("b", value.substring(sep + 1)));
    }
    throw bad("b must be W_RRGGBB, e.g. b-5_FF0000, got '%s'", echo(value));
  }

  private static Rotation rotation(String value) {
    if (value.equals("auto")) {
      return new Rotation(0, true);
    }
    boolean negative = value.startsWith("N") || value.startsWith("-");
    String digits = negative ? value.substring(1) : value;
    if (Values.isDigits(digits) && Values.digits(digits) <= 360) {
      int degrees = (int) Values.digits(digits);
      return Rotation.ofDegrees(negative ? -degrees : degrees);
    }
    throw bad("rt must be auto or an angle from -360 to 360 (N90 or -90 for counter-clockwise), "
        + "got '%s'", echo(value));
  }

  private double dpr(String value) {
    if (value.equals("auto")) {
      throw bad("dpr-auto (client hints) is not supported; give a number 0.1-%s",
          Values.decimalText(Math.min(5, limits.maxDpr())));
    }
    double max = Math.min(5, limits.maxDpr());
    java.math.BigDecimal d = Values.decimal(value);
    if (d != null) {
      double dpr = d.doubleValue();
      if (dpr >= 0.1 && dpr <= max) {
        return dpr;
      }
    }
    throw bad("dpr must be a number from 0.1 to %s, got '%s'", Values.decimalText(max),
        echo(value));
  }

  private static int trimThreshold(String value) {
    if (Values.isDigits(value)) {
      long v = Values.digits(value);
      if (v >= 1 && v <= 99) {
        return (int) v;
      }
    }
    throw bad("t must be true or a threshold 1-99, got '%s'", echo(value));
  }

  private static Focus overlayPosition(String key, String value) {
    return Focus.fromToken(value).filter(f -> f != Focus.AUTO).orElseThrow(() -> bad(
        "%s must be center, top, left, bottom, right, top_left, top_right, bottom_left or "
            + "bottom_right, got '%s'", key, echo(value)));
  }
}
