package io.imagegate.keys;

import java.util.List;
import java.util.Objects;

/**
 * Where a scoped key ({@code key-scope.<name>.key}) may sign: its {@code key-scope.<name>.paths}
 * globs. A signature made with it verifies only for an image path, and overlay paths, that match
 * one of them, so a partner's leaked key signs nothing outside the partner's folder.
 *
 * @param name the scope's name in the configuration
 * @param paths the globs over paths below the root; at least one
 */
public record KeyScope(String name, List<PathGlob> paths) {
  /** Checks presence and freezes the globs. */
  public KeyScope {
    Objects.requireNonNull(name, "name");
    paths = List.copyOf(paths);
    if (paths.isEmpty()) {
      throw new IllegalArgumentException("a key scope needs at least one path glob");
    }
  }

  /** Whether a path below the root (no leading slash) lies inside this scope. */
  public boolean permits(String path) {
    String relative = path.startsWith("/") ? path.substring(1) : path;
    for (PathGlob glob : paths) {
      if (glob.matches(relative)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return "key-scope." + name + " " + paths;
  }
}
