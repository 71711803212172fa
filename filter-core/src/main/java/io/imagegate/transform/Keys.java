package io.imagegate.transform;

import static io.imagegate.transform.model.Values.bad;
import static io.imagegate.transform.model.Values.echo;

import io.imagegate.limits.Limits;
import io.imagegate.transform.model.Arithmetic;
import io.imagegate.transform.model.Crop;
import io.imagegate.transform.model.CropMode;
import io.imagegate.transform.model.Focus;
import io.imagegate.transform.model.OutputFormat;
import io.imagegate.transform.model.Overlay;
import io.imagegate.transform.model.Radius;
import io.imagegate.transform.model.Step;
import io.imagegate.transform.model.TextLayer;
import io.imagegate.transform.model.Values;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.StringJoiner;
import java.util.function.BiConsumer;

/**
 * The one table of transformation keys (the README's Transformations table): per key, where it is
 * allowed (a step, an image layer, a text layer), how its value is read into a {@link StepDraft},
 * and how it is written back canonically. The rows' order is the canonical order. A key that reads
 * differently in a text layer ({@code i}, {@code ie}, {@code w}) has one row per meaning.
 *
 * <p>Adding a key is one row here (plus a {@link Step} component and its stage).
 */
final class Keys {
  /** Where a parameter stands. */
  enum Place {
    STEP,
    IMAGE_LAYER,
    TEXT_LAYER
  }

  /** The parameter being read, for value readers and messages. */
  record Param(String key, String value, String text, Limits limits) {}

  /** Reads one value into the draft (throws a 400 for a bad one). */
  @FunctionalInterface
  interface Reader {
    void read(StepDraft draft, Param param);
  }

  /**
   * One row.
   *
   * @param name the key, the text before the first {@code -}
   * @param places where it is allowed
   * @param reader how its value is read
   * @param step writes it from a step (or a layer's nested step), or null
   * @param overlay writes it from a layer, or null
   * @param text writes it from a text layer's text, or null
   */
  record Key(
      String name,
      Set<Place> places,
      Reader reader,
      BiConsumer<Step, List<String>> step,
      BiConsumer<Overlay, List<String>> overlay,
      BiConsumer<TextLayer, List<String>> text) {
    Key andStep(BiConsumer<Step, List<String>> writer) {
      return new Key(name, places, reader, writer, overlay, text);
    }

    Key andOverlay(BiConsumer<Overlay, List<String>> writer) {
      return new Key(name, places, reader, step, writer, text);
    }
  }

  private static final Set<Place> EVERYWHERE = EnumSet.allOf(Place.class);
  private static final Set<Place> STEP_AND_IMAGE = EnumSet.of(Place.STEP, Place.IMAGE_LAYER);
  private static final Set<Place> STEP = EnumSet.of(Place.STEP);
  private static final Set<Place> LAYERS = EnumSet.of(Place.IMAGE_LAYER, Place.TEXT_LAYER);
  private static final Set<Place> IMAGE = EnumSet.of(Place.IMAGE_LAYER);
  private static final Set<Place> TEXT = EnumSet.of(Place.TEXT_LAYER);

