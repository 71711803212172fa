package io.imagegate.response;

import java.util.Objects;

/**
 * A refused request. The message is public: it is sent to the client and names only what the client
 * itself sent (a transformation key and value, a parameter name), never server detail.
 */
public final class ImageGateException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final Failure failure;

  /**
   * @param failure the status and stable code
   * @param publicMessage a short sentence safe to show the client
   */
  public ImageGateException(Failure failure, String publicMessage) {
    super(publicMessage, null, false, false);
    this.failure = Objects.requireNonNull(failure, "failure");
  }

  /** Creates an exception with a formatted public message. */
  public static ImageGateException of(Failure failure, String format, Object... args) {
    return new ImageGateException(failure, String.format(java.util.Locale.ROOT, format, args));
  }

  /** The failure: status and stable code. */
  public Failure failure() {
    return failure;
  }
}
