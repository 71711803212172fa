package io.imagegate.containers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * An exploded web application as a user would deploy it: {@code WEB-INF/web.xml}, the filter jar
 * and its run-time dependencies in {@code WEB-INF/lib}, and any files (images inside the web app,
 * symlinks, markers) the test puts there. Every container here deploys the same directory.
 */
public final class WebApp {
  /** Set by the POM: the filter jar and its run-time dependencies. */
  public static final String LIB_PROPERTY = "imagegate.webapp-lib";

  private final Path dir;

  private WebApp(Path dir) {
    this.dir = dir;
  }

  /** Creates {@code dir} with {@code WEB-INF/lib} holding the filter and its dependencies. */
  public static WebApp in(Path dir) {
    try {
      Path lib = Files.createDirectories(dir.resolve("WEB-INF/lib"));
      for (Path jar : filterJars()) {
        Files.copy(jar, lib.resolve(jar.getFileName()));
      }
      return new WebApp(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The jars a web app needs for the filter: imagegate-filter and what it depends on. */
  public static List<Path> filterJars() {
    String lib = System.getProperty(LIB_PROPERTY);
    if (lib == null) {
      throw new IllegalStateException(
          LIB_PROPERTY + " is not set: run through Maven (mvn -pl container-tests -am verify)");
    }
    try (Stream<Path> jars = Files.list(Path.of(lib))) {
      List<Path> found = jars.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
      if (found.stream()
          .noneMatch(p -> p.getFileName().toString().startsWith("imagegate-filter"))) {
        throw new IllegalStateException(
            lib + " has no imagegate-filter jar: run 'verify' so the filter is packaged");
      }
      return found;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A {@code web.xml} with the imagegate filter mapped at {@code /img/*}, as the README's example
   * has it, with these init-params (in the map's order) and any further elements (servlets).
   */
  public static String filterWebXml(Map<String, ?> initParams, String moreElements) {
    StringBuilder params = new StringBuilder();
    initParams.forEach(
        (name, value) ->
            params
                .append("    <init-param><param-name>")
                .append(name)
                .append("</param-name><param-value>")
                .append(value)
                .append("</param-value></init-param>\n"));
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">
          <filter>
            <filter-name>imagegate</filter-name>
            <filter-class>io.imagegate.ImageGateFilter</filter-class>
        %s  </filter>
          <filter-mapping>
            <filter-name>imagegate</filter-name>
            <url-pattern>/img/*</url-pattern>
          </filter-mapping>
        %s</web-app>
        """
        .formatted(params, moreElements);
  }

  /**
   * A web.xml mapping the filter at {@code /img/*} over {@code images} with {@code key}, every
   * request signed ({@code require-signature}).
   */
  public static String signedFilterXml(Path images, String key) {
    return filterWebXml(
        new java.util.LinkedHashMap<>(
            Map.of("root", images, "key", key, "require-signature", true)),
        "");
  }

  /** Writes {@code WEB-INF/web.xml}. */
  public WebApp webXml(String xml) {
    return text("WEB-INF/web.xml", xml);
  }

  /** Writes a text file (UTF-8) at a path relative to the web app's root. */
  public WebApp text(String relative, String content) {
    return file(relative, content.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  /** Writes a file at a path relative to the web app's root, creating folders. */
  public WebApp file(String relative, byte[] content) {
    try {
      Path target = resolve(relative);
      Files.createDirectories(target.getParent());
      Files.write(target, content);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Copies a file into the web app. */
  public WebApp copy(String relative, Path from) {
    try {
      return file(relative, Files.readAllBytes(from));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Creates a symbolic link inside the web app pointing at {@code target}. */
  public WebApp symlink(String relative, Path target) {
    try {
      Path link = resolve(relative);
      Files.createDirectories(link.getParent());
      Files.createSymbolicLink(link, target);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The web app's root directory (its docBase). */
  public Path dir() {
    return dir;
  }

  /** A path inside the web app. */
  public Path resolve(String relative) {
    Path target = dir.resolve(relative).normalize();
    if (!target.startsWith(dir)) {
      throw new IllegalArgumentException("outside the web app: " + relative);
    }
    return target;
  }
}
