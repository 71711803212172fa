package io.imagegate.transform;

import static io.imagegate.transform.Key.STEP_AND_IMAGE;
import static io.imagegate.transform.Key.STEP_ONLY;
import static io.imagegate.transform.model.Values.bad;
import static io.imagegate.transform.model.Values.echo;

import io.imagegate.transform.model.OutputFormat;
import io.imagegate.transform.model.StepParams;
import io.imagegate.transform.model.Values;

/**
 * The rows of {@link Keys#ALL} for what is encoded: {@code q}, {@code f}, {@code pr}, {@code lo},
 * {@code md}, and {@code orig-true} (the original instead).
 */
final class OutputKeys {
  private OutputKeys() {}

  static final Key<Integer> QUALITY =
      Key.step(
          StepParams.QUALITY,
          STEP_AND_IMAGE,
          (p, d) -> Values.integer("q", p.value(), 1, 100),
          Key.plain());

  static final Key<OutputFormat> FORMAT =
      Key.step(
          StepParams.FORMAT,
          STEP_ONLY,
          (p, d) ->
              OutputFormat.fromToken(p.value())
                  .orElseThrow(
                      () ->
                          bad(
                              "f must be auto, jpg, jpeg, png, webp or gif, got '%s'",
                              echo(p.value()))),
          Key.token(OutputFormat::token));

  static final Key<Boolean> PROGRESSIVE =
      Key.step(
          StepParams.PROGRESSIVE, STEP_ONLY, (p, d) -> Values.bool("pr", p.value()), Key.plain());

  static final Key<Boolean> LOSSLESS =
      Key.step(StepParams.LOSSLESS, STEP_ONLY, (p, d) -> Values.bool("lo", p.value()), Key.plain());

  static final Key<Boolean> METADATA =
      Key.step(StepParams.METADATA, STEP_ONLY, (p, d) -> Values.bool("md", p.value()), Key.plain());

  /** A flag: only {@code orig-true} is accepted, and kept. */
  static final Key<Boolean> ORIGINAL =
      Key.step(
          StepParams.ORIGINAL,
          STEP_ONLY,
          (p, d) -> {
            if (!p.value().equals("true")) {
              throw bad("orig must be true, got '%s'", echo(p.value()));
            }
            return true;
          },
          Key.plain());
}
