package io.imagegate.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Function;

/**
 * Where a signing key comes from: an environment variable, a file, or the text itself. The three
 * init-param forms ({@code env:NAME}, {@code file:PATH}, a literal) as explicit values for code, so
 * that a variable's name can never be taken for a key. {@link #toString()} never shows a literal.
 *
 * <pre>{@code
 * ImageGateSettings.builder().key(KeySource.env("IMAGEGATE_KEY"))
 * ImageGateSettings.builder().key(KeySource.file(Path.of("/etc/imagegate/key")))
 * }</pre>
 */
public final class KeySource {
  private enum Kind {
    ENV,
    FILE,
    VALUE
  }

  private final Kind kind;
  private final String text;

  private KeySource(Kind kind, String text) {
    this.kind = kind;
    this.text = Objects.requireNonNull(text);
  }

  /** The value of environment variable {@code name}, read when the settings are built. */
  public static KeySource env(String name) {
    if (name == null || name.isBlank()) {
      throw new ConfigException("key: KeySource.env needs a variable name");
    }
    return new KeySource(Kind.ENV, name.trim());
  }

  /** The contents of {@code file} (UTF-8, surrounding whitespace trimmed), read at build time. */
  public static KeySource file(Path file) {
    return new KeySource(Kind.FILE, Objects.requireNonNull(file, "file").toString());
  }

  /** The key itself. */
  public static KeySource value(String key) {
    return new KeySource(Kind.VALUE, Objects.requireNonNull(key, "key"));
  }

  /**
   * Reads the configuration-file form: {@code env:NAME}, {@code file:PATH}, or otherwise the key
   * itself.
   */
  public static KeySource parse(String text) {
    String trimmed = text.trim();
    if (trimmed.startsWith("env:")) {
      return env(trimmed.substring(4));
    }
    if (trimmed.startsWith("file:")) {
      return file(Path.of(trimmed.substring(5)));
    }
    return value(trimmed);
  }

  /**
   * The key's text.
   *
   * @param setting the configuration key, for the message ({@code key}, {@code previous-keys})
   * @param environment looks up environment variables
   * @throws ConfigException naming {@code setting} when the variable is unset or empty, the file
   *     cannot be read or is empty, or the value is empty
   */
  String resolve(String setting, Function<String, String> environment) {
    switch (kind) {
      case ENV:
        String secret = environment.apply(text);
        if (secret == null || secret.isBlank()) {
          throw new ConfigException(setting + ": environment variable '" + text + "' is not set");
        }
        return secret.trim();
      case FILE:
        Path file = Path.of(text);
        String content;
        try {
          content = Files.readString(file, StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
          throw new ConfigException(
              setting
                  + ": cannot read key file '"
                  + file
                  + "' ("
                  + e.getClass().getSimpleName()
                  + ")");
        }
        if (content.isEmpty()) {
          throw new ConfigException(setting + ": key file '" + file + "' is empty");
        }
        return content;
      default:
        if (text.isEmpty()) {
          throw new ConfigException(setting + ": empty");
        }
        return text;
    }
  }

  /** Whether this is the key itself, which can be checked at once. */
  boolean isValue() {
    return kind == Kind.VALUE;
  }

  @Override
  public String toString() {
    switch (kind) {
      case ENV:
        return "env:" + text;
      case FILE:
        return "file:" + text;
      default:
        return "value:<hidden>";
    }
  }
}
