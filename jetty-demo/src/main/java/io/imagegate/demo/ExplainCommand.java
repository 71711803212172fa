package io.imagegate.demo;

import io.imagegate.ImageGate;
import io.imagegate.config.ConfigException;
import io.imagegate.config.ConfigParser;
import io.imagegate.config.ImageGateSettings;
import io.imagegate.explain.Explanation;
import java.io.PrintStream;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code explain --config FILE --url URL [--images DIR] [--context-path /shop] [--json]
 * [--show-expected]}: why the filter configured by {@code FILE} would answer {@code URL} the way it
 * does, as text or one JSON object. It builds the filter's own engine from the file and runs its
 * decision on the URL; it contacts no server and never prints a key. Exit code 0 when the filter
 * would serve the URL, 1 when it would refuse it or pass it down, 2 for a usage or configuration
 * error.
 */
final class ExplainCommand {
  static final String USAGE =
      "explain --config <file> --url <url> [--images <dir>] [--context-path <path>] [--json]"
          + " [--show-expected]";

  private static final Set<String> VALUED = Set.of("config", "url", "images", "context-path");
  private static final Set<String> FLAGS = Set.of("json", "show-expected");

  private ExplainCommand() {}

  /** Runs the command; returns the exit code. */
  static int run(String[] args, PrintStream out, PrintStream err, Clock clock) {
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      String name = args[i].startsWith("--") ? args[i].substring(2) : null;
      if (name != null && FLAGS.contains(name)) {
        options.put(name, "true");
      } else if (name != null && VALUED.contains(name) && i + 1 < args.length) {
        options.put(name, args[++i]);
      } else {
        err.println("explain: bad argument '" + args[i] + "'; usage: " + USAGE);
        return 2;
      }
    }
    if (!options.containsKey("config") || !options.containsKey("url")) {
      err.println("explain: --config and --url are required; usage: " + USAGE);
      return 2;
    }
    try {
      Map<String, String> params = new LinkedHashMap<>();
      params.put(ConfigParser.CONFIG_FILE, options.get("config"));
      if (options.containsKey("images")) {
        params.put("root", options.get("images"));
      }
      ImageGateSettings settings =
          new ConfigParser(System::getenv).parse(params, null).clock(clock).build();
      String contextPath = options.getOrDefault("context-path", "");
      if (!contextPath.isEmpty() && (!contextPath.startsWith("/") || contextPath.endsWith("/"))) {
        err.println("explain: --context-path must start with '/' and not end with one");
        return 2;
      }
      String endpoint = contextPath + settings.endpoint().orElse(DemoServer.ENDPOINT);
      Explanation explanation =
          new ImageGate(settings, endpoint)
              .explain(options.get("url"), options.containsKey("show-expected"));
      out.print(options.containsKey("json") ? explanation.toJson() + "\n" : explanation.toText());
      return explanation.status() == 200 ? 0 : 1;
    } catch (ConfigException e) {
      err.println("explain: invalid configuration: " + e.getMessage());
      return 2;
    }
  }
}
