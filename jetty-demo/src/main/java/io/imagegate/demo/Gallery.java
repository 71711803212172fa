package io.imagegate.demo;

import io.imagegate.security.UrlSigner;
import io.imagegate.source.ImageFormat;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The photos in the image root's {@code gallery/} folder, with the URLs the page shows for them.
 * The folder is read on every page view, so photos added while the demo runs appear at once.
 */
final class Gallery {
  /** The folder below the image root that the page lists. */
  static final String FOLDER = "gallery";

  /**
   * Every thumbnail: 300x300 with the logo in the bottom-right corner, 150 px wide, and a small
   * text mark in a translucent box in the top-left corner (a text layer, so it is part of the
   * signed URL like the logo).
   */
  static final String THUMBNAIL =
      "w-300,h-300,oi-logos@@watermark-logo.png,ofo-bottom_right,ox-N6,oy-N6,ow-150,"
          + "l-text,i-© Food Gallery · preview,fs-13,co-FFFFFF95,bg-00000045,pa-4_8,r-4,"
          + "lfo-top_left,lx-8,ly-8,l-end";

  /** The same thumbnail for screens with two device pixels per CSS pixel. */
  static final String THUMBNAIL_2X = THUMBNAIL + ",dpr-2";

  /** How long a paid user's link to an original works. */
  static final Duration ORIGINAL_LIFETIME = Duration.ofHours(1);

  private final Path root;
  private final Clock clock;
  private final Function<Clock, UrlSigner> signers;

  /**
   * @param root the image root
   * @param clock the server's clock, which the filter verifies expiry with
   * @param signers a signer for the server's key that counts expiry from the given clock
   */
  Gallery(Path root, Clock clock, Function<Clock, UrlSigner> signers) {
    this.root = root;
    this.clock = clock;
    this.signers = signers;
  }

  /**
   * What one page shows.
   *
   * @param photos the photos, sorted by file name
   * @param originalsExpire when the original links stop working; empty when there are none
   */
  record View(List<Photo> photos, Optional<Instant> originalsExpire) {}

  /** Signs every URL for one page view; originals only when {@code paid}. */
  View view(boolean paid) {
    // One instant for the whole page, so the expiry it states is exactly every link's ik-t.
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    UrlSigner signer = signers.apply(Clock.fixed(now, ZoneOffset.UTC));
    List<Photo> photos = new ArrayList<>();
    for (String name : fileNames()) {
      String path = FOLDER + "/" + name;
      Optional<String> original =
          paid
              ? Optional.of(
                  signer
                      .url(path)
                      .queryParameter("ik-attachment", "true")
                      .expiresIn(ORIGINAL_LIFETIME)
                      .sign())
              : Optional.empty();
      photos.add(
          new Photo(
              path,
              Photo.title(name),
              signer.url(path).transformation(THUMBNAIL).sign(),
              signer.url(path).transformation(THUMBNAIL_2X).sign(),
              original));
    }
    return new View(
        List.copyOf(photos), paid ? Optional.of(now.plus(ORIGINAL_LIFETIME)) : Optional.empty());
  }

  /** Names of the images the filter can render, by their bytes; no dotfiles, no sub-folders. */
  private List<String> fileNames() {
    Path folder = root.resolve(FOLDER);
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(folder)) {
      return files
          .filter(Files::isRegularFile)
          .map(file -> file.getFileName().toString())
          .filter(name -> !name.startsWith("."))
          .filter(name -> renderable(folder.resolve(name)))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the gallery folder", e);
    }
  }

  private static boolean renderable(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] head = in.readNBytes(ImageFormat.SNIFF_BYTES);
      return ImageFormat.sniff(head, head.length).map(ImageFormat::renderable).orElse(false);
    } catch (IOException e) {
      return false;
    }
  }
}
