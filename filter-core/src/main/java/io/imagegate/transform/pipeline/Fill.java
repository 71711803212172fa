package io.imagegate.transform.pipeline;

import io.imagegate.transform.model.Color;
import io.imagegate.transform.model.Step;

/** The colours a step fills new pixels with, from its {@code bg} or the defaults. */
final class Fill {
  /**
   * Transparent, with white as its hidden colour: PNG and WebP show nothing, and an encoder that
   * drops alpha for JPEG (or flattens onto white) shows white, as ImageKit's JPEG corners are.
   */
  static final int TRANSPARENT_WHITE = 0x00FFFFFF;

  private Fill() {}

  /** Padding ({@code cm-pad_resize}, {@code cm-pad_extract}): {@code bg}, else opaque white. */
  static int padding(Step step) {
    return step.background().orElse(Color.WHITE).argb();
  }

  /**
   * What appears where the picture no longer covers its rectangle (rounded corners, the corners of
   * a free rotation): {@code bg}, else {@link #TRANSPARENT_WHITE}.
   */
  static int uncovered(Step step) {
    return step.background().map(Color::argb).orElse(TRANSPARENT_WHITE);
  }
}
