package io.imagegate.source;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Strong ETags as digests of text that holds no file-system path, only root-relative identities.
 */
public final class Validators {
  private Validators() {}

  /**
   * A quoted strong ETag: the prefix and the first 96 bits of the SHA-256 of the text.
   *
   * @param prefix {@code o} for originals, {@code v} for variants
   */
  public static String etag(String prefix, String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return "\"" + prefix + HexFormat.of().formatHex(digest, 0, 12) + "\"";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is unavailable", e);
    }
  }
}
