package io.imagegate.containers;

import io.imagegate.testing.SystemPackages;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.stream.Stream;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * Debian's Tomcat 10.1 ({@code tomcat10}) started for one test class: a private {@code
 * CATALINA_BASE} made from Debian's own {@code /etc/tomcat10} configuration, the HTTP connector on
 * a free loopback port, JMX on another loopback port for reloads and Tomcat's leak check, and
 * stopped by {@link #close()}. Web apps are deployed as context files pointing at exploded
 * directories ({@link WebApp}), as a sysadmin deploys them.
 */
public final class TomcatServer implements AutoCloseable {
  public static final Path HOME = Path.of("/usr/share/tomcat10");
  public static final Path DEBIAN_CONF = Path.of("/etc/tomcat10");
  private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

  private final Path base;
  private final int port;
  private final int jmxPort;
  private Process process;
  private JMXConnector jmx;

  private TomcatServer(Path base, int port, int jmxPort) {
    this.base = base;
    this.port = port;
    this.jmxPort = jmxPort;
  }

  /** Skips (or under CI fails) the calling test when Debian's tomcat10 is not installed. */
  public static void assumeInstalled() {
    SystemPackages.assumeInstalled(
        "tomcat10", HOME.resolve("bin/catalina.sh"), DEBIAN_CONF.resolve("server.xml"));
  }

  /**
   * Lays out a private {@code CATALINA_BASE} in {@code base} (an empty directory) with Debian's
   * configuration and the given contexts, then starts Tomcat and waits until it answers.
   *
   * @param contexts context path without the slash ("app", or "ROOT") to the exploded web app
   */
  public static TomcatServer start(Path base, Map<String, Path> contexts) {
    assumeInstalled();
    TomcatServer tomcat =
        new TomcatServer(base, ServerProcess.freePort(), ServerProcess.freePort());
    try {
      tomcat.layOut();
      contexts.forEach(tomcat::writeContext);
      tomcat.launch();
      return tomcat;
    } catch (IOException e) {
      tomcat.close();
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      tomcat.close();
      throw e;
    }
  }

  /** The HTTP port, on 127.0.0.1. */
  public int port() {
    return port;
  }

  /** The private CATALINA_BASE. */
  public Path base() {
    return base;
  }

  /**
   * Deploys (or redeploys) a context while Tomcat runs, by writing its context file, and waits
   * until Tomcat reports it started.
   */
  public void deploy(String context, Path docBase) {
    writeContext(context, docBase);
    awaitState(context, "STARTED", Duration.ofSeconds(60));
  }

  /** Removes a context's file; Tomcat undeploys it (the exploded directory is left alone). */
  public void undeploy(String context) {
    try {
      Files.deleteIfExists(contextFile(context));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    awaitGone(context, Duration.ofSeconds(60));
  }

  /** Reloads a context through JMX, as the manager's "reload" does. */
  public void reload(String context) {
    invoke(webModule(context), "reload");
    awaitState(context, "STARTED", Duration.ofSeconds(60));
  }

  /**
   * Tomcat's own leak check ({@code findReloadedContextMemoryLeaks} on {@code
   * Catalina:type=Host,host=localhost}): the context paths of stopped web apps whose class loader
   * is still reachable. Tomcat runs one GC first, as the manager's "find leaks" does.
   */
  public List<String> findReloadedContextMemoryLeaks() {
    Object result =
        invoke(name("Catalina:type=Host,host=localhost"), "findReloadedContextMemoryLeaks");
    return result == null ? List.of() : List.of((String[]) result);
  }

  /**
   * Tomcat's leak check, asked again (at most {@code tries} times, half a second apart) while it
   * still names a stopped web app. A class loader that only waits for a finalizer (JNA's {@code
   * Native} has one, and on a loaded machine the finalizer thread may not have run by the first GC)
   * is gone after a few collections; a real leak is still there after every one of them.
   */
  public List<String> findLastingMemoryLeaks(int tries) {
    List<String> leaks = findReloadedContextMemoryLeaks();
    for (int i = 1; i < tries && !leaks.isEmpty(); i++) {
      ServerProcess.sleep(500);
      leaks = findReloadedContextMemoryLeaks();
    }
    return leaks;
  }

  /** The state name of a context ("STARTED", "STOPPED", "FAILED", ...), or null when absent. */
  public String state(String context) {
    try {
      MBeanServerConnection c = jmx();
      ObjectName module = webModule(context);
      return c.isRegistered(module) ? String.valueOf(c.getAttribute(module, "stateName")) : null;
    } catch (Exception e) {
      throw new IllegalStateException("JMX: " + e, e);
    }
  }

  /** Everything in the logs directory (catalina.out, catalina.*.log, localhost.*.log). */
  public String logs() {
    try (Stream<Path> files = Files.list(base.resolve("logs"))) {
      StringBuilder all = new StringBuilder();
      for (Path f : files.sorted().toList()) {
        all.append("==> ").append(f.getFileName()).append('\n');
        all.append(new String(Files.readAllBytes(f), StandardCharsets.UTF_8)).append('\n');
      }
      return all.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The contents of Tomcat's {@code localhost.<date>.log}, where deployment errors go. */
  public String localhostLog() {
    try (Stream<Path> files = Files.list(base.resolve("logs"))) {
      StringBuilder all = new StringBuilder();
      for (Path f :
          files.filter(p -> p.getFileName().toString().startsWith("localhost.")).toList()) {
        all.append(new String(Files.readAllBytes(f), StandardCharsets.UTF_8));
      }
      return all.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      if (jmx != null) {
        jmx.close();
      }
    } catch (IOException ignored) {
      // the server goes away next anyway
    }
    ServerProcess.stop(process);
  }

  private void layOut() throws IOException {
    for (String dir : List.of("conf/Catalina/localhost", "logs", "temp", "work", "webapps")) {
      Files.createDirectories(base.resolve(dir));
    }
    for (String file :
        List.of(
            "web.xml",
            "context.xml",
            "catalina.properties",
            "logging.properties",
            "tomcat-users.xml",
            "jaspic-providers.xml")) {
      Path from = DEBIAN_CONF.resolve(file);
      if (Files.isReadable(from)) {
        Files.copy(from, base.resolve("conf").resolve(file));
      }
    }
    // Debian's server.xml as it ships, but on a free loopback port.
    String server = Files.readString(DEBIAN_CONF.resolve("server.xml"));
    server = server.replaceAll("(?s)<!--.*?-->", "");
    String connector = "<Connector port=\"" + port + "\" address=\"127.0.0.1\" ";
    String replaced =
        server.replaceFirst("<Connector port=\"8080\" ", Matcher.quoteReplacement(connector));
    if (replaced.equals(server)) {
      throw new IllegalStateException("Debian's server.xml has no Connector on 8080 to move");
    }
    // Reload and undeploy quickly when a context file changes.
    replaced =
        replaced.replaceFirst(
            "autoDeploy=\"true\"", "autoDeploy=\"true\" backgroundProcessorDelay=\"1\"");
    Files.writeString(base.resolve("conf/server.xml"), replaced);
  }

  private void writeContext(String context, Path docBase) {
    String xml =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Context docBase=\""
            + docBase.toAbsolutePath()
            + "\"/>\n";
    try {
      Path file = contextFile(context);
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      Files.writeString(tmp, xml);
      Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Path contextFile(String context) {
    return base.resolve("conf/Catalina/localhost").resolve(context + ".xml");
  }

  private void launch() throws IOException {
    List<String> opts = new ArrayList<>();
    opts.add("-Xmx512m");
    opts.add("-Djava.awt.headless=true");
    opts.add("-Dcom.sun.management.jmxremote.port=" + jmxPort);
    opts.add("-Dcom.sun.management.jmxremote.rmi.port=" + jmxPort);
    opts.add("-Dcom.sun.management.jmxremote.host=127.0.0.1");
    opts.add("-Dcom.sun.management.jmxremote.authenticate=false");
    opts.add("-Dcom.sun.management.jmxremote.ssl=false");
    opts.add("-Djava.rmi.server.hostname=127.0.0.1");
    // The codec switch of the test run (-Dimagegate.codecs=java) holds in the container too.
    String codecs = System.getProperty("imagegate.codecs");
    if (codecs != null && codecs.matches("[a-z,]+")) {
      opts.add("-Dimagegate.codecs=" + codecs);
    }
    ProcessBuilder builder =
        new ProcessBuilder(HOME.resolve("bin/catalina.sh").toString(), "run")
            .redirectErrorStream(true)
            .redirectOutput(base.resolve("logs/catalina.out").toFile());
    Map<String, String> env = builder.environment();
    env.put("CATALINA_HOME", HOME.toString());
    env.put("CATALINA_BASE", base.toString());
    env.put("CATALINA_TMPDIR", base.resolve("temp").toString());
    env.put("CATALINA_OPTS", String.join(" ", opts));
    env.put("JAVA_HOME", System.getProperty("java.home"));
    env.remove("JAVA_OPTS");
    process = builder.start();
    ServerProcess.awaitAnswer(process, port, START_TIMEOUT, "Tomcat", this::logs);
  }

  private MBeanServerConnection jmx() throws IOException {
    if (jmx == null) {
      JMXServiceURL url =
          new JMXServiceURL("service:jmx:rmi:///jndi/rmi://127.0.0.1:" + jmxPort + "/jmxrmi");
      jmx = JMXConnectorFactory.connect(url);
    }
    return jmx.getMBeanServerConnection();
  }

  private Object invoke(ObjectName bean, String operation) {
    try {
      return jmx().invoke(bean, operation, new Object[0], new String[0]);
    } catch (Exception e) {
      throw new IllegalStateException("JMX " + bean + " " + operation + ": " + e, e);
    }
  }

  private static ObjectName webModule(String context) {
    String path = context.equals("ROOT") ? "" : "/" + context;
    return name(
        "Catalina:j2eeType=WebModule,name=//localhost"
            + path
            + ",J2EEApplication=none,J2EEServer=none");
  }

  private static ObjectName name(String name) {
    try {
      return new ObjectName(name);
    } catch (javax.management.MalformedObjectNameException e) {
      throw new IllegalArgumentException(name, e);
    }
  }

  private void awaitState(String context, String expected, Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    String last = null;
    while (Instant.now().isBefore(deadline)) {
      last = state(context);
      if (expected.equals(last)) {
        return;
      }
      if ("FAILED".equals(last)) {
        break;
      }
      ServerProcess.sleep(100);
    }
    throw new IllegalStateException(
        "context " + context + " is " + last + ", not " + expected + ":\n" + localhostLog());
  }

  private void awaitGone(String context, Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (state(context) == null) {
        return;
      }
      ServerProcess.sleep(100);
    }
    throw new IllegalStateException("context " + context + " was not undeployed");
  }

  /** For diagnostics in assertion messages. */
  @Override
  public String toString() {
    return "Tomcat on 127.0.0.1:" + port + " (CATALINA_BASE " + base + ")";
  }
}
