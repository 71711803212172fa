package io.imagegate.transform.codec;

import io.imagegate.failure.ImageGateException;
import io.imagegate.limits.Limits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Decodes every file in a directory and prints one line per file, {@code
 * name<TAB>outcome<TAB>detail} (the public message, or the decoded size), for {@link
 * HostileDecodeTest} to run in a child JVM with a small heap. Anything other than a decoded image
 * or an {@link ImageGateException}, an {@link OutOfMemoryError} included, is printed as {@code
 * THROWN <class>} so that the test sees it.
 */
final class HostileDecodeMain {
  private HostileDecodeMain() {}

  public static void main(String[] args) throws IOException {
    List<Path> files;
    try (Stream<Path> listing = Files.list(Path.of(args[0]))) {
      files = listing.sorted().toList();
    }
    for (Path file : files) {
      String outcome;
      String detail;
      try {
        DecodedImage decoded = ImageCodecs.decode(file, Limits.defaults());
        outcome = HostileFixtures.outcome(decoded);
        detail = decoded.image().getWidth() + "x" + decoded.image().getHeight();
      } catch (ImageGateException refusal) {
        outcome = HostileFixtures.outcome(refusal);
        detail = refusal.getMessage();
      } catch (Throwable thrown) {
        outcome = "THROWN " + thrown.getClass().getName();
        detail = String.valueOf(thrown.getMessage());
      }
      System.out.println(file.getFileName() + "\t" + outcome + "\t" + detail);
    }
  }
}
