package io.imagegate;

import io.imagegate.failure.Failure;
import io.imagegate.failure.ImageGateException;
import io.imagegate.response.AcceptHeader;
import io.imagegate.source.ImageFormat;
import io.imagegate.transform.Transformation;
import io.imagegate.transform.codec.ImageCodecs;

/**
 * The response's format: what the transformation asks ({@code f}), what the client accepts ({@code
 * Accept}, for {@code f-auto}) and what this server can encode. Decided per request, before the
 * cache is asked, because the format is part of the variant's key.
 */
final class OutputFormats {
  private OutputFormats() {}

  /**
   * The output format: {@code f-auto} gives AVIF when the client accepts it and the server has
   * libavif, else WebP when accepted and libwebp is there, else the source's (a WebP source without
   * libwebp is refused when decoded); an explicit {@code f} wins; otherwise the source's format is
   * kept (BMP, which is not an output format, becomes PNG).
   *
   * @param accept the request's {@code Accept} header, or null
   * @throws ImageGateException 415 {@code format_unavailable} for an explicit {@code f-webp} or
   *     {@code f-avif} the server has no codec for
   */
  static ImageFormat outputFormat(
      Transformation transformation, ImageFormat source, String accept) {
    String requested = transformation.requestedFormat().orElse(null);
    if (requested != null && !requested.equals("auto")) {
      ImageFormat format = ImageFormat.fromName(requested).orElse(source);
      if (!ImageCodecs.canEncode(format)) {
        throw ImageGateException.of(
            Failure.FORMAT_UNAVAILABLE,
            "f-%s is not available on this server (no native %s library)",
            requested,
            format == ImageFormat.AVIF ? "libavif" : "libwebp");
      }
      return format;
    }
    if (requested != null) {
      if (AcceptHeader.names(accept, "image/avif") && ImageCodecs.canEncode(ImageFormat.AVIF)) {
        return ImageFormat.AVIF;
      }
      if (AcceptHeader.names(accept, "image/webp") && ImageCodecs.canEncode(ImageFormat.WEBP)) {
        return ImageFormat.WEBP;
      }
    }
    if (source == ImageFormat.WEBP && !ImageCodecs.canEncode(ImageFormat.WEBP)) {
      return ImageFormat.PNG; // never reached for a render: the decode refuses first
    }
    return source == ImageFormat.BMP ? ImageFormat.PNG : source;
  }

  /**
   * Whether the output format depended on {@code Accept} (so responses need {@code Vary: Accept}).
   */
  static boolean negotiated(Transformation transformation) {
    return "auto".equals(transformation.requestedFormat().orElse(null));
  }
}
