package io.imagegate.demo;

import java.util.Locale;
import java.util.Optional;

/**
 * One photo as the page shows it: every URL already signed.
 *
 * @param path the path below the image root, e.g. {@code gallery/burger.jpg}
 * @param title a readable name from the file name, also the alt text
 * @param thumbnail the watermarked 300x300 thumbnail
 * @param thumbnail2x the same at {@code dpr-2}, for high-density screens
 * @param original the full-size original, signed to expire, for paid users only
 */
record Photo(
    String path, String title, String thumbnail, String thumbnail2x, Optional<String> original) {

  /** {@code fig-on-red-plate.jpg} becomes {@code Fig on red plate}. */
  static String title(String fileName) {
    int dot = fileName.lastIndexOf('.');
    String base =
        (dot > 0 ? fileName.substring(0, dot) : fileName)
            .replace('-', ' ')
            .replace('_', ' ')
            .strip();
    if (base.isEmpty()) {
      return fileName;
    }
    return base.substring(0, 1).toUpperCase(Locale.ROOT) + base.substring(1);
  }
}
