package io.imagegate.spring;

import io.imagegate.config.ConfigException;

/**
 * A bad {@code imagegate.*} property: start-up stops, and the message names the property ({@code
 * imagegate.cache.max-bytes: 'lots' is not a size such as 256MB}). Never carries a key's value.
 */
public final class ImageGatePropertyException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  private final String property;

  ImageGatePropertyException(ConfigException cause) {
    super(ImageGateAutoConfiguration.PREFIX + "." + cause.getMessage(), cause);
    String message = cause.getMessage();
    int colon = message.indexOf(": ");
    this.property =
        ImageGateAutoConfiguration.PREFIX
            + "."
            + (colon > 0 ? message.substring(0, colon) : message);
  }

  /** The property at fault, e.g. {@code imagegate.rule.originals.max-ttl}. */
  public String property() {
    return property;
  }
}
