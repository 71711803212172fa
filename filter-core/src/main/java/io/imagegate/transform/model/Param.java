package io.imagegate.transform.model;

import java.util.Objects;

/**
 * A typed key of a {@link Step}'s values: the name it has in the transformation key table and the
 * type of its value. The parser's table rows ({@code io.imagegate.transform.Key}) are params
 * themselves, so a stage reads a key's value with {@code step.get(ROW)}; {@link StepParams} holds
 * the params that the model and the geometry read by name.
 *
 * <p>Two params are equal when they have the same name and value type, whichever class declared
 * them, so a row and the {@link StepParams} constant it was made from find the same value. The hash
 * is the name's, stable from one JVM to the next.
 *
 * @param <T> the type of the value
 */
public class Param<T> {
  private final String name;
  private final Class<T> type;

  protected Param(String name, Class<T> type) {
    this.name = Objects.requireNonNull(name, "name");
    this.type = Objects.requireNonNull(type, "type");
  }

  /** A param of this name and value type. */
  public static <T> Param<T> of(String name, Class<T> type) {
    return new Param<>(name, type);
  }

  /** The key as written in a URL, e.g. {@code bl}, or {@code e-sharpen} for one effect. */
  public final String name() {
    return name;
  }

  /** The type of the value. */
  public final Class<T> type() {
    return type;
  }

  /** The value as this param's type; throws when it is of another. */
  public final T cast(Object value) {
    return type.cast(value);
  }

  @Override
  public final boolean equals(Object other) {
    return other instanceof Param<?> p && p.name.equals(name) && p.type == type;
  }

  @Override
  public final int hashCode() {
    return name.hashCode();
  }

  @Override
  public final String toString() {
    return name;
  }
}
