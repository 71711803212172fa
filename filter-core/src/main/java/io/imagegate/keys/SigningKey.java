package io.imagegate.keys;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * An HMAC key: the UTF-8 bytes of a private key string, as ImageKit uses it. Its {@link
 * #toString()} never reveals the key.
 */
public final class SigningKey {
  /** Keys shorter than this are refused: they can be brute-forced offline from one signed URL. */
  public static final int MIN_BYTES = 32;

  private final byte[] bytes;

  /** Initialised MACs per thread: looking up and keying a Mac costs more than the HMAC itself. */
  private final ThreadLocal<Mac[]> macs = ThreadLocal.withInitial(this::newMacs);

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

  private Mac[] newMacs() {
    SignatureAlgorithm[] algorithms = SignatureAlgorithm.values();
    Mac[] result = new Mac[algorithms.length];
    for (SignatureAlgorithm algorithm : algorithms) {
      try {
        Mac mac = Mac.getInstance(algorithm.jcaName());
        mac.init(new SecretKeySpec(bytes, algorithm.jcaName()));
        result[algorithm.ordinal()] = mac;
      } catch (NoSuchAlgorithmException | InvalidKeyException e) {
        throw new IllegalStateException(
            "HMAC is unavailable in this JVM: " + algorithm.jcaName(), e);
      }
    }
    return result;
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
    Mac mac = macs.get()[algorithm.ordinal()];
    return mac.doFinal(message);
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
