package io.imagegate.keys;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicReferenceArray;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * An HMAC key: the UTF-8 bytes of a private key string, as ImageKit uses it. Its {@link
 * #toString()} never reveals the key.
 */
public final class SigningKey {
  /** Keys shorter than this are refused: they can be brute-forced offline from one signed URL. */
  public static final int MIN_BYTES = 32;

  /** Idle keyed MACs kept per algorithm: about as many as requests verify at once. */
  static final int POOLED = 8;

  private final byte[] bytes;

  /**
   * Looking up and keying a {@link Mac} costs more than the HMAC itself, so each algorithm has one
   * keyed prototype, made on first use and never used itself: a request takes an idle MAC from the
   * pool, or a {@link Mac#clone() clone} of the prototype, and puts it back when done. Plain fields
   * of the key, not a {@code ThreadLocal}: nothing outlives the key, and no container thread keeps
   * a key's MAC after the filter is gone.
   */
  private final Mac[] prototypes = new Mac[SignatureAlgorithm.values().length];

  private final AtomicReferenceArray<Mac> idle =
      new AtomicReferenceArray<>(POOLED * SignatureAlgorithm.values().length);

  private SigningKey(byte[] bytes) {
    this.bytes = bytes;
  }

  /**
   * Creates a key from its string form.
   *
   * @throws IllegalArgumentException if it is shorter than {@value #MIN_BYTES} bytes (the message
   *     gives the length, never the key)
   */
  public static SigningKey of(String privateKey) {
    byte[] bytes = privateKey.getBytes(StandardCharsets.UTF_8);
    if (bytes.length < MIN_BYTES) {
      throw new IllegalArgumentException(
          "a signing key must be at least "
              + MIN_BYTES
              + " bytes long; this one has "
              + bytes.length);
    }
    return new SigningKey(bytes);
  }

  private Mac newMac(SignatureAlgorithm algorithm) {
    try {
      Mac mac = Mac.getInstance(algorithm.jcaName());
      mac.init(new SecretKeySpec(bytes, algorithm.jcaName()));
      return mac;
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HMAC is unavailable in this JVM: " + algorithm.jcaName(), e);
    }
  }

  /** An idle keyed MAC of the algorithm, or a fresh one. */
  private Mac take(SignatureAlgorithm algorithm) {
    int first = algorithm.ordinal() * POOLED;
    for (int i = first; i < first + POOLED; i++) {
      Mac mac = idle.getPlain(i);
      if (mac != null && idle.compareAndSet(i, mac, null)) {
        return mac;
      }
    }
    Mac prototype;
    synchronized (prototypes) {
      prototype = prototypes[algorithm.ordinal()];
      if (prototype == null) {
        prototype = newMac(algorithm);
        prototypes[algorithm.ordinal()] = prototype;
      }
    }
    try {
      // The prototype is never updated, so cloning it copies the keyed, reset state.
      synchronized (prototype) {
        return (Mac) prototype.clone();
      }
    } catch (CloneNotSupportedException e) {
      return newMac(algorithm); // a provider whose MACs cannot be cloned
    }
  }

  /** Puts a reset MAC back for the next request, unless enough are idle already. */
  private void giveBack(SignatureAlgorithm algorithm, Mac mac) {
    int first = algorithm.ordinal() * POOLED;
    for (int i = first; i < first + POOLED; i++) {
      if (idle.getPlain(i) == null && idle.compareAndSet(i, null, mac)) {
        return;
      }
    }
  }

  /** A key of any length: only for reproducing published test vectors made with short keys. */
  static SigningKey unchecked(String privateKey) {
    return new SigningKey(privateKey.getBytes(StandardCharsets.UTF_8));
  }

  /** Lowercase hex HMAC of the UTF-8 bytes of {@code message}. */
  public String sign(SignatureAlgorithm algorithm, String message) {
    return HexFormat.of().formatHex(mac(algorithm, message.getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * The raw HMAC of {@code message} under this key (the verifier compares it in constant time); the
   * key's bytes never leave this class.
   */
  public byte[] mac(SignatureAlgorithm algorithm, byte[] message) {
    Mac mac = take(algorithm);
    byte[] result = mac.doFinal(message); // doFinal also resets it for the next message
    giveBack(algorithm, mac);
    return result;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SigningKey key && java.security.MessageDigest.isEqual(bytes, key.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return "SigningKey[redacted]";
  }
}
