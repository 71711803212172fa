package io.imagegate.failure;

/**
 * Everything a client can be told when a request is refused: an HTTP status and a stable,
 * machine-readable code. The human-readable detail travels in {@link ImageGateException}; neither
 * ever carries a key, an expected signature, a file-system path or a stack trace.
 */
public enum Failure {
  /**
   * The URL cannot be understood: both transformation forms, duplicate parameters, bad encoding.
   */
  BAD_URL(400, "bad_url"),
  /** The transformation string names an unknown key or an invalid or out-of-range value. */
  BAD_TRANSFORMATION(400, "bad_transformation"),
  /** The request needs a signature and carries none. */
  SIGNATURE_MISSING(401, "signature_missing"),
  /** The signature does not match the URL under any active key. */
  SIGNATURE_INVALID(401, "signature_invalid"),
  /**
   * The signature matches a scoped key ({@code key-scope.<name>.key}), but the image or an overlay
   * lies outside that key's {@code paths}.
   */
  SIGNATURE_OUT_OF_SCOPE(401, "signature_out_of_scope"),
  /** {@code ik-t} lies in the past. */
  SIGNATURE_EXPIRED(401, "signature_expired"),
  /** A rule demands {@code ik-t} and the URL has none. */
  EXPIRY_REQUIRED(401, "expiry_required"),
  /** {@code ik-t} lies further ahead than the rule's {@code max-ttl}. */
  EXPIRY_TOO_FAR(401, "expiry_too_far"),
  /** The transformation needs a signed URL under the {@code unsigned-transformations} policy. */
  UNSIGNED_TRANSFORMATION(401, "unsigned_transformation"),
  /** No such image, or it is hidden (dotfile, marker file, outside the root). */
  NOT_FOUND(404, "not_found"),
  /** Only GET and HEAD are served on image paths. */
  METHOD_NOT_ALLOWED(405, "method_not_allowed"),
  /** A {@code Range} header that cannot be satisfied. */
  RANGE_NOT_SATISFIABLE(416, "range_not_satisfiable"),
  /** The source is of a format that is never rendered (SVG, unknown bytes). */
  UNSUPPORTED_MEDIA_TYPE(415, "unsupported_media_type"),
  /**
   * The output (or source) format needs a native codec this server does not have (libwebp,
   * libavif).
   */
  FORMAT_UNAVAILABLE(415, "format_unavailable"),
  /** The source cannot be decoded, or exceeds a configured limit. */
  UNPROCESSABLE_IMAGE(422, "unprocessable_image"),
  /** Too many renders are running; try again later. */
  OVERLOADED(503, "overloaded");

  private final int status;
  private final String code;

  Failure(int status, String code) {
    this.status = status;
    this.code = code;
  }

  /** The HTTP status code. */
  public int status() {
    return status;
  }

  /** The stable code sent in the error body, e.g. {@code signature_invalid}. */
  public String code() {
    return code;
  }
}
