package io.imagegate.transform;

import static io.imagegate.transform.model.Values.bad;

import io.imagegate.limits.Limits;
import io.imagegate.transform.model.Arithmetic;
import io.imagegate.transform.model.AspectRatio;
import io.imagegate.transform.model.Border;
import io.imagegate.transform.model.Color;
import io.imagegate.transform.model.Crop;
import io.imagegate.transform.model.CropMode;
import io.imagegate.transform.model.Dimension;
import io.imagegate.transform.model.Focus;
import io.imagegate.transform.model.OutputFormat;
import io.imagegate.transform.model.Overlay;
import io.imagegate.transform.model.Radius;
import io.imagegate.transform.model.Rotation;
import io.imagegate.transform.model.Step;
import io.imagegate.transform.model.TextLayer;
import io.imagegate.transform.model.Values;
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
 * are set by the readers of the {@link Keys} table; {@code null} means "not given".
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

  private final Limits limits;

  StepDraft(Limits limits) {
    this(limits, 0, false);
  }

  private StepDraft(Limits limits, int depth, boolean text) {
    this.limits = limits;
    this.depth = depth;
    this.textLayer = text;
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
    if (dpr != null) {
      checkScaled("w", width);
      checkScaled("h", height);
    }
    return freeze();
  }

  Step freeze() {
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
    return LayerClosing.close(this);
  }

  void checkCommon(boolean w, boolean h) {
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

  static OptionalInt optional(Integer value) {
    return value == null ? OptionalInt.empty() : OptionalInt.of(value);
  }
}
