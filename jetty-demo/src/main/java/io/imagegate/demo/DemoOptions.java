package io.imagegate.demo;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The server's command line: {@code [--port N] [--images DIR] [--config FILE]}.
 *
 * @param port the HTTP port (0 picks a free one)
 * @param host the address to bind
 * @param images the image root; empty means the bundled photos
 * @param config a properties file with the filter's keys; empty means the embedded defaults
 */
public record DemoOptions(int port, String host, Optional<Path> images, Optional<Path> config) {

  /** The embedded defaults: port 8080 on all interfaces, bundled photos, random key. */
  public static DemoOptions defaults() {
    return new DemoOptions(8080, "0.0.0.0", Optional.empty(), Optional.empty());
  }

  /**
   * Parses arguments.
   *
   * @throws IllegalArgumentException naming the bad argument
   */
  public static DemoOptions parse(String[] args) {
    DemoOptions options = defaults();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      String value = i + 1 < args.length ? args[i + 1] : null;
      switch (arg) {
        case "--port":
          options =
              new DemoOptions(port(value), options.host(), options.images(), options.config());
          i++;
          break;
        case "--host":
          options =
              new DemoOptions(
                  options.port(), required(arg, value), options.images(), options.config());
          i++;
          break;
        case "--images":
          options =
              new DemoOptions(
                  options.port(),
                  options.host(),
                  Optional.of(Path.of(required(arg, value))),
                  options.config());
          i++;
          break;
        case "--config":
          options =
              new DemoOptions(
                  options.port(),
                  options.host(),
                  options.images(),
                  Optional.of(Path.of(required(arg, value))));
          i++;
          break;
        default:
          throw new IllegalArgumentException(
              "unknown argument '" + arg + "'; usage: " + Main.USAGE);
      }
    }
    return options;
  }

  private static String required(String name, String value) {
    if (value == null || value.startsWith("--")) {
      throw new IllegalArgumentException(name + " needs a value");
    }
    return value;
  }

  private static int port(String value) {
    try {
      int port = Integer.parseInt(required("--port", value));
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("--port must be 0-65535, got " + value);
      }
      return port;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--port must be a number, got '" + value + "'");
    }
  }
}
