package io.imagegate.demo;

import java.time.Clock;
import java.util.Arrays;

/**
 * {@code java -jar imagegate-demo.jar [--port N] [--images DIR] [--config FILE]} starts the demo;
 * {@code java -jar imagegate-demo.jar sign ...} prints a signed URL; {@code java -jar
 * imagegate-demo.jar explain ...} tells why the filter would answer a URL as it does.
 */
public final class Main {
  static final String USAGE =
      "java -jar imagegate-demo.jar [--port N] [--host ADDR] [--images DIR] [--config FILE]\n"
          + "       java -jar imagegate-demo.jar "
          + SignCommand.USAGE
          + "\n       java -jar imagegate-demo.jar "
          + ExplainCommand.USAGE;

  private Main() {}

  /** Starts the server, or runs {@code sign}. */
  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("sign")) {
      System.exit(
          SignCommand.run(
              Arrays.copyOfRange(args, 1, args.length), System.out, System.err, Clock.systemUTC()));
    }
    if (args.length > 0 && args[0].equals("explain")) {
      System.exit(
          ExplainCommand.run(
              Arrays.copyOfRange(args, 1, args.length), System.out, System.err, Clock.systemUTC()));
    }
    if (args.length > 0 && (args[0].equals("--help") || args[0].equals("-h"))) {
      System.out.println("usage: " + USAGE);
      return;
    }
    DemoOptions options;
    try {
      options = DemoOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    DemoServer server;
    try {
      server = DemoServer.start(options, Clock.systemUTC());
    } catch (io.imagegate.config.ConfigException e) {
      System.err.println("imagegate: invalid configuration: " + e.getMessage());
      System.exit(2);
      return;
    }
    System.out.println("imagegate demo running: open http://localhost:" + server.port() + "/");
    System.out.println("images from " + server.settings().root());
    if (server.generatedKey()) {
      System.out.println(
          "demo signing key (generated for this run; never print a real key): " + server.key());
    }
    server.join();
  }
}