  /** Every key, in canonical order. */
  static final List<Key> ALL =
      List.of(
          // Layers: what they draw.
          overlay("i", IMAGE, (d, p) -> d.layerPath = OverlayPaths.parse("i", p.value()))
              .andOverlay((o, out) -> out.add("i-" + OverlayPaths.encode(o.path()))),
          row(
              "ie",
              IMAGE,
              (d, p) ->
                  d.layerPath = OverlayPaths.parse("ie", TextValues.decodeBase64("ie", p.value()))),
          row("i", TEXT, (d, p) -> d.text = TextValues.text("i", p.value())),
          text(
              "ie",
              TEXT,
              (d, p) -> d.text = TextValues.text("ie", TextValues.decodeBase64("ie", p.value())),
              (t, out) -> out.add("ie-" + TextValues.encodeBase64(t.text()))),
          text(
              "fs",
              TEXT,
              (d, p) -> {
                if (Arithmetic.looksLike(p.value())) {
                  d.expressions.put("fs", Arithmetic.parse("fs", p.value(), true, true));
                } else {
                  d.fontSize = Values.integer("fs", p.value(), 1, p.limits().maxDimension());
                }
              },
              (t, out) -> {
                add(out, "fs-", t.fontSize());
                expression(out, "fs", t.expressions());
              }),
          text(
              "ff",
              TEXT,
              (d, p) -> d.font = TextValues.font(p.value()),
              (t, out) ->
                  t.font()
                      .ifPresent(
                          f ->
                              out.add(
                                  "ff-"
                                      + (t.fontFile().isPresent() ? OverlayPaths.encode(f) : f)))),
          text(
              "co",
              TEXT,
              (d, p) -> d.color = Values.color("co", p.value()),
              (t, out) -> t.color().ifPresent(c -> out.add("co-" + c.hex()))),
          text(
              "pa",
              TEXT,
              (d, p) -> TextValues.readPadding(d, p.value(), p.limits().maxDimension()),
              (t, out) -> {
                t.padding().ifPresent(v -> out.add("pa-" + v.token()));
                expression(out, "pa", t.expressions());
              }),
          text(
              "ia",
              TEXT,
              (d, p) -> d.align = TextValues.align(p.value()),
              (t, out) -> t.align().ifPresent(a -> out.add("ia-" + a))),
          text(
              "tg",
              TEXT,
              (d, p) -> TextValues.typography(d, p.value()),
              (t, out) -> {
                if (t.bold() || t.italic()) {
                  out.add("tg-" + (t.bold() && t.italic() ? "b_i" : t.bold() ? "b" : "i"));
                }
              }),
          text(
              "w",
              TEXT,
              (d, p) -> {
                if (Arithmetic.looksLike(p.value())) {
                  d.expressions.put("w", Arithmetic.parse("w", p.value(), true, true));
                } else {
                  d.textWidth = Values.integer("w", p.value(), 1, p.limits().maxDimension());
                }
              },
              (t, out) -> {
                add(out, "w-", t.width());
                expression(out, "w", t.expressions());
              }),
          // Geometry: w and h of a layer size the layer, elsewhere the step.
          row("w", STEP_AND_IMAGE, Keys::readSize)
              .andStep(
                  (s, out) -> {
                    s.width().ifPresent(d -> out.add("w-" + d.token()));
                    expression(out, "w", s.expressions());
                  })
              .andOverlay(
                  (o, out) -> {
                    o.width().ifPresent(d -> out.add("w-" + d.token()));
                    expression(out, "w", o.expressions());
                  }),
          row("h", STEP_AND_IMAGE, Keys::readSize)
              .andStep(
                  (s, out) -> {
                    s.height().ifPresent(d -> out.add("h-" + d.token()));
                    expression(out, "h", s.expressions());
                  })
              .andOverlay(
                  (o, out) -> {
                    o.height().ifPresent(d -> out.add("h-" + d.token()));
                    expression(out, "h", o.expressions());
                  }),
          // Layers: where they go.
          overlay(
                  "lfo",
                  LAYERS,
                  (d, p) -> d.layerPosition = CompoundValues.overlayPosition("lfo", p.value()))
              .andOverlay((o, out) -> o.position().ifPresent(f -> out.add("lfo-" + f.token()))),
          overlay("lx", LAYERS, Keys::readLayerOffset)
              .andOverlay(
                  (o, out) -> {
                    o.x().ifPresent(v -> out.add("lx-" + offset(v)));
                    expression(out, "lx", o.expressions());
                  }),
          overlay("ly", LAYERS, Keys::readLayerOffset)
              .andOverlay(
                  (o, out) -> {
                    o.y().ifPresent(v -> out.add("ly-" + offset(v)));
                    expression(out, "ly", o.expressions());
                  }),
          overlay("o", LAYERS, (d, p) -> d.opacity = Values.integer("o", p.value(), 0, 100))
              .andOverlay((o, out) -> o.opacity().ifPresent(v -> out.add("o-" + v))),
          row("al", LAYERS, (d, p) -> d.opacity = 10 * Values.integer("al", p.value(), 1, 9)),
          // Steps (and what a layer's nested step holds).
          step(
              "ar",
              STEP_AND_IMAGE,
              (d, p) -> d.aspectRatio = CompoundValues.aspectRatio(p.value()),
              (s, out) -> s.aspectRatio().ifPresent(a -> out.add("ar-" + a.token()))),
          step(
              "c",
              STEP_AND_IMAGE,
              (d, p) ->
                  d.crop =
                      Crop.fromToken(p.value())
                          .orElseThrow(
                              () ->
                                  bad(
                                      "c must be maintain_ratio, force, at_max, at_max_enlarge or at_least, got '%s'",
                                      echo(p.value()))),
              (s, out) -> s.crop().ifPresent(c -> out.add("c-" + c.token()))),
          step(
              "cm",
              STEP_AND_IMAGE,
              (d, p) ->
                  d.cropMode =
                      CropMode.fromToken(p.value())
                          .orElseThrow(
                              () ->
                                  bad(
                                      "cm must be pad_resize, extract or pad_extract, got '%s'",
                                      echo(p.value()))),
              (s, out) -> s.cropMode().ifPresent(m -> out.add("cm-" + m.token()))),
          step(
              "fo",
              STEP_AND_IMAGE,
              (d, p) ->
                  d.focus =
                      Focus.fromToken(p.value())
                          .orElseThrow(
                              () ->
                                  bad(
                                      "fo must be center, top, left, bottom, right, top_left, top_right, bottom_left, "
                                          + "bottom_right or auto, got '%s'",
                                      echo(p.value()))),
              (s, out) -> s.focus().ifPresent(f -> out.add("fo-" + f.token()))),
          step(
              "x",
              STEP_AND_IMAGE,
              Keys::readCoordinate,
              (s, out) -> {
                add(out, "x-", s.x());
                expression(out, "x", s.expressions());
              }),
          step(
              "y",
              STEP_AND_IMAGE,
              Keys::readCoordinate,
              (s, out) -> {
                add(out, "y-", s.y());
                expression(out, "y", s.expressions());
              }),
          step(
              "xc",
              STEP_AND_IMAGE,
              (d, p) -> d.xc = Values.integer("xc", p.value(), 0, Values.MAX_COORDINATE),
              (s, out) -> add(out, "xc-", s.xc())),
          step(
              "yc",
              STEP_AND_IMAGE,
              (d, p) -> d.yc = Values.integer("yc", p.value(), 0, Values.MAX_COORDINATE),
              (s, out) -> add(out, "yc-", s.yc())),
          step(
              "dpr",
              STEP_AND_IMAGE,
              (d, p) -> d.dpr = CompoundValues.dpr(p.value(), p.limits().maxDpr()),
              (s, out) -> s.dpr().ifPresent(v -> out.add("dpr-" + Values.decimalText(v)))),
          step(
              "q",
              STEP_AND_IMAGE,
              (d, p) -> d.quality = Values.integer("q", p.value(), 1, 100),
              (s, out) -> add(out, "q-", s.quality())),
          step(
              "f",
              STEP,
              (d, p) ->
                  d.format =
                      OutputFormat.fromToken(p.value())
                          .orElseThrow(
                              () ->
                                  bad(
                                      "f must be auto, jpg, jpeg, png, webp or gif, got '%s'",
                                      echo(p.value()))),
              (s, out) -> s.format().ifPresent(f -> out.add("f-" + f.token()))),
          step(
              "pr",
              STEP,
              (d, p) -> d.progressive = Values.bool("pr", p.value()),
              (s, out) -> s.progressive().ifPresent(b -> out.add("pr-" + b))),
          step(
              "lo",
              STEP,
              (d, p) -> d.lossless = Values.bool("lo", p.value()),
              (s, out) -> s.lossless().ifPresent(b -> out.add("lo-" + b))),
          step(
              "md",
              STEP,
              (d, p) -> d.metadata = Values.bool("md", p.value()),
              (s, out) -> s.metadata().ifPresent(b -> out.add("md-" + b))),
          step(
              "bg",
              EVERYWHERE,
              (d, p) -> d.background = Values.color("bg", p.value()),
              (s, out) -> s.background().ifPresent(c -> out.add("bg-" + c.hex()))),
          step(
              "b",
              STEP_AND_IMAGE,
              (d, p) -> d.border = CompoundValues.border(p.value(), p.limits().maxDimension()),
              (s, out) -> s.border().ifPresent(b -> out.add("b-" + b.token()))),
          step(
              "r",
              EVERYWHERE,
              (d, p) ->
                  d.radius =
                      p.value().equals("max")
                          ? new Radius(0, true)
                          : new Radius(
                              Values.integer("r", p.value(), 1, p.limits().maxDimension()), false),
              (s, out) -> s.radius().ifPresent(r -> out.add("r-" + r.token()))),
          step(
              "rt",
              EVERYWHERE,
              (d, p) -> d.rotation = CompoundValues.rotation(p.value()),
              (s, out) -> s.rotation().ifPresent(r -> out.add("rt-" + r.token()))),
          step(
              "bl",
              STEP_AND_IMAGE,
              (d, p) -> d.blur = Values.integer("bl", p.value(), 1, 100),
              (s, out) -> add(out, "bl-", s.blur())),
          step(
              "e",
              STEP_AND_IMAGE,
              Keys::readEffect,
              (s, out) -> {
                if (s.grayscale()) {
                  out.add("e-grayscale");
                }
                add(out, "e-sharpen-", s.sharpen());
                if (s.contrast()) {
                  out.add("e-contrast");
                }
              }),
          step(
              "t",
              STEP_AND_IMAGE,
              (d, p) ->
                  d.trim =
                      switch (p.value()) {
                        case "true" -> Step.DEFAULT_TRIM;
                        // Only overlays are trimmed by default (as in ImageKit), so only there
                        // does t-false change anything; elsewhere it is the same as no t at all.
                        case "false" -> d.isLayer() ? Step.NO_TRIM : null;
                        default -> CompoundValues.trimThreshold(p.value());
                      },
              (s, out) ->
                  s.trim().ifPresent(t -> out.add(t == Step.NO_TRIM ? "t-false" : "t-" + t))),
          step(
              "orig",
              STEP,
              (d, p) -> {
                if (!p.value().equals("true")) {
                  throw bad("orig must be true, got '%s'", echo(p.value()));
                }
                d.original = true;
              },
              (s, out) -> {
                if (s.original()) {
                  out.add("orig-true");
                }
              }),
          // The legacy overlay: read here, written as a layer.
          row(
              "oi",
              STEP,
              (d, p) -> {
                d.legacyPath = OverlayPaths.parse("oi", p.value());
                d.legacyIndex = d.overlays.size();
              }),
          row(
              "ofo",
              STEP,
              (d, p) -> d.legacyPosition = CompoundValues.overlayPosition("ofo", p.value())),
          row("ox", STEP, (d, p) -> d.legacyX = Values.signedOffset("ox", p.value())),
          row("oy", STEP, (d, p) -> d.legacyY = Values.signedOffset("oy", p.value())),
          row(
              "ow",
              STEP,
              (d, p) -> d.legacyWidth = Values.dimension("ow", p.value(), maxDimension(p))),
          row(
              "oh",
              STEP,
              (d, p) -> d.legacyHeight = Values.dimension("oh", p.value(), maxDimension(p))));

