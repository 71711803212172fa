package io.imagegate.transform;

import static io.imagegate.transform.Values.bad;

import io.imagegate.limits.Limits;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The mutable state while one step, or one layer inside it, is read: the values seen so far, which
 * keys were seen (duplicates are a 400), and the cross-parameter checks once it is closed. Fields
 * are set by {@link ParamReader}; {@code null} means "not given".
 */
final class StepDraft {
  /** For a layer: its depth (1 = directly in a step). For a step: 0. */
  final int depth;

  /** For a layer: whether it is {@code l-text} rather than {@code l-image}. */
  final boolean textLayer;

  final Set<String> seen = new HashSet<>();

  Dimension width;
  Dimension height;
  AspectRatio aspectRatio;
  Crop crop;
  CropMode cropMode;
  Focus focus;
  Integer x;
  Integer y;
  Integer xc;
  Integer yc;
  Double dpr;
  Integer quality;
  OutputFormat format;
  Boolean progressive;
  Boolean lossless;
  Boolean metadata;
  Color background;
  Border border;
  Radius radius;
  Rotation rotation;
  Integer blur;
  boolean grayscale;
  Integer sharpen;
  boolean contrast;
  Integer trim;
  boolean original;
  final List<Overlay> overlays = new ArrayList<>();

  /** Parameters given as arithmetic expressions, by key. */
  final Map<String, Arithmetic> expressions = new HashMap<>();

  /** Layer only: {@code o}, or {@code al} in tens of percent. */
  Integer opacity;

  /** Text layer only. */
  String text;

  Integer fontSize;
  String font;
  Color color;
  TextLayer.Padding padding;
  String align;
  boolean bold;
  boolean italic;
  Integer textWidth;

  /** Layer only: {@code i}, {@code lfo}, {@code lx}, {@code ly}. */
  String layerPath;

  Focus layerPosition;
  Integer layerX;
  Integer layerY;

  /** Step only: the legacy overlay's parts, and where in the overlay list it goes. */
  String legacyPath;

  Focus legacyPosition;
  Integer legacyX;
  Integer legacyY;
  Dimension legacyWidth;
  Dimension legacyHeight;
  int legacyIndex;

  /** Null only for {@link #emptyStep()}, which has nothing to check against limits. */
  private final Limits limits;

  StepDraft(Limits limits) {
    this(limits, 0, false);
  }

  private StepDraft(Limits limits, int depth, boolean text) {
    this.limits = limits;
    this.depth = depth;
    this.textLayer = text;
  }

  /** The step without parameters. */
  static Step emptyStep() {
    return new StepDraft(null).build();
  }

  /** The one step an {@code orig-true} transformation keeps. */
  Step originalOnly() {
    original = true;
    return freeze();
  }

  /** A draft for a layer opened inside this one: {@code l-image}, or {@code l-text} if text. */
  StepDraft openLayer(boolean text) {
    return new StepDraft(limits, depth + 1, text);
  }

  boolean isLayer() {
    return depth > 0;
  }

  boolean isText() {
    return textLayer;
  }

  /** Closes a step: checks the parameters against each other and freezes them. */
  Step build() {
    checkCommon(
        width != null || expressions.containsKey("w"),
        height != null || expressions.containsKey("h"));
    if (dpr != null && limits != null) {
      checkScaled("w", width);
      checkScaled("h", height);
    }
    return freeze();
  }

  private Step freeze() {
    if (legacyPath == null
        && (legacyPosition != null
            || legacyX != null
            || legacyY != null
            || legacyWidth != null
            || legacyHeight != null)) {
      throw bad("ofo, ox, oy, ow and oh need an overlay image: add oi-<path>");
    }
    List<Overlay> all = new ArrayList<>(overlays);
    if (legacyPath != null) {
      all.add(
          legacyIndex,
          new Overlay(
              legacyPath,
              Optional.ofNullable(legacyPosition),
              optional(legacyX),
              optional(legacyY),
              Optional.ofNullable(legacyWidth),
              Optional.ofNullable(legacyHeight),
              Step.empty()));
    }
    return new Step(
        Optional.ofNullable(width),
        Optional.ofNullable(height),
        Optional.ofNullable(aspectRatio),
        Optional.ofNullable(crop),
        Optional.ofNullable(cropMode),
        Optional.ofNullable(focus),
        optional(x),
        optional(y),
        optional(xc),
        optional(yc),
        dpr == null ? OptionalDouble.empty() : OptionalDouble.of(dpr),
        optional(quality),
        Optional.ofNullable(format),
        Optional.ofNullable(progressive),
        Optional.ofNullable(lossless),
        Optional.ofNullable(metadata),
        Optional.ofNullable(background),
        Optional.ofNullable(border),
        Optional.ofNullable(radius),
        Optional.ofNullable(rotation),
        optional(blur),
        grayscale,
        optional(sharpen),
        contrast,
        optional(trim),
        original,
        all,
        stepExpressions());
  }

  private Map<String, Arithmetic> stepExpressions() {
    Map<String, Arithmetic> own = new HashMap<>();
    for (String key : List.of("w", "h", "x", "y")) {
      if (expressions.containsKey(key)) {
        own.put(key, expressions.get(key));
      }
    }
    return own;
  }

