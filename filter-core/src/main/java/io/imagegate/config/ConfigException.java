package io.imagegate.config;

/**
 * A configuration problem found at start-up. The message names the key and, unless the key holds a
 * secret, the bad value. A filter that throws it refuses to deploy: it fails closed.
 */
public final class ConfigException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message names the key and the rule it breaks
   */
  public ConfigException(String message) {
    super(message);
  }
}
