package io.imagegate.transform.pipeline;

import io.imagegate.failure.Failure;
import io.imagegate.failure.ImageGateException;
import java.awt.Font;
import java.awt.image.BufferedImage;

/**
 * Where the pipeline gets overlay images from. The caller supplies it per render: it resolves the
 * path below the image root, checks access and decodes the file (upright, as for the base image).
 * The pipeline never touches the file system itself.
 */
@FunctionalInterface
public interface OverlayImages {

  /**
   * Loads one overlay image.
   *
   * @param path as parsed from {@code oi-}/{@code i-}: {@code /}-separated, no leading {@code /}
   * @return the decoded image; the pipeline never modifies it
   * @throws io.imagegate.failure.ImageGateException for a missing (404), forbidden (401) or
   *     undecodable (415/422) overlay; the pipeline lets it through unchanged
   */
  BufferedImage load(String path);

  /**
   * Loads a font file a text layer names with {@code ff-}, resolved and authorized like an overlay
   * image.
   *
   * @param path as parsed from {@code ff-}: {@code /}-separated, no leading {@code /}
   * @return the font at size 1, plain
   * @throws io.imagegate.failure.ImageGateException for a missing (404), forbidden (401) or
   *     unreadable (422) font; by default every font file is "not found"
   */
  default Font font(String path) {
    throw new ImageGateException(Failure.NOT_FOUND, "no such font: '" + path + "'");
  }
}
