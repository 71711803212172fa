package io.imagegate.transform;

import static io.imagegate.transform.model.Values.bad;

import io.imagegate.limits.Limits;
import io.imagegate.transform.model.Arithmetic;
import io.imagegate.transform.model.AspectRatio;
import io.imagegate.transform.model.Crop;
import io.imagegate.transform.model.CropMode;
import io.imagegate.transform.model.Dimension;
import io.imagegate.transform.model.Overlay;
import io.imagegate.transform.model.Param;
import io.imagegate.transform.model.Step;
import io.imagegate.transform.model.StepParams;
import io.imagegate.transform.model.Values;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The mutable state while one step, or one layer inside it, is read: the values seen so far, by the
 * {@link Keys} row that read them, which keys were seen (duplicates are a 400), and the
 * cross-parameter checks once it is closed. A key's value is absent when it was not given.
 */
final class StepDraft {
  /** For a layer: its depth (1 = directly in a step). For a step: 0. */
  final int depth;

  /** For a layer: whether it is {@code l-text} rather than {@code l-image}. */
  final boolean textLayer;

  final Set<String> seen = new HashSet<>();

  /** The values read, by row. */
  private final Map<Param<?>, Object> values = new HashMap<>();

  final List<Overlay> overlays = new ArrayList<>();

  /** Parameters given as arithmetic expressions, by key. */
  final Map<String, Arithmetic> expressions = new HashMap<>();

  /** Step only: where in the overlay list the legacy overlay ({@code oi}) goes. */
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

  /** Keeps a value under its row; a null value keeps nothing. */
  <T> void put(Param<T> row, T value) {
    if (value != null) {
      values.put(row, value);
    }
  }

  /** The value of a row, or null when not given. */
  <T> T get(Param<T> row) {
    return row.cast(values.get(row));
  }

  /** Takes a row's value out of the draft (null when not given). */
  <T> T take(Param<T> row) {
    return row.cast(values.remove(row));
  }

  /** Keeps the parameter's value as an expression of its key; returns null (no plain value). */
  <T> T expression(Key.Input p, boolean layerVariables, boolean textVariables) {
    expressions.put(p.key(), Arithmetic.parse(p.key(), p.value(), layerVariables, textVariables));
    return null;
  }

  /** The one step an {@code orig-true} transformation keeps. */
  Step originalOnly() {
    put(OutputKeys.ORIGINAL, true);
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
    checkCommon(given(StepParams.WIDTH), given(StepParams.HEIGHT));
    Double dpr = get(StepParams.DPR);
    if (dpr != null) {
      checkScaled("w", get(StepParams.WIDTH), dpr);
      checkScaled("h", get(StepParams.HEIGHT), dpr);
    }
    return freeze();
  }

  /** The step of the values read: those of rows that belong to a step, and the overlays. */
  Step freeze() {
    Dimension legacyWidth = get(LayerKeys.LEGACY_WIDTH);
    Dimension legacyHeight = get(LayerKeys.LEGACY_HEIGHT);
    String legacyPath = get(LayerKeys.LEGACY_PATH);
    Integer legacyX = get(LayerKeys.LEGACY_X);
    Integer legacyY = get(LayerKeys.LEGACY_Y);
    if (legacyPath == null
        && (get(LayerKeys.LEGACY_POSITION) != null
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
              Optional.ofNullable(get(LayerKeys.LEGACY_POSITION)),
              optional(legacyX),
              optional(legacyY),
              Optional.ofNullable(legacyWidth),
              Optional.ofNullable(legacyHeight),
              Step.empty()));
    }
    return new Step(valuesOf(Key::inStep), all, expressionsOf(Key::inStep, false));
  }

  /** The values of the rows that match, by row. */
  Map<Param<?>, Object> valuesOf(Predicate<Key<?>> rows) {
    Map<Param<?>, Object> out = new HashMap<>();
    values.forEach(
        (row, value) -> {
          if (row instanceof Key<?> key && rows.test(key)) {
            out.put(row, value);
          }
        });
    return out;
  }

  /** The values of the rows that match, taken out of the draft. */
  Map<Param<?>, Object> takeValuesOf(Predicate<Key<?>> rows) {
    Map<Param<?>, Object> out = valuesOf(rows);
    out.keySet().forEach(values::remove);
    return out;
  }

  /**
   * The expressions of the rows that match and take them, by key; taken out of the draft if {@code
   * take}.
   */
  Map<String, Arithmetic> expressionsOf(Predicate<Key<?>> rows, boolean take) {
    Map<String, Arithmetic> out = new HashMap<>();
    for (Key<?> key : Keys.ALL) {
      Arithmetic e = expressions.get(key.name());
      if (e != null && key.takesExpressions() && rows.test(key)) {
        out.put(key.name(), e);
        if (take) {
          expressions.remove(key.name());
        }
      }
    }
    return out;
  }

  /** Closes a layer ({@code l-end}): its size moves to the overlay, the rest nests. */
  Overlay buildOverlay() {
    return LayerClosing.close(this);
  }

  /** Whether a key was given, as a value or as an expression. */
  boolean given(Param<?> row) {
    return values.containsKey(row) || expressions.containsKey(row.name());
  }

  void checkCommon(boolean w, boolean h) {
    AspectRatio aspectRatio = get(StepParams.ASPECT_RATIO);
    Crop crop = get(StepParams.CROP);
    CropMode cropMode = get(StepParams.CROP_MODE);
    if (aspectRatio != null && !w && !h) {
      throw bad("ar-%s needs w or h to apply to", aspectRatio.token());
    }
    if (crop != null && cropMode != null) {
      throw bad("c-%s and cm-%s cannot be combined in one step", crop.token(), cropMode.token());
    }
    boolean extracting = cropMode != null && cropMode.extracts();
    boolean xy = given(StepParams.X) || given(StepParams.Y);
    boolean centre = get(StepParams.XC) != null || get(StepParams.YC) != null;
    if (!extracting && (xy || centre)) {
      throw bad("x, y, xc and yc need cm-extract or cm-pad_extract");
    }
    if (given(StepParams.X) && get(StepParams.XC) != null) {
      throw bad("x and xc cannot be combined; give one horizontal position");
    }
    if (given(StepParams.Y) && get(StepParams.YC) != null) {
      throw bad("y and yc cannot be combined; give one vertical position");
    }
  }

  private void checkScaled(String key, Dimension d, double dpr) {
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
