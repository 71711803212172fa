package io.imagegate.containers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Standalone Jetty 12 as its users run it: {@code jetty-home} (the tar.gz from Maven Central,
 * unpacked by the POM), a private {@code jetty.base} made with {@code start.jar
 * --add-modules=http,ee10-deploy}, web apps deployed by context XML files in {@code
 * jetty.base/webapps} pointing at exploded directories ({@link WebApp}), the connector on a free
 * loopback port. Jetty's log (stderr) goes to {@code jetty.base/logs/jetty.log}.
 */
public final class JettyServer implements AutoCloseable {
  /** Set by the POM: the unpacked jetty-home directory. */
  public static final String HOME_PROPERTY = "imagegate.jetty-home";

  private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

  private final Path home;
  private final Path base;
  private final int port;
  private Process process;

  private JettyServer(Path home, Path base, int port) {
    this.home = home;
    this.base = base;
    this.port = port;
  }

  /** The unpacked jetty-home, as the POM set it up. */
  public static Path home() {
    String home = System.getProperty(HOME_PROPERTY);
    if (home == null || !Files.isRegularFile(Path.of(home, "start.jar"))) {
      throw new IllegalStateException(
          HOME_PROPERTY
              + " is "
              + home
              + ", not an unpacked jetty-home: run through Maven (mvn -pl container-tests -am"
              + " verify)");
    }
    return Path.of(home);
  }

  /**
   * Creates a jetty.base in {@code base} (an empty directory) with the http and ee10-deploy modules
   * and the given web apps, starts Jetty and waits until it answers.
   *
   * @param contexts context path without the slash ("app") to the exploded web app
   */
  public static JettyServer start(Path base, Map<String, Path> contexts) {
    JettyServer jetty = new JettyServer(home(), base, ServerProcess.freePort());
    try {
      jetty.layOut(contexts);
      jetty.launch();
      return jetty;
    } catch (IOException e) {
      jetty.close();
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      jetty.close();
      throw e;
    }
  }

  /** The HTTP port, on 127.0.0.1. */
  public int port() {
    return port;
  }

  /** Jetty's log: everything it wrote to stdout and stderr. */
  public String log() {
    try {
      Path log = base.resolve("logs/jetty.log");
      return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    ServerProcess.stop(process);
  }

  private void layOut(Map<String, Path> contexts) throws IOException {
    Files.createDirectories(base.resolve("logs"));
    Files.createDirectories(base.resolve("webapps"));
    // What the documentation tells a new user to run, in a jetty.base of their own.
    run(List.of("--add-modules=http,ee10-deploy"), base.resolve("logs/add-modules.log"));
    for (Map.Entry<String, Path> context : contexts.entrySet()) {
      Files.writeString(
          base.resolve("webapps").resolve(context.getKey() + ".xml"),
          """
          <?xml version="1.0"?>
          <!DOCTYPE Configure PUBLIC "-//Jetty//Configure//EN" "https://jetty.org/configure_10_0.dtd">
          <Configure class="org.eclipse.jetty.ee10.webapp.WebAppContext">
            <Set name="contextPath">/%s</Set>
            <Set name="war">%s</Set>
          </Configure>
          """
              .formatted(context.getKey(), context.getValue().toAbsolutePath()));
    }
  }

  private void run(List<String> args, Path log) throws IOException {
    Process p = command(args).redirectOutput(log.toFile()).start();
    try {
      if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
        p.destroyForcibly();
        throw new IllegalStateException("start.jar " + args + " failed:\n" + Files.readString(log));
      }
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private ProcessBuilder command(List<String> args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx512m");
    command.add("-Djava.awt.headless=true");
    // The codec switch of the test run (-Dimagegate.codecs=java) holds in the container too.
    String codecs = System.getProperty("imagegate.codecs");
    if (codecs != null && codecs.matches("[a-z,]+")) {
      command.add("-Dimagegate.codecs=" + codecs);
    }
    command.add("-jar");
    command.add(home.resolve("start.jar").toString());
    command.add("jetty.home=" + home);
    command.add("jetty.base=" + base);
    command.addAll(args);
    ProcessBuilder builder =
        new ProcessBuilder(command).directory(base.toFile()).redirectErrorStream(true);
    builder.environment().remove("JAVA_OPTIONS");
    builder.environment().remove("JETTY_BASE");
    builder.environment().remove("JETTY_HOME");
    return builder;
  }

  private void launch() throws IOException {
    process =
        command(List.of("jetty.http.host=127.0.0.1", "jetty.http.port=" + port))
            .redirectOutput(base.resolve("logs/jetty.log").toFile())
            .start();
    ServerProcess.awaitAnswer(process, port, START_TIMEOUT, "Jetty", this::log);
  }

  @Override
  public String toString() {
    return "Jetty " + home.getFileName() + " on 127.0.0.1:" + port + " (jetty.base " + base + ")";
  }
}
