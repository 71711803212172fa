package io.imagegate.transform;

import static io.imagegate.transform.model.Values.bad;
import static io.imagegate.transform.model.Values.echo;

import io.imagegate.failure.Failure;
import io.imagegate.failure.ImageGateException;
import io.imagegate.limits.Limits;
import io.imagegate.transform.model.Overlay;
import io.imagegate.transform.model.Step;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Parses ImageKit's transformation grammar (the keys are in the README's Transformations table):
 * parameters {@code key-value} joined by {@code ,}, steps joined by {@code :} and applied in order.
 * Thread-safe and immutable; build one per configuration.
 *
 * <p>Every problem with the text, whatever it holds, is an {@link ImageGateException} with {@link
 * Failure#BAD_TRANSFORMATION} and a message naming the key and value; no other exception escapes
 * {@link #parse}.
 */
public final class TransformationParser {
  /**
   * What the name of a named transformation may hold ({@code named.<name>}, {@code n-<name>}):
   * letters, digits and '_'. The one check, for the configuration and for this parser.
   */
  public static final Pattern NAME = Pattern.compile("[A-Za-z0-9_]+");

  private final Limits limits;
  private final StepParser stepParser;
  private final Map<String, List<Step>> named;

  /**
   * @param named named transformations ({@code named.<name>} in the configuration), name to text;
   *     each is parsed now, so a broken one stops start-up instead of failing requests
   * @param limits the bounds every request must stay within
   * @throws IllegalArgumentException naming the named transformation that is invalid, has an
   *     invalid name or refers to another named transformation
   */
  public TransformationParser(Map<String, String> named, Limits limits) {
    this.limits = Objects.requireNonNull(limits, "limits");
    this.stepParser = new StepParser(limits);
    Map<String, List<Step>> parsed = new HashMap<>();
    named.forEach(
        (name, text) -> {
          if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(
                "named transformation name '" + name + "' must use only letters, digits and '_'");
          }
          if (text.isEmpty()) {
            throw new IllegalArgumentException("named transformation '" + name + "' is empty");
          }
          try {
            parsed.put(name, transformation(text, false).steps());
          } catch (ImageGateException e) {
            throw new IllegalArgumentException(
                "named transformation '" + name + "' is invalid: " + e.getMessage(), e);
          }
        });
    this.named = Map.copyOf(parsed);
  }

  /**
   * Parses a transformation as sent by the client (already percent- and form-decoded).
   *
   * @param raw the text after {@code tr:} or in {@code ?tr=}; empty means no transformation
   * @return the validated model
   * @throws ImageGateException with {@link Failure#BAD_TRANSFORMATION} for any invalid text
   * @throws NullPointerException if {@code raw} is null (a caller bug, not client input)
   */
  public Transformation parse(String raw) {
    Objects.requireNonNull(raw, "raw");
    if (raw.length() > limits.maxTransformationLength()) {
      throw bad(
          "transformation is %d characters long, above the limit of %d",
          raw.length(), limits.maxTransformationLength());
    }
    if (raw.isEmpty()) {
      return Transformation.empty();
    }
    return transformation(raw, true);
  }

  private Transformation transformation(String raw, boolean allowNamed) {
    List<Step> steps = new ArrayList<>();
    boolean namedOnly = true;
    for (String text : split(raw)) {
      if (text.startsWith("n-") && text.indexOf(',') < 0) {
        if (!allowNamed) {
          throw bad("named transformations cannot refer to other named ones, got '%s'", echo(text));
        }
        List<Step> expansion = named.get(text.substring(2));
        if (expansion == null) {
          throw bad(
              "unknown named transformation '%s' in '%s'", echo(text.substring(2)), echo(text));
        }
        steps.addAll(expansion);
      } else {
        namedOnly = false;
        Step step = stepParser.parse(text);
        // A step that asks for nothing (t-false alone: no trim is the default) has no canonical
        // text; keeping it would make "t-false" and its canonical form "" two transformations.
        if (!step.equals(Step.empty())) {
          steps.add(step);
        }
      }
    }
    if (steps.size() > limits.maxSteps()) {
      throw bad(
          "transformation has %d steps once named ones expand, above the limit of %d",
          steps.size(), limits.maxSteps());
    }
    List<Overlay> overlays = new ArrayList<>();
    steps.forEach(step -> Transformation.collect(step, overlays));
    if (overlays.size() > limits.maxOverlays()) {
      throw bad(
          "transformation has %d overlays, above the limit of %d",
          overlays.size(), limits.maxOverlays());
    }
    if (steps.stream().anyMatch(Step::original)) {
      // orig-true: serve the original, all else ignored; one model for every such request.
      steps = List.of(new StepDraft(limits).originalOnly());
    }
    return new Transformation(steps, namedOnly);
  }

  private String[] split(String raw) {
    String[] texts = raw.split(":", -1);
    if (texts.length > limits.maxSteps()) {
      throw bad(
          "transformation has %d steps, above the limit of %d", texts.length, limits.maxSteps());
    }
    for (String text : texts) {
      if (text.isEmpty()) {
        throw bad("empty step in transformation (two ':' in a row, or one at an end)");
      }
    }
    return texts;
  }
}
