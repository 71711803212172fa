package io.imagegate.transform.pipeline;

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
   * @throws io.imagegate.response.ImageGateException for a missing (404), forbidden (401) or
   *     undecodable (415/422) overlay; the pipeline lets it through unchanged
   */
  BufferedImage load(String path);
}
