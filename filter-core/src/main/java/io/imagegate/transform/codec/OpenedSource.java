package io.imagegate.transform.codec;

import com.twelvemonkeys.imageio.stream.BufferedFileImageInputStream;
import io.imagegate.limits.Limits;
import io.imagegate.source.ImageFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * A source file opened for decoding, with everything known from its header: the format from its
 * magic bytes, the stored size from the reader, EXIF and PNG ICC metadata. Opening checks every
 * limit, so no pixel is allocated for a source that will be refused.
 */
final class OpenedSource implements AutoCloseable {
  private static final int HEAD_BYTES = 256 * 1024;

  private final ImageInputStream stream;
  private final ImageReader reader;
  private final HeaderMetadata metadata;
  private final ImageInfo info;
  private final byte[] bytes;
  private final TurboJpeg.Header jpegHeader;
  private final LibWebp.Features webpFeatures;

  private OpenedSource(
      ImageInputStream stream,
      ImageReader reader,
      HeaderMetadata metadata,
      ImageInfo info,
      byte[] bytes,
      TurboJpeg.Header jpegHeader,
      LibWebp.Features webpFeatures) {
    this.stream = stream;
    this.reader = reader;
    this.metadata = metadata;
    this.info = info;
    this.bytes = bytes;
    this.jpegHeader = jpegHeader;
    this.webpFeatures = webpFeatures;
  }

  /** As {@link #open(Path, Limits, boolean)}, native libraries allowed. */
  static OpenedSource open(Path file, Limits limits) {
    return open(file, limits, false);
  }

  /**
   * Opens {@code file} and reads its header.
   *
   * @throws io.imagegate.failure.ImageGateException 415 or 422 as documented on {@link ImageCodecs}
   * @throws UncheckedIOException when the file itself cannot be read (a server problem)
   */
  static OpenedSource open(Path file, Limits limits, boolean javaOnly) {
    return open(file, limits, javaOnly, false);
  }

  /** Opens for the header only: a JPEG's pixel data is not read into memory. */
  static OpenedSource probe(Path file, Limits limits) {
    return open(file, limits, false, true);
  }

  private static OpenedSource open(Path file, Limits limits, boolean javaOnly, boolean probeOnly) {
    long bytes = size(file);
    if (bytes == 0) {
      throw CodecFailures.empty();
    }
    if (bytes > limits.maxFileBytes()) {
      throw CodecFailures.tooManyBytes(bytes, limits.maxFileBytes());
    }
    ImageInputStream stream = openStream(file);
    ImageReader reader = null;
    try {
      ImageFormat format = sniff(stream);
      HeaderMetadata metadata = HeaderMetadata.scan(format, stream);
      stream.seek(0);
      if (format == ImageFormat.WEBP) {
        LibWebp.Lib webp = NativeCodecs.webp();
        if (webp == null) {
          throw CodecFailures.formatUnavailable(format);
        }
        // libwebp decodes from memory and only stills, so an animation is cut down to its
        // first frame here.
        byte[] still = WebpStill.firstFrame(readAll(stream));
        LibWebp.Features features = LibWebp.features(webp, still);
        if (features == null) {
          throw CodecFailures.badHeader(null);
        }
        ImageInfo info = info(format, features.width(), features.height(), metadata, limits);
        return new OpenedSource(stream, null, metadata, info, still, null, features);
      }
      TurboJpeg.Lib turbo = javaOnly ? null : NativeCodecs.turbo();
      if (format == ImageFormat.JPEG && turbo != null) {
        byte[] jpeg = probeOnly ? readHead(stream) : readAll(stream);
        stream.seek(0);
        TurboJpeg.Header header = TurboJpeg.header(turbo, jpeg);
        if (header == null && jpeg.length < stream.length()) {
          jpeg = readAll(stream); // the frame header lies behind large metadata segments
          stream.seek(0);
          header = TurboJpeg.header(turbo, jpeg);
        }
        if (header != null && !header.cmyk()) {
          ImageInfo info = info(format, header.width(), header.height(), metadata, limits);
          return new OpenedSource(stream, null, metadata, info, jpeg, header, null);
        }
        // CMYK, YCCK, or a header libjpeg-turbo refuses: TwelveMonkeys decides.
      }
      reader = Plugins.reader(format);
      // The JDK's PNG reader would inflate every text chunk when reading metadata; the iCCP
      // profile it would ignore anyway is read, bounded, by HeaderMetadata instead.
      reader.setInput(stream, false, format == ImageFormat.PNG);
      ImageInfo info = info(format, reader.getWidth(0), reader.getHeight(0), metadata, limits);
      return new OpenedSource(stream, reader, metadata, info, null, null, null);
    } catch (Throwable thrown) {
      close(stream, reader);
      throw CodecFailures.translate(thrown, true);
    }
  }

