package io.imagegate.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The primary key, which signs, and any previous keys, which only verify: rotation without downtime
 * (sign with the new key while URLs made with the old one still work).
 */
public final class KeyRing {
  private final SigningKey primary;
  private final List<SigningKey> verifying;

  /**
   * @param primary signs and verifies
   * @param previous verify only
   */
  public KeyRing(SigningKey primary, List<SigningKey> previous) {
    this.primary = Objects.requireNonNull(primary, "primary");
    List<SigningKey> all = new ArrayList<>();
    all.add(primary);
    all.addAll(previous);
    this.verifying = List.copyOf(all);
  }

  /** The key that signs. */
  public SigningKey primary() {
    return primary;
  }

  /** Every key that verifies, the primary first. */
  public List<SigningKey> verifying() {
    return verifying;
  }

  @Override
  public String toString() {
    return "KeyRing[" + verifying.size() + " keys]";
  }
}
