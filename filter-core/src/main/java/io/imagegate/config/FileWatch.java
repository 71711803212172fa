package io.imagegate.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Tells whether a file has changed since it was last looked at, without reading it: a {@link Stamp}
 * of its modification time, size and identity (an editor's save-by-rename gives a new one). Tests
 * substitute their own to change files without touching the disk's clock.
 */
@FunctionalInterface
public interface FileWatch {
  /** What a file looks like now; a missing or unreadable file has a stamp of its own. */
  Stamp stamp(Path file);

  /**
   * A file's observable state; equal stamps mean "unchanged".
   *
   * @param modified the modification time in nanoseconds since the epoch, or -1 if missing
   * @param size the size in bytes, or -1 if missing
   * @param identity the file system's key for the file (inode), or null if it has none
   */
  record Stamp(long modified, long size, Object identity) {
    /** The stamp of a file that cannot be looked at. */
    public static final Stamp MISSING = new Stamp(-1, -1, null);
  }

  /** Reads the file system's attributes (following symbolic links, as a Kubernetes secret is). */
  static FileWatch attributes() {
    return file -> {
      try {
        BasicFileAttributes attributes =
            Files.readAttributes(file, BasicFileAttributes.class, new LinkOption[0]);
        long nanos = attributes.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS);
        return new Stamp(nanos, attributes.size(), attributes.fileKey());
      } catch (IOException | SecurityException e) {
        return Stamp.MISSING;
      }
    };
  }
}
