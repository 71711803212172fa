package io.imagegate.source;

import java.nio.file.Path;
import java.time.Instant;

/**
 * A resolved, readable file below the root, and its identity: real path, size and modification
 * time. A change to any of them makes a different source, so cached variants are never stale.
 *
 * @param realPath the file's real path (symlinks resolved), inside the root
 * @param size bytes
 * @param lastModified modification time
 * @param format the format recognised from the leading bytes, or null for a non-image file
 * @param identity the real path relative to the root, segments joined by {@code /}: what validators
 *     are derived from, so they say nothing about the server's layout and are the same on every
 *     instance serving the same files
 */
public record Source(
    Path realPath, long size, Instant lastModified, ImageFormat format, String identity) {

  /** Whether the bytes are an image format at all. */
  public boolean isImage() {
    return format != null;
  }

  /**
   * A strong validator for this exact version of the file: a digest of its root-relative identity,
   * size and modification time (never of its absolute path).
   */
  public String etag() {
    return Validators.etag("o", versionText());
  }

  /** The root-relative identity, size and modification time, as text for validators. */
  public String versionText() {
    return identity + "\u0000" + size + "\u0000" + lastModified.toEpochMilli();
  }
}
