package io.imagegate.transform;

import io.imagegate.limits.Limits;
import io.imagegate.transform.model.Arithmetic;
import io.imagegate.transform.model.Overlay;
import io.imagegate.transform.model.Param;
import io.imagegate.transform.model.Step;
import io.imagegate.transform.model.TextLayer;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * One row of the transformation key table ({@link Keys#ALL}): a key's name and value type (it is
 * the {@link Param} its value is kept under, so a stage reads it with {@code step.get(ROW)}), where
 * it is allowed, how its value is read and how it is written back canonically. An effect ({@code
 * e-grayscale}, {@code e-sharpen}) is a row of its own, named with its {@code e-} prefix.
 *
 * @param <T> the type of the value
 */
final class Key<T> extends Param<T> {
  /** Where a parameter stands. */
  enum Place {
    STEP,
    IMAGE_LAYER,
    TEXT_LAYER
  }

  /**
   * The parameter being read, for readers and messages.
   *
   * @param key the text before the first {@code -}
   * @param value the text after it, never empty
   * @param param the whole parameter
   * @param limits the bounds of what a URL may ask
   */
  record Input(String key, String value, String param, Limits limits) {}

  /**
   * Reads one value (throws a 400 for a bad one). What it returns is kept under the row; it may
   * return null and keep what it read elsewhere in the draft (or nothing).
   */
  @FunctionalInterface
  interface Reader<T> {
    T read(Input in, StepDraft draft);
  }

  /** Writes the row's value (of a step, a layer or a text) canonically, e.g. {@code bl-5}. */
  @FunctionalInterface
  interface Writer<T> {
    void write(String name, T value, List<String> out);
  }

  /** The places a key may stand, as the rows name them. */
  static final Set<Place> EVERYWHERE = EnumSet.allOf(Place.class);

  static final Set<Place> STEP_AND_IMAGE = EnumSet.of(Place.STEP, Place.IMAGE_LAYER);
  static final Set<Place> STEP_ONLY = EnumSet.of(Place.STEP);
  static final Set<Place> LAYERS = EnumSet.of(Place.IMAGE_LAYER, Place.TEXT_LAYER);
  static final Set<Place> IMAGE = EnumSet.of(Place.IMAGE_LAYER);
  static final Set<Place> TEXT = EnumSet.of(Place.TEXT_LAYER);

  private final Set<Place> places;
  private final Reader<T> reader;
  private final boolean expressions;
  private final Writer<T> step;
  private final Writer<T> overlay;
  private final Writer<T> text;

  private Key(
      String name,
      Class<T> type,
      Set<Place> places,
      Reader<T> reader,
      boolean expressions,
      Writer<T> step,
      Writer<T> overlay,
      Writer<T> text) {
    super(name, type);
    this.places = Set.copyOf(places);
    this.reader = Objects.requireNonNull(reader, "reader");
    this.expressions = expressions;
    this.step = step;
    this.overlay = overlay;
    this.text = text;
  }

  /** A row whose value belongs to the step, written canonically by {@code writer}. */
  static <T> Key<T> step(Param<T> param, Set<Place> places, Reader<T> reader, Writer<T> writer) {
    return new Key<>(param.name(), param.type(), places, reader, false, writer, null, null);
  }

  /** A row for a key that no {@link io.imagegate.transform.model.StepParams} constant names. */
  static <T> Key<T> step(
      String name, Class<T> type, Set<Place> places, Reader<T> reader, Writer<T> writer) {
    return step(Param.of(name, type), places, reader, writer);
  }

  /** A row whose value belongs to a text layer's {@link TextLayer}, written by {@code writer}. */
  static <T> Key<T> text(Param<T> param, Set<Place> places, Reader<T> reader, Writer<T> writer) {
    return new Key<>(param.name(), param.type(), places, reader, false, null, null, writer);
  }

  /**
   * A row that is read, never written as itself: its value is kept under another row ({@code ie},
   * {@code al}) or taken by the step's close (the legacy {@code oi}, {@code ox}, ...).
   */
  static <T> Key<T> layer(String name, Class<T> type, Set<Place> places, Reader<T> reader) {
    return new Key<>(name, type, places, reader, false, null, null, null);
  }

  /** A row whose value belongs to a layer's {@link Overlay}, written by {@code writer}. */
  static <T> Key<T> overlay(Param<T> param, Set<Place> places, Reader<T> reader, Writer<T> writer) {
    return new Key<>(param.name(), param.type(), places, reader, false, null, writer, null);
  }

  /** This row, also written from a layer (whose value it is in a layer: {@code w}, {@code h}). */
  Key<T> andOverlay(Writer<T> writer) {
    return new Key<>(name(), type(), places, reader, expressions, step, writer, text);
  }

  /** This row, whose value may be an arithmetic expression, written after the plain value. */
  Key<T> withExpressions() {
    return new Key<>(name(), type(), places, reader, true, step, overlay, text);
  }

  /** Writes {@code name-token(value)}. */
  static <T> Writer<T> token(Function<T, String> token) {
    return (name, value, out) -> out.add(name + "-" + token.apply(value));
  }

  /** Writes {@code name-value}. */
  static <T> Writer<T> plain() {
    return (name, value, out) -> out.add(name + "-" + value);
  }

  /** The key in a URL: the name up to its first {@code -} ({@code e} for {@code e-sharpen}). */
  String urlKey() {
    int dash = name().indexOf('-');
    return dash < 0 ? name() : name().substring(0, dash);
  }

  boolean allowedAt(Place place) {
    return places.contains(place);
  }

  Set<Place> places() {
    return places;
  }

  /** Whether the value belongs to the step (rather than a layer or text). */
  boolean inStep() {
    return step != null;
  }

  /** Whether the value may be an arithmetic expression. */
  boolean takesExpressions() {
    return expressions;
  }

  /** Whether the value belongs to a layer's overlay (its size, place, opacity). */
  boolean inOverlay() {
    return overlay != null;
  }

  /** Whether the value belongs to a text layer's text. */
  boolean inText() {
    return text != null;
  }

  /** Whether the row writes its key back (some, like {@code al}, are written as another). */
  boolean written() {
    return step != null || overlay != null || text != null;
  }

  void read(StepDraft draft, Input in) {
    draft.put(this, reader.read(in, draft));
  }

  void writeStep(Step s, List<String> out) {
    if (step != null) {
      s.get(this).ifPresent(v -> step.write(name(), v, out));
      expression(s.expressions(), out);
    }
  }

  void writeOverlay(Overlay o, List<String> out) {
    if (overlay != null) {
      o.get(this).ifPresent(v -> overlay.write(name(), v, out));
      expression(o.expressions(), out);
    }
  }

  void writeText(TextLayer t, List<String> out) {
    if (text != null) {
      t.get(this).ifPresent(v -> text.write(name(), v, out));
      expression(t.expressions(), out);
    }
  }

  private void expression(Map<String, Arithmetic> all, List<String> out) {
    Arithmetic e = expressions ? all.get(name()) : null;
    if (e != null) {
      out.add(name() + "-" + e.token());
    }
  }
}
