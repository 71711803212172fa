package io.imagegate.keys;

/**
 * Short keys for tests only: published signing vectors use keys below the 32-byte minimum, which
 * {@link SigningKey#of} refuses in production.
 */
public final class ShortKeys {
  private ShortKeys() {}

  /** A key of any length. */
  public static SigningKey of(String key) {
    return SigningKey.unchecked(key);
  }
}
