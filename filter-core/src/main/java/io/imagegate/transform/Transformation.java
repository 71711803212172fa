package io.imagegate.transform;

import io.imagegate.transform.model.OutputFormat;
import io.imagegate.transform.model.Overlay;
import io.imagegate.transform.model.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A parsed, validated transformation: the chain of {@link Step}s in the order they apply, with
 * named transformations already expanded. Immutable.
 *
 * <p>Two transformations are equal when their steps are; {@link #canonical()} is a function of the
 * steps, so equal transformations have equal canonical text, and parsing that text gives an equal
 * transformation again. {@link #namedOnly()} describes the raw text the model came from and takes
 * no part in equality.
 */
public final class Transformation {
  /** The quality when no {@code q} is given (ImageKit's default). */
  public static final int DEFAULT_QUALITY = 80;

  private static final Transformation EMPTY = new Transformation(List.of(), false);

  private final List<Step> steps;
  private final boolean namedOnly;
  private final String canonical;
  // Functions of the steps that every request asks for, worked out once (a parsed transformation
  // is cached and shared by the requests that name it).
  private final boolean original;
  private final Optional<String> requestedFormat;
  private final List<Overlay> overlays;

  Transformation(List<Step> steps, boolean namedOnly) {
    this.steps = List.copyOf(steps);
    this.namedOnly = namedOnly;
    this.canonical = Canonical.steps(this.steps);
    this.original = this.steps.stream().anyMatch(Step::original);
    this.requestedFormat = lastFormat(this.steps);
    List<Overlay> all = new ArrayList<>();
    for (Step step : this.steps) {
      collect(step, all);
    }
    this.overlays = List.copyOf(all);
  }

  /** No transformation at all: the image as it is. */
  public static Transformation empty() {
    return EMPTY;
  }

  /** The steps in the order they apply; one step holding only {@code orig-true} if original. */
  public List<Step> steps() {
    return steps;
  }

  /**
   * The one text form of this model, e.g. {@code w-300,h-200,fo-top:q-70}. It may be longer than
   * the raw text (named transformations expanded, colour names as hex, legacy overlays in the layer
   * form), so it is for cache keys and logs, not checked against {@code maxLength}.
   */
  public String canonical() {
    return canonical;
  }

  /** Whether {@code orig-true} was given: serve the original; everything else is ignored. */
  public boolean original() {
    return original;
  }

  /**
   * Whether the raw text consisted only of {@code n-<name>} references, each its own step: what the
   * {@code unsigned-transformations=named} policy allows. False for the empty string.
   */
  public boolean namedOnly() {
    return namedOnly;
  }

  /** The last {@code f} of the chain as written canonically: {@code auto}, {@code jpg}, ... */
  public Optional<String> requestedFormat() {
    return requestedFormat;
  }

  private static Optional<String> lastFormat(List<Step> steps) {
    Optional<String> last = Optional.empty();
    for (Step step : steps) {
      if (step.format().isPresent()) {
        last = step.format().map(OutputFormat::token);
      }
    }
    return last;
  }

  /** The last {@code q} of the chain, or {@value #DEFAULT_QUALITY}. */
  public int quality() {
    int quality = DEFAULT_QUALITY;
    for (Step step : steps) {
      quality = step.quality().orElse(quality);
    }
    return quality;
  }

  /** The last {@code pr} of the chain, or false. */
  public boolean progressive() {
    boolean value = false;
    for (Step step : steps) {
      value = step.progressive().orElse(value);
    }
    return value;
  }

  /** The last {@code lo} of the chain, or false. */
  public boolean lossless() {
    boolean value = false;
    for (Step step : steps) {
      value = step.lossless().orElse(value);
    }
    return value;
  }

  /** The last {@code md} of the chain, or false: metadata is stripped by default. */
  public boolean keepMetadata() {
    boolean value = false;
    for (Step step : steps) {
      value = step.metadata().orElse(value);
    }
    return value;
  }

  /**
   * Every overlay of every step, nested layers included (parents before their children), so that
   * access checks see each overlay image the request would read.
   */
  public List<Overlay> overlays() {
    return overlays;
  }

  /** Whether there is nothing to do: no step at all. */
  public boolean isEmpty() {
    return steps.isEmpty();
  }

  static void collect(Step step, List<Overlay> into) {
    for (Overlay overlay : step.overlays()) {
      into.add(overlay);
      collect(overlay.transformation(), into);
    }
  }

  /** Equal when the steps are equal; {@link #namedOnly()} is not compared. */
  @Override
  public boolean equals(Object other) {
    return other instanceof Transformation t && steps.equals(t.steps);
  }

  @Override
  public int hashCode() {
    return Objects.hash(steps);
  }

  /** The canonical text. */
  @Override
  public String toString() {
    return canonical;
  }
}