  private Keys() {}

  /** The row for a key at a place, or null when the key is not allowed there. */
  static Key find(String name, Place place) {
    for (Key key : ALL) {
      if (key.name().equals(name) && key.places().contains(place)) {
        return key;
      }
    }
    return null;
  }

  /** Whether some row has this key at this place. */
  static boolean allowed(String name, Place place) {
    return find(name, place) != null;
  }

  /** The keys allowed at a place, in table order, each once. */
  static String names(Place place) {
    StringJoiner out = new StringJoiner(", ");
    List<String> seen = new ArrayList<>();
    for (Key key : ALL) {
      if (key.places().contains(place) && !seen.contains(key.name())) {
        seen.add(key.name());
        out.add(key.name());
      }
    }
    return out.toString();
  }

  // Rows.

  private static Key row(String name, Set<Place> places, Reader reader) {
    return new Key(name, places, reader, null, null, null);
  }

  private static Key step(
      String name, Set<Place> places, Reader reader, BiConsumer<Step, List<String>> writer) {
    return new Key(name, places, reader, writer, null, null);
  }

  private static Key overlay(String name, Set<Place> places, Reader reader) {
    return row(name, places, reader);
  }

  private static Key text(
      String name, Set<Place> places, Reader reader, BiConsumer<TextLayer, List<String>> writer) {
    return new Key(name, places, reader, null, null, writer);
  }

