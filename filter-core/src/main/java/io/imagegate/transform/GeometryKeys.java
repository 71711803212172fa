package io.imagegate.transform;

import static io.imagegate.transform.Key.STEP_AND_IMAGE;
import static io.imagegate.transform.model.Values.bad;
import static io.imagegate.transform.model.Values.echo;

import io.imagegate.transform.model.Arithmetic;
import io.imagegate.transform.model.AspectRatio;
import io.imagegate.transform.model.Crop;
import io.imagegate.transform.model.CropMode;
import io.imagegate.transform.model.Dimension;
import io.imagegate.transform.model.Focus;
import io.imagegate.transform.model.StepParams;
import io.imagegate.transform.model.Values;

/**
 * The rows of {@link Keys#ALL} for size and cut: {@code w}, {@code h} (of a step, or of an image
 * layer, which sizes the layer), {@code ar}, {@code c}, {@code cm}, {@code fo}, {@code x}, {@code
 * y}, {@code xc}, {@code yc}, {@code dpr}.
 */
final class GeometryKeys {
  private GeometryKeys() {}

  static final Key<Dimension> WIDTH =
      Key.step(StepParams.WIDTH, STEP_AND_IMAGE, GeometryKeys::size, Key.token(Dimension::token))
          .andOverlay(Key.token(Dimension::token))
          .withExpressions();

  static final Key<Dimension> HEIGHT =
      Key.step(StepParams.HEIGHT, STEP_AND_IMAGE, GeometryKeys::size, Key.token(Dimension::token))
          .andOverlay(Key.token(Dimension::token))
          .withExpressions();

  static final Key<AspectRatio> ASPECT_RATIO =
      Key.step(
          StepParams.ASPECT_RATIO,
          STEP_AND_IMAGE,
          (p, d) -> CompoundValues.aspectRatio(p.value()),
          Key.token(AspectRatio::token));

  static final Key<Crop> CROP =
      Key.step(
          StepParams.CROP,
          STEP_AND_IMAGE,
          (p, d) ->
              Crop.fromToken(p.value())
                  .orElseThrow(
                      () ->
                          bad(
                              "c must be maintain_ratio, force, at_max, at_max_enlarge or at_least, got '%s'",
                              echo(p.value()))),
          Key.token(Crop::token));

  static final Key<CropMode> CROP_MODE =
      Key.step(
          StepParams.CROP_MODE,
          STEP_AND_IMAGE,
          (p, d) ->
              CropMode.fromToken(p.value())
                  .orElseThrow(
                      () ->
                          bad(
                              "cm must be pad_resize, extract or pad_extract, got '%s'",
                              echo(p.value()))),
          Key.token(CropMode::token));

  static final Key<Focus> FOCUS =
      Key.step(
          StepParams.FOCUS,
          STEP_AND_IMAGE,
          (p, d) ->
              Focus.fromToken(p.value())
                  .orElseThrow(
                      () ->
                          bad(
                              "fo must be center, top, left, bottom, right, top_left, top_right, bottom_left, "
                                  + "bottom_right or auto, got '%s'",
                              echo(p.value()))),
          Key.token(Focus::token));

  static final Key<Integer> X =
      Key.step(StepParams.X, STEP_AND_IMAGE, GeometryKeys::coordinate, Key.plain())
          .withExpressions();

  static final Key<Integer> Y =
      Key.step(StepParams.Y, STEP_AND_IMAGE, GeometryKeys::coordinate, Key.plain())
          .withExpressions();

  static final Key<Integer> XC =
      Key.step(
          StepParams.XC,
          STEP_AND_IMAGE,
          (p, d) -> Values.integer("xc", p.value(), 0, Values.MAX_COORDINATE),
          Key.plain());

  static final Key<Integer> YC =
      Key.step(
          StepParams.YC,
          STEP_AND_IMAGE,
          (p, d) -> Values.integer("yc", p.value(), 0, Values.MAX_COORDINATE),
          Key.plain());

  static final Key<Double> DPR =
      Key.step(
          StepParams.DPR,
          STEP_AND_IMAGE,
          (p, d) -> CompoundValues.dpr(p.value(), p.limits().maxDpr()),
          Key.token(Values::decimalText));

  /** {@code w}/{@code h}: a size, or an expression (with the base's variables in a layer). */
  private static Dimension size(Key.Input p, StepDraft d) {
    if (Arithmetic.looksLike(p.value())) {
      return d.expression(p, d.isLayer(), false);
    }
    return Values.dimension(p.key(), p.value(), p.limits().maxDimension());
  }

  /** {@code x}/{@code y}: a coordinate, or an expression. */
  private static Integer coordinate(Key.Input p, StepDraft d) {
    if (Arithmetic.looksLike(p.value())) {
      return d.expression(p, d.isLayer(), false);
    }
    return Values.integer(p.key(), p.value(), 0, Values.MAX_COORDINATE);
  }
}