  /** The header information; limits are already checked. */
  ImageInfo info() {
    return info;
  }

  /** The whole file (native paths only), else {@code null}. */
  byte[] bytes() {
    return bytes;
  }

  /** libjpeg-turbo's header when this JPEG is decoded natively, else {@code null}. */
  TurboJpeg.Header jpegHeader() {
    return jpegHeader;
  }

  /** libwebp's header for a WebP source, else {@code null}. */
  LibWebp.Features webpFeatures() {
    return webpFeatures;
  }

  /** The raw EXIF, or {@code null}. */
  byte[] exif() {
    return metadata.exif();
  }

  /**
   * An ICC profile the reader does not apply (PNG {@code iCCP}, WebP {@code ICCP}), or {@code
   * null}.
   */
  byte[] iccProfile() {
    return metadata.iccProfile();
  }

  /** The underlying stream, for a second reader of the same bytes (seek before use). */
  ImageInputStream stream() {
    return stream;
  }

  /** The reader, positioned on this source, or null on the native paths; for image 0 only. */
  ImageReader reader() {
    return reader;
  }

  @Override
  public void close() {
    close(stream, reader);
  }

  private static ImageInfo info(
      ImageFormat format, int width, int height, HeaderMetadata metadata, Limits limits) {
    if (width < 1 || height < 1) {
      throw CodecFailures.badHeader(null);
    }
    int orientation = ExifOrientation.read(metadata.exif());
    boolean swap = Orientation.swapsAxes(orientation);
    int uprightWidth = swap ? height : width;
    int uprightHeight = swap ? width : height;
    if ((long) width * height > limits.maxSourcePixels()) {
      throw CodecFailures.tooManyPixels(uprightWidth, uprightHeight, limits.maxSourcePixels());
    }
    return new ImageInfo(format, uprightWidth, uprightHeight, orientation);
  }

  private static ImageFormat sniff(ImageInputStream stream) throws IOException {
    byte[] head = new byte[ImageFormat.SNIFF_BYTES];
    int length = 0;
    for (int n;
        length < head.length && (n = stream.read(head, length, head.length - length)) > 0; ) {
      length += n;
    }
    ImageFormat format = ImageFormat.sniff(head, length).orElseThrow(CodecFailures::notAnImage);
    if (!format.renderable()) {
      throw CodecFailures.notRendered(format);
    }
    return format;
  }

  /** The first {@value #HEAD_BYTES} bytes (or all): enough for libjpeg-turbo's header read. */
  private static byte[] readHead(ImageInputStream stream) throws IOException {
    byte[] bytes = new byte[(int) Math.min(stream.length(), HEAD_BYTES)];
    stream.readFully(bytes);
    return bytes;
  }

  private static byte[] readAll(ImageInputStream stream) throws IOException {
    byte[] bytes = new byte[Math.toIntExact(stream.length())];
    stream.readFully(bytes);
    return bytes;
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ImageInputStream openStream(Path file) {
    try {
      // Buffered and read straight from the file: ImageIO's own stream for a File is
      // unbuffered, and its stream for an InputStream may cache to disk.
      return new BufferedFileImageInputStream(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void close(ImageInputStream stream, ImageReader reader) {
    if (reader != null) {
      reader.dispose();
    }
    try {
      stream.close();
    } catch (IOException e) {
      // nothing was written; a failed close of a read-only file loses nothing
    }
  }
}
