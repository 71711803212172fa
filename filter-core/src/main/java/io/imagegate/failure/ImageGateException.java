package io.imagegate.failure;

import java.util.Map;
import java.util.Objects;

/**
 * A refused request. The message is public: it is sent to the client and names only what the client
 * itself sent (a transformation key and value, a parameter name), never server detail.
 */
public final class ImageGateException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final Failure failure;
  private final Map<String, String> headers;

  /**
   * @param failure the status and stable code
   * @param publicMessage a short sentence safe to show the client
   */
  public ImageGateException(Failure failure, String publicMessage) {
    this(failure, publicMessage, Map.of());
  }

  private ImageGateException(Failure failure, String publicMessage, Map<String, String> headers) {
    super(publicMessage, null, false, false);
    this.failure = Objects.requireNonNull(failure, "failure");
    this.headers = Map.copyOf(headers);
  }

  /**
   * The same refusal with one more response header that only the thrower knows, such as the {@code
   * Content-Range: bytes *}{@code /size} of a 416.
   */
  public ImageGateException withHeader(String name, String value) {
    Map<String, String> more = new java.util.HashMap<>(headers);
    more.put(name, value);
    return new ImageGateException(failure, getMessage(), more);
  }

  /** Headers to send with the error response. */
  public Map<String, String> headers() {
    return headers;
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
