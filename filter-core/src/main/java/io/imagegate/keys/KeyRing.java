package io.imagegate.keys;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The primary key, which signs, any previous keys, which only verify: rotation without downtime
 * (sign with the new key while URLs made with the old one still work); and scoped keys, which sign
 * and verify only inside their {@link KeyScope}.
 */
public final class KeyRing {
  private final SigningKey primary;
  private final List<SigningKey> verifying;
  private final List<Entry> entries;

  /**
   * One key, as the configuration names it (never by its value).
   *
   * @param index its position among all keys: 0 the primary, then the previous keys, then the
   *     scoped keys
   * @param name the configuration key it came from: {@code key}, {@code previous-keys[1]}, {@code
   *     key-scope.partner.key}
   * @param key the key
   * @param scope where it may sign; empty for the primary and previous keys (everywhere)
   */
  public record Entry(int index, String name, SigningKey key, Optional<KeyScope> scope) {
    /** Checks presence. */
    public Entry {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(scope, "scope");
    }
  }

  /** A scoped key before it is numbered. */
  public record Scoped(SigningKey key, KeyScope scope) {}

  /**
   * @param primary signs and verifies
   * @param previous verify only
   */
  public KeyRing(SigningKey primary, List<SigningKey> previous) {
    this(primary, previous, List.of());
  }

  /**
   * @param primary signs and verifies
   * @param previous verify only
   * @param scoped verify only inside their scopes
   */
  public KeyRing(SigningKey primary, List<SigningKey> previous, List<Scoped> scoped) {
    this.primary = Objects.requireNonNull(primary, "primary");
    List<SigningKey> all = new ArrayList<>();
    List<Entry> entries = new ArrayList<>();
    all.add(primary);
    entries.add(new Entry(0, "key", primary, Optional.empty()));
    for (SigningKey key : previous) {
      entries.add(
          new Entry(entries.size(), "previous-keys[" + all.size() + "]", key, Optional.empty()));
      all.add(key);
    }
    this.verifying = List.copyOf(all);
    for (Scoped key : scoped) {
      entries.add(
          new Entry(
              entries.size(),
              "key-scope." + key.scope().name() + ".key",
              key.key(),
              Optional.of(key.scope())));
    }
    this.entries = List.copyOf(entries);
  }

  /** The key that signs. */
  public SigningKey primary() {
    return primary;
  }

  /** Every key that verifies everywhere, the primary first (scoped keys are not among them). */
  public List<SigningKey> verifying() {
    return verifying;
  }

  /** Every key, numbered: the primary, the previous keys, then the scoped keys. */
  public List<Entry> entries() {
    return entries;
  }

  /** The scoped key named {@code name}. */
  public Optional<Entry> scoped(String name) {
    return entries.stream()
        .filter(e -> e.scope().map(s -> s.name().equals(name)).orElse(false))
        .findFirst();
  }

  @Override
  public String toString() {
    return "KeyRing[" + entries.size() + " keys]";
  }
}