  /** Closes a layer ({@code l-end}): its size moves to the overlay, the rest nests. */
  Overlay buildOverlay() {
    if (isText()) {
      return buildTextOverlay();
    }
    if (layerPath == null) {
      throw bad("a layer needs an image: add i-<path> between l-image and l-end");
    }
    boolean canvas = layerPath.equals(Overlay.CANVAS);
    if (canvas) {
      checkCanvas();
    } else if (seen.contains("al")) {
      throw bad("al is for text layers and colour blocks; an image layer takes o-<0-100>");
    }
    Dimension layerWidth = width;
    Dimension layerHeight = height;
    checkCommon(
        layerWidth != null || expressions.containsKey("w"),
        layerHeight != null || expressions.containsKey("h"));
    width = null;
    height = null;
    Map<String, Arithmetic> own = layerExpressions();
    return new Overlay(
        layerPath,
        Optional.ofNullable(layerPosition),
        optional(layerX),
        optional(layerY),
        Optional.ofNullable(layerWidth),
        Optional.ofNullable(layerHeight),
        freeze(),
        optional(opacity),
        Optional.empty(),
        own);
  }

  /** The keys a solid colour block takes, and its size, which it must have. */
  private void checkCanvas() {
    for (String key : seen) {
      if (!List.of("i", "ie", "w", "h", "bg", "al", "o", "r", "lx", "ly", "lfo").contains(key)) {
        throw bad(
            "'%s' is not supported in a colour block (l-image,i-ik_canvas,...); it takes w, h, bg, "
                + "al, r, lx, ly, lfo",
            key);
      }
    }
    boolean wide = width != null || expressions.containsKey("w");
    boolean high = height != null || expressions.containsKey("h");
    if (!wide || !high) {
      throw bad("a colour block (i-ik_canvas) needs w and h");
    }
    if ((width != null && width.isFraction()) || (height != null && height.isFraction())) {
      throw bad("a colour block's w and h are pixels or expressions such as bw_mul_0.5");
    }
    for (Arithmetic e : expressions.values()) {
      if (!e.usesOnlyBase()) {
        throw bad(
            "'%s': inside a colour block only bw, bh and bar can be used in expressions",
            e.token());
      }
    }
  }

  private Overlay buildTextOverlay() {
    if (text == null) {
      throw bad(
          "a text layer needs its text: add i-<text> or ie-<base64> between l-text and l-end");
    }
    if (seen.contains("i") && seen.contains("ie")) {
      throw bad("a text layer takes i-<text> or ie-<base64>, not both");
    }
    Map<String, Arithmetic> textExpressions = new HashMap<>();
    for (String key : List.of("fs", "w", "pa")) {
      Arithmetic e = expressions.remove(key);
      if (e != null) {
        textExpressions.put(key, e);
      }
    }
    TextLayer layer =
        new TextLayer(
            text,
            optional(fontSize),
            Optional.ofNullable(font),
            Optional.ofNullable(color),
            Optional.ofNullable(padding),
            Optional.ofNullable(align),
            bold,
            italic,
            optional(textWidth),
            textExpressions);
    Map<String, Arithmetic> own = layerExpressions();
    expressions.clear();
    return new Overlay(
        "",
        Optional.ofNullable(layerPosition),
        optional(layerX),
        optional(layerY),
        Optional.empty(),
        Optional.empty(),
        freeze(),
        optional(opacity),
        Optional.of(layer),
        own);
  }

  /**
   * Moves {@code w}, {@code h}, {@code lx}, {@code ly} expressions from the step to the overlay.
   */
  private Map<String, Arithmetic> layerExpressions() {
    Map<String, Arithmetic> own = new HashMap<>();
    for (String key : List.of("w", "h", "lx", "ly")) {
      Arithmetic e = expressions.remove(key);
      if (e != null) {
        own.put(key, e);
      }
    }
    return own;
  }

  private void checkCommon(boolean w, boolean h) {
    if (aspectRatio != null && !w && !h) {
      throw bad("ar-%s needs w or h to apply to", aspectRatio.token());
    }
    if (crop != null && cropMode != null) {
      throw bad("c-%s and cm-%s cannot be combined in one step", crop.token(), cropMode.token());
    }
    boolean extracting = cropMode != null && cropMode.extracts();
    boolean xy =
        x != null || y != null || expressions.containsKey("x") || expressions.containsKey("y");
    if (!extracting && (xy || xc != null || yc != null)) {
      throw bad("x, y, xc and yc need cm-extract or cm-pad_extract");
    }
    if ((x != null || expressions.containsKey("x")) && xc != null) {
      throw bad("x and xc cannot be combined; give one horizontal position");
    }
    if ((y != null || expressions.containsKey("y")) && yc != null) {
      throw bad("y and yc cannot be combined; give one vertical position");
    }
  }

  private void checkScaled(String key, Dimension d) {
    if (d != null && !d.isFraction()) {
      long scaled = Math.round(d.pixels() * dpr);
      if (scaled > limits.maxDimension()) {
        throw bad(
            "%s-%s with dpr-%s gives %d pixels, above the limit of %d",
            key, d.token(), Values.decimalText(dpr), scaled, limits.maxDimension());
      }
    }
  }

  private static OptionalInt optional(Integer value) {
    return value == null ? OptionalInt.empty() : OptionalInt.of(value);
  }
}
