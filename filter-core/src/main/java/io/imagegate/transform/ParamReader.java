package io.imagegate.transform;

import static io.imagegate.transform.Values.bad;
import static io.imagegate.transform.Values.echo;

import io.imagegate.limits.Limits;

/**
 * Reads one {@code key-value} parameter into a {@link StepDraft}: every key of ImageKit's grammar
 * that imagegate supports (the README's Transformations table). Decides which keys are allowed
 * where (a step, a layer, both) and rejects duplicates; the value readers live in {@link Values},
 * {@link CompoundValues} and {@link OverlayPaths}.
 */
final class ParamReader {
  private final Limits limits;
  private final TextParamReader text;

  ParamReader(Limits limits) {
    this.limits = limits;
    this.text = new TextParamReader(limits.maxDimension());
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
      throw bad(
          "duplicate key '%s' in '%s'; each key may appear once per step",
          echo(identity), echo(param));
    }
    if (draft.isText() && text.read(draft, key, value, param)) {
      return;
    }
    if (draft.isLayer() ? readLayerOnly(draft, key, value) : readStepOnly(draft, key, value)) {
      return;
    }
    if (readShared(draft, key, value, param)) {
      return;
    }
    if (isStepOnly(key)) {
      throw bad(
          "'%s' is not allowed inside a layer (l-image ... l-end), in '%s'", key, echo(param));
    }
    if (isLayerOnly(key)) {
      throw bad(
          "'%s' is only allowed inside a layer (l-image ... l-end), in '%s'", key, echo(param));
    }
    throw bad("unknown transformation key '%s' in '%s'", echo(key), echo(param));
  }

  private boolean readShared(StepDraft d, String key, String value, String param) {
    int maxDim = limits.maxDimension();
    switch (key) {
      case "w", "h", "x", "y" -> {
        if (Arithmetic.looksLike(value)) {
          d.expressions.put(key, Arithmetic.parse(key, value, d.isLayer(), false));
        } else if (key.equals("w")) {
          d.width = Values.dimension("w", value, maxDim);
        } else if (key.equals("h")) {
          d.height = Values.dimension("h", value, maxDim);
        } else if (key.equals("x")) {
          d.x = Values.integer("x", value, 0, Values.MAX_COORDINATE);
        } else {
          d.y = Values.integer("y", value, 0, Values.MAX_COORDINATE);
        }
      }
      case "ar" -> d.aspectRatio = CompoundValues.aspectRatio(value);
      case "c" ->
          d.crop =
              Crop.fromToken(value)
                  .orElseThrow(
                      () ->
                          bad(
                              "c must be maintain_ratio, force, at_max, at_max_enlarge or at_least, got '%s'",
                              echo(value)));
      case "cm" ->
          d.cropMode =
              CropMode.fromToken(value)
                  .orElseThrow(
                      () ->
                          bad(
                              "cm must be pad_resize, extract or pad_extract, got '%s'",
                              echo(value)));
      case "fo" ->
          d.focus =
              Focus.fromToken(value)
                  .orElseThrow(
                      () ->
                          bad(
                              "fo must be center, top, left, bottom, right, top_left, top_right, bottom_left, "
                                  + "bottom_right or auto, got '%s'",
                              echo(value)));
      case "xc" -> d.xc = Values.integer("xc", value, 0, Values.MAX_COORDINATE);
      case "yc" -> d.yc = Values.integer("yc", value, 0, Values.MAX_COORDINATE);
      case "bg" -> d.background = Values.color("bg", value);
      case "b" -> d.border = CompoundValues.border(value, maxDim);
      case "r" ->
          d.radius =
              value.equals("max")
                  ? new Radius(0, true)
                  : new Radius(Values.integer("r", value, 1, maxDim), false);
      case "rt" -> d.rotation = CompoundValues.rotation(value);
      case "bl" -> d.blur = Values.integer("bl", value, 1, 100);
      case "e" -> readEffect(d, value, param);
      case "t" ->
          d.trim =
              switch (value) {
                case "true" -> Step.DEFAULT_TRIM;
                // Only overlays are trimmed by default (as in ImageKit), so only there does
                // t-false change anything; elsewhere it is the same as no t at all.
                case "false" -> d.isLayer() ? Step.NO_TRIM : null;
                default -> CompoundValues.trimThreshold(value);
              };
      default -> {
        return false;
      }
    }
    return true;
  }

  private boolean readStepOnly(StepDraft d, String key, String value) {
    if (readDprOrQuality(d, key, value)) {
      return true;
    }
    switch (key) {
      case "f" ->
          d.format =
              OutputFormat.fromToken(value)
                  .orElseThrow(
                      () ->
                          bad(
                              "f must be auto, jpg, jpeg, png, webp or gif, got '%s'",
                              echo(value)));
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
        d.legacyPath = OverlayPaths.parse("oi", value);
        d.legacyIndex = d.overlays.size();
      }
      case "ofo" -> d.legacyPosition = CompoundValues.overlayPosition("ofo", value);
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
    if (!d.isText() && readDprOrQuality(d, key, value)) {
      return true;
    }
    switch (key) {
      case "i" -> d.layerPath = OverlayPaths.parse("i", value);
      case "ie" ->
          d.layerPath = OverlayPaths.parse("ie", TextParamReader.decodeBase64("ie", value));
      case "lfo" -> d.layerPosition = CompoundValues.overlayPosition("lfo", value);
      case "lx", "ly" -> {
        if (Arithmetic.looksLike(value)) {
          d.expressions.put(key, Arithmetic.parse(key, value, true, d.isText()));
        } else if (key.equals("lx")) {
          d.layerX = Values.signedOffset("lx", value);
        } else {
          d.layerY = Values.signedOffset("ly", value);
        }
      }
      case "o" -> d.opacity = Values.integer("o", value, 0, 100);
      case "al" -> d.opacity = 10 * Values.integer("al", value, 1, 9);
      default -> {
        return false;
      }
    }
    return true;
  }

  /** {@code dpr} and {@code q}: in a step, and (as in ImageKit) inside an image layer. */
  private boolean readDprOrQuality(StepDraft d, String key, String value) {
    switch (key) {
      case "dpr" -> d.dpr = CompoundValues.dpr(value, limits.maxDpr());
      case "q" -> d.quality = Values.integer("q", value, 1, 100);
      default -> {
        return false;
      }
    }
    return true;
  }

  private static boolean isStepOnly(String key) {
    return switch (key) {
      case "f", "pr", "lo", "md", "orig", "oi", "ofo", "ox", "oy", "ow", "oh" -> true;
      default -> false;
    };
  }

  private static boolean isLayerOnly(String key) {
    return switch (key) {
      case "i", "ie", "lfo", "lx", "ly", "o", "al" -> true;
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
          throw bad(
              "unknown effect in '%s'; supported: e-grayscale, e-sharpen[-N], e-contrast",
              echo(param));
        }
      }
    }
  }
}
