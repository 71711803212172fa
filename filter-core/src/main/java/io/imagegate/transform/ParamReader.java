package io.imagegate.transform;

import static io.imagegate.transform.Values.bad;
import static io.imagegate.transform.Values.echo;

/**
 * Reads one {@code key-value} parameter into a {@link StepDraft}: every key of ImageKit's grammar
 * that imagegate supports (the README's Transformations table). Decides which keys are allowed
 * where (a step, a layer, both) and rejects duplicates; the value readers live in {@link Values},
 * {@link CompoundValues} and {@link OverlayPaths}.
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
      throw bad(
          "duplicate key '%s' in '%s'; each key may appear once per step",
          echo(identity), echo(param));
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
      case "w" -> d.width = Values.dimension("w", value, maxDim);
      case "h" -> d.height = Values.dimension("h", value, maxDim);
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
      case "x" -> d.x = Values.integer("x", value, 0, Values.MAX_COORDINATE);
      case "y" -> d.y = Values.integer("y", value, 0, Values.MAX_COORDINATE);
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
          d.trim = value.equals("true") ? Step.DEFAULT_TRIM : CompoundValues.trimThreshold(value);
      default -> {
        return false;
      }
    }
    return true;
  }

  private boolean readStepOnly(StepDraft d, String key, String value) {
    switch (key) {
      case "dpr" -> d.dpr = CompoundValues.dpr(value, limits.maxDpr());
      case "q" -> d.quality = Values.integer("q", value, 1, 100);
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
    switch (key) {
      case "i" -> d.layerPath = OverlayPaths.parse("i", value);
      case "lfo" -> d.layerPosition = CompoundValues.overlayPosition("lfo", value);
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
          throw bad(
              "unknown effect in '%s'; supported: e-grayscale, e-sharpen[-N], e-contrast",
              echo(param));
        }
      }
    }
  }
}
