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
 */
public record Source(Path realPath, long size, Instant lastModified, ImageFormat format) {

  /** Whether the bytes are an image format at all. */
  public boolean isImage() {
    return format != null;
  }

  /** A strong validator for this exact version of the file. */
  public String etag() {
    return "\""
        + Long.toHexString(size)
        + "-"
        + Long.toHexString(lastModified.toEpochMilli())
        + "-"
        + Integer.toHexString(realPath.hashCode())
        + "\"";
  }
}
