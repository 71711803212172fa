package io.imagegate.cache;

import io.imagegate.source.ImageFormat;
import io.imagegate.source.Source;
import java.nio.file.Path;
import java.util.List;

/**
 * What makes a rendered variant unique: the identity of its source (real path, size, mtime), the
 * canonical transformation, the output format and the identities of every overlay source. A changed
 * source or overlay file makes a different key, so a stale variant is never served.
 *
 * @param source the image's identity
 * @param transformation the canonical transformation string
 * @param format the output format after negotiation
 * @param overlays the identities of the overlay sources, in order
 */
public record VariantKey(
    SourceId source, String transformation, ImageFormat format, List<SourceId> overlays) {

  /** Copies the overlay list. */
  public VariantKey {
    overlays = List.copyOf(overlays);
  }

  /**
   * Component by component, as a record compares, with the cheap parts first: a hit compares the
   * key it built with the one in the cache, whose path and canonical text are most often the very
   * same objects (one resolved {@code Source}, one parsed transformation), so those are compared by
   * identity before their contents.
   */
  @Override
  public boolean equals(Object other) {
    return other instanceof VariantKey key
        && format == key.format
        && source.equals(key.source)
        && (transformation == key.transformation || transformation.equals(key.transformation))
        && overlays.equals(key.overlays);
  }

  @Override
  public int hashCode() {
    return ((source.hashCode() * 31 + transformation.hashCode()) * 31 + format.ordinal()) * 31
        + overlays.hashCode();
  }

  /**
   * A file's identity.
   *
   * @param realPath the real path
   * @param size bytes
   * @param lastModifiedMillis modification time
   */
  public record SourceId(Path realPath, long size, long lastModifiedMillis) {
    /** The identity of a resolved source. */
    public static SourceId of(Source source) {
      return new SourceId(source.realPath(), source.size(), source.lastModified().toEpochMilli());
    }

    /** As a record compares, the numbers first and the path by identity before its bytes. */
    @Override
    public boolean equals(Object other) {
      return other instanceof SourceId id
          && size == id.size
          && lastModifiedMillis == id.lastModifiedMillis
          && (realPath == id.realPath || realPath.equals(id.realPath));
    }

    @Override
    public int hashCode() {
      return (realPath.hashCode() * 31 + Long.hashCode(size)) * 31
          + Long.hashCode(lastModifiedMillis);
    }
  }

  /** A strong ETag for the variant: a digest over every part of the key. */
  String etag() {
    try {
      byte[] digest =
          java.security.MessageDigest.getInstance("SHA-256")
              .digest(toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return "\"v" + java.util.HexFormat.of().formatHex(digest, 0, 12) + "\"";
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is unavailable", e);
    }
  }
}
