package io.imagegate.demo;

import io.imagegate.config.ConfigException;
import io.imagegate.config.ConfigParser;
import io.imagegate.config.ImageGateSettings;
import io.imagegate.keys.KeyRing;
import io.imagegate.security.UrlSigner;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code sign --path P [--tr T] [--expires SECONDS] [--position query|path] [--endpoint URL]
 * [--config FILE [--scope NAME] | --key KEY]}: prints a signed URL, for sysadmins and scripts. The
 * key may be given as {@code env:NAME} or {@code file:PATH} so it stays out of shell history. With
 * {@code --scope}, the URL is signed with the config's {@code key-scope.<name>.key}, and a path or
 * overlay outside that scope's globs is refused.
 */
final class SignCommand {
  static final String USAGE =
      "sign --path <path> [--tr <transformation>] [--expires <seconds>]"
          + " [--position query|path] [--endpoint <url>]"
          + " [--config <file> [--scope <name>] | --key <key|env:NAME|file:PATH>]";

  private SignCommand() {}

  /** Runs the command; returns the exit code. */
  static int run(String[] args, PrintStream out, PrintStream err, Clock clock) {
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        err.println("sign: bad argument '" + args[i] + "'; usage: " + USAGE);
        return 2;
      }
      options.put(args[i].substring(2), args[++i]);
    }
    for (String name : options.keySet()) {
      if (!java.util.Set.of(
              "path", "tr", "expires", "position", "endpoint", "config", "key", "scope")
          .contains(name)) {
        err.println("sign: unknown option --" + name + "; usage: " + USAGE);
        return 2;
      }
    }
    if (!options.containsKey("path")) {
      err.println("sign: --path is required; usage: " + USAGE);
      return 2;
    }
    if (options.containsKey("config") == options.containsKey("key")) {
      err.println("sign: give exactly one of --config and --key; usage: " + USAGE);
      return 2;
    }
    if (options.containsKey("scope") && !options.containsKey("config")) {
      err.println("sign: --scope names a key-scope of --config; usage: " + USAGE);
      return 2;
    }
    try {
      Map<String, String> params = new LinkedHashMap<>();
      if (options.containsKey("config")) {
        params.put(ConfigParser.CONFIG_FILE, options.get("config"));
      } else {
        params.put("key", options.get("key"));
      }
      ImageGateSettings settings =
          new ConfigParser(System::getenv).parse(params, Path.of(".")).build();
      UrlSigner.Builder builder =
          UrlSigner.builder()
              .urlEndpoint(
                  options.getOrDefault("endpoint", "http://localhost:8080" + DemoServer.ENDPOINT))
              .key(settings.keys().primary())
              .algorithm(settings.algorithms().get(0))
              .clock(clock);
      if (options.containsKey("scope")) {
        String name = options.get("scope");
        KeyRing.Entry scoped =
            settings
                .keys()
                .scoped(name)
                .orElseThrow(
                    () ->
                        new ConfigException(
                            "--scope: the configuration has no key-scope." + name + ".key"));
        builder.key(scoped.key()).scope(scoped.scope().get());
      }
      UrlSigner signer = builder.build();
      UrlSigner.UrlBuilder url = signer.url(options.get("path"));
      if (options.containsKey("tr")) {
        url.transformation(options.get("tr"));
      }
      if (options.containsKey("position")) {
        url.position(
            UrlSigner.TransformationPosition.valueOf(
                options.get("position").toUpperCase(java.util.Locale.ROOT)));
      }
      if (options.containsKey("expires")) {
        url.expiresIn(Duration.ofSeconds(Long.parseLong(options.get("expires"))));
      }
      String signed;
      try {
        signed = url.sign();
      } catch (IllegalArgumentException e) {
        // Outside a scoped key's globs: the usage is not the problem.
        err.println("sign: " + e.getMessage());
        return 2;
      }
      out.println(signed);
      return 0;
    } catch (ConfigException e) {
      err.println("sign: " + e.getMessage());
      return 2;
    } catch (IllegalArgumentException e) {
      err.println("sign: " + e.getMessage() + "; usage: " + USAGE);
      return 2;
    }
  }
}