  // Shared readers.

  private static int maxDimension(Param p) {
    return p.limits().maxDimension();
  }

  private static void readSize(StepDraft d, Param p) {
    if (Arithmetic.looksLike(p.value())) {
      d.expressions.put(p.key(), Arithmetic.parse(p.key(), p.value(), d.isLayer(), false));
    } else if (p.key().equals("w")) {
      d.width = Values.dimension("w", p.value(), maxDimension(p));
    } else {
      d.height = Values.dimension("h", p.value(), maxDimension(p));
    }
  }

  private static void readCoordinate(StepDraft d, Param p) {
    if (Arithmetic.looksLike(p.value())) {
      d.expressions.put(p.key(), Arithmetic.parse(p.key(), p.value(), d.isLayer(), false));
    } else if (p.key().equals("x")) {
      d.x = Values.integer("x", p.value(), 0, Values.MAX_COORDINATE);
    } else {
      d.y = Values.integer("y", p.value(), 0, Values.MAX_COORDINATE);
    }
  }

  private static void readLayerOffset(StepDraft d, Param p) {
    if (Arithmetic.looksLike(p.value())) {
      d.expressions.put(p.key(), Arithmetic.parse(p.key(), p.value(), true, d.isText()));
    } else if (p.key().equals("lx")) {
      d.layerX = Values.signedOffset("lx", p.value());
    } else {
      d.layerY = Values.signedOffset("ly", p.value());
    }
  }

  private static void readEffect(StepDraft d, Param p) {
    String value = p.value();
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
              echo(p.text()));
        }
      }
    }
  }

  // Shared writers.

  static void expression(List<String> out, String key, Map<String, Arithmetic> all) {
    Arithmetic e = all.get(key);
    if (e != null) {
      out.add(key + "-" + e.token());
    }
  }

  static void add(List<String> out, String prefix, OptionalInt value) {
    value.ifPresent(v -> out.add(prefix + v));
  }

  private static String offset(int value) {
    return value < 0 ? "N" + -(long) value : Integer.toString(value);
  }
}
