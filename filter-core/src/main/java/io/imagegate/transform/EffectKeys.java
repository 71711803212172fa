package io.imagegate.transform;

import static io.imagegate.transform.Key.EVERYWHERE;
import static io.imagegate.transform.Key.STEP_AND_IMAGE;
import static io.imagegate.transform.model.Values.bad;
import static io.imagegate.transform.model.Values.echo;

import io.imagegate.transform.model.Border;
import io.imagegate.transform.model.Color;
import io.imagegate.transform.model.Radius;
import io.imagegate.transform.model.Rotation;
import io.imagegate.transform.model.Step;
import io.imagegate.transform.model.StepParams;
import io.imagegate.transform.model.Values;

/**
 * The rows of {@link Keys#ALL} for what is done to the pixels after the geometry: {@code bg},
 * {@code b}, {@code r}, {@code rt}, {@code fl}, {@code bl}, the effects ({@code e-grayscale},
 * {@code e-sharpen}, {@code e-contrast}, one row each) and {@code t}.
 */
public final class EffectKeys {
  private EffectKeys() {}

  static final Key<Color> BACKGROUND =
      Key.step(
          StepParams.BACKGROUND,
          EVERYWHERE,
          (p, d) -> Values.color("bg", p.value()),
          Key.token(Color::hex));

  static final Key<Border> BORDER =
      Key.step(
          StepParams.BORDER,
          STEP_AND_IMAGE,
          (p, d) -> CompoundValues.border(p.value(), p.limits().maxDimension()),
          Key.token(Border::token));

  static final Key<Radius> RADIUS =
      Key.step(
          StepParams.RADIUS,
          EVERYWHERE,
          (p, d) ->
              p.value().equals("max")
                  ? new Radius(0, true)
                  : new Radius(Values.integer("r", p.value(), 1, p.limits().maxDimension()), false),
          Key.token(Radius::token));

  static final Key<Rotation> ROTATION =
      Key.step(
          StepParams.ROTATION,
          EVERYWHERE,
          (p, d) -> CompoundValues.rotation(p.value()),
          Key.token(Rotation::token));

  /**
   * {@code fl}: mirror {@code h} (left to right), {@code v} (top to bottom) or both ({@code h_v},
   * also written {@code v_h}). The pipeline's {@code FlipStage} reads it with {@code
   * step.get(FLIP)}: the README's example of a key that is one row plus its stage.
   */
  public static final Key<String> FLIP =
      Key.step(
          "fl",
          String.class,
          STEP_AND_IMAGE,
          (p, d) ->
              switch (p.value()) {
                case "h", "v", "h_v" -> p.value();
                case "v_h" -> "h_v";
                default -> throw bad("fl must be h, v, h_v or v_h, got '%s'", echo(p.value()));
              },
          Key.plain());

  static final Key<Integer> BLUR =
      Key.step(
          StepParams.BLUR,
          STEP_AND_IMAGE,
          (p, d) -> Values.integer("bl", p.value(), 1, 100),
          Key.plain());

  static final Key<Boolean> GRAYSCALE =
      Key.step(
          StepParams.GRAYSCALE,
          STEP_AND_IMAGE,
          (p, d) -> flag(p, "grayscale"),
          (name, value, out) -> out.add(name));

  static final Key<Integer> SHARPEN =
      Key.step(
          StepParams.SHARPEN,
          STEP_AND_IMAGE,
          (p, d) -> {
            if (p.value().equals("sharpen")) {
              return Step.DEFAULT_SHARPEN;
            }
            if (p.value().startsWith("sharpen-")) {
              return Values.integer("e-sharpen", p.value().substring("sharpen-".length()), 1, 100);
            }
            throw unknownEffect(p);
          },
          Key.plain());

  static final Key<Boolean> CONTRAST =
      Key.step(
          StepParams.CONTRAST,
          STEP_AND_IMAGE,
          (p, d) -> flag(p, "contrast"),
          (name, value, out) -> out.add(name));

  static final Key<Integer> TRIM =
      Key.step(
          StepParams.TRIM,
          STEP_AND_IMAGE,
          (p, d) ->
              switch (p.value()) {
                case "true" -> Step.DEFAULT_TRIM;
                // Only overlays are trimmed by default (as in ImageKit), so only there does
                // t-false change anything; elsewhere it is the same as no t at all.
                case "false" -> d.isLayer() ? Step.NO_TRIM : null;
                default -> CompoundValues.trimThreshold(p.value());
              },
          (name, t, out) -> out.add(t == Step.NO_TRIM ? "t-false" : "t-" + t));

  /** An effect without an amount: {@code e-grayscale} exactly, kept as {@code true}. */
  private static Boolean flag(Key.Input p, String effect) {
    if (!p.value().equals(effect)) {
      throw unknownEffect(p);
    }
    return true;
  }

  /** The refusal of an {@code e-} that no row reads. */
  static RuntimeException unknownEffect(Key.Input p) {
    return bad(
        "unknown effect in '%s'; supported: e-grayscale, e-sharpen[-N], e-contrast",
        echo(p.param()));
  }
}
