package io.imagegate.transform.codec;

import io.imagegate.failure.Failure;
import io.imagegate.failure.ImageGateException;
import io.imagegate.source.ImageFormat;
import java.lang.System.Logger.Level;

/**
 * The refusals a source can cause, with their public messages in one place. The messages name sizes
 * and formats, never a path; the underlying cause goes to the log only.
 */
final class CodecFailures {
  private static final System.Logger LOG = System.getLogger(CodecFailures.class.getName());

  private CodecFailures() {}

  static ImageGateException notAnImage() {
    return new ImageGateException(
        Failure.UNSUPPORTED_MEDIA_TYPE, "the source is not a supported image format");
  }

  static ImageGateException notRendered(ImageFormat format) {
    return ImageGateException.of(
        Failure.UNSUPPORTED_MEDIA_TYPE,
        "the source is %s, which is served only as an original",
        format.extension());
  }

  static ImageGateException empty() {
    return new ImageGateException(Failure.UNPROCESSABLE_IMAGE, "the source is empty");
  }

  static ImageGateException tooManyBytes(long bytes, long limit) {
    return ImageGateException.of(
        Failure.UNPROCESSABLE_IMAGE, "the source is %d bytes; the limit is %d", bytes, limit);
  }

  static ImageGateException tooManyPixels(long width, long height, long limit) {
    return ImageGateException.of(
        Failure.UNPROCESSABLE_IMAGE,
        "the source is %dx%d pixels; the limit is %d",
        width,
        height,
        limit);
  }

  static ImageGateException badHeader(Throwable cause) {
    log("unreadable image header", cause);
    return new ImageGateException(
        Failure.UNPROCESSABLE_IMAGE, "the source image header is corrupt or truncated");
  }

  static ImageGateException badData(Throwable cause) {
    log("undecodable image data", cause);
    return new ImageGateException(
        Failure.UNPROCESSABLE_IMAGE, "the source image is corrupt or truncated");
  }

  static ImageGateException outOfMemory(OutOfMemoryError cause) {
    log("out of memory while decoding", cause);
    // Renders are admitted by the memory their header declares, so running out here is the
    // moment's load (other renders, the cache, fragmentation), not the image's fault: 503.
    return new ImageGateException(
        Failure.OVERLOADED, "not enough memory to decode this image right now; try again shortly");
  }

  /** A format this server has no codec for (its native library is absent or switched off). */
  static ImageGateException formatUnavailable(ImageFormat format) {
    return ImageGateException.of(
        Failure.FORMAT_UNAVAILABLE,
        "%s is not available on this server (no native %s library)",
        format.extension(),
        format == ImageFormat.AVIF ? "libavif" : "libwebp");
  }

  /**
   * An encoder that failed on an image of ours: a server-side condition of the moment (memory, the
   * native library), never the client's fault and never a 500 with an empty body: 503.
   */
  static ImageGateException encodeFailed(String format, String detail) {
    LOG.log(Level.WARNING, "encoding " + format + " failed: " + detail);
    return ImageGateException.of(
        Failure.OVERLOADED, "the %s encoder failed on this image; try again shortly", format);
  }

  static ImageGateException tooLargeForFormat(
      int width, int height, ImageFormat format, int maxSide) {
    return ImageGateException.of(
        Failure.UNPROCESSABLE_IMAGE,
        "the output is %dx%d pixels; %s allows at most %d per side",
        width,
        height,
        format.extension(),
        maxSide);
  }

  /**
   * Turns whatever a reader threw into the client's 422, keeping our own refusals as they are.
   * Errors other than running out of memory or stack (a broken deployment, thread death) are not
   * the image's fault and are rethrown.
   */
  static ImageGateException translate(Throwable thrown, boolean header) {
    if (thrown instanceof ImageGateException refusal) {
      return refusal;
    }
    if (thrown instanceof OutOfMemoryError oom) {
      return outOfMemory(oom);
    }
    if (thrown instanceof Error error
        && !(thrown instanceof StackOverflowError)
        && !(thrown instanceof InternalError)) {
      throw error;
    }
    return header ? badHeader(thrown) : badData(thrown);
  }

  private static void log(String what, Throwable cause) {
    if (cause != null) {
      LOG.log(Level.DEBUG, what, cause);
    }
  }
}
