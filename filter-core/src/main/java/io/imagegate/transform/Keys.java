package io.imagegate.transform;

import io.imagegate.transform.Key.Place;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The one table of transformation keys (the README's Transformations table), in the manner of
 * imgproxy's {@code keys.go}: every {@link Key} row, in canonical order. A row says where its key
 * is allowed (a step, an image layer, a text layer), how its value is read into a {@link
 * StepDraft}, and how it is written back canonically; its position here is its position in the
 * canonical text. The rows themselves live with their concern ({@link LayerKeys}, {@link TextKeys},
 * {@link GeometryKeys}, {@link OutputKeys}, {@link EffectKeys}); a key that reads differently in a
 * text layer ({@code i}, {@code ie}, {@code w}) has one row per meaning, and each effect ({@code
 * e-sharpen}) is a row of its own.
 *
 * <p>Adding a key is its row (in its concern's class, and its line here) plus the stage that reads
 * it with {@code step.get(ROW)}; see the README's "Layout" section.
 */
final class Keys {
  private Keys() {}

  /** Every key, in canonical order. */
  static final List<Key<?>> ALL =
      List.of(
          // Layers: what they draw.
          LayerKeys.PATH,
          LayerKeys.PATH_BASE64,
          TextKeys.TEXT_PLAIN,
          TextKeys.TEXT_BASE64,
          TextKeys.FONT_SIZE,
          TextKeys.FONT,
          TextKeys.COLOR,
          TextKeys.PADDING,
          TextKeys.ALIGN,
          TextKeys.TYPOGRAPHY,
          TextKeys.WIDTH,
          // Geometry: w and h of a layer size the layer, elsewhere the step.
          GeometryKeys.WIDTH,
          GeometryKeys.HEIGHT,
          // Layers: where they go.
          LayerKeys.POSITION,
          LayerKeys.X,
          LayerKeys.Y,
          LayerKeys.OPACITY,
          LayerKeys.ALPHA,
          // Steps (and what a layer's nested step holds).
          GeometryKeys.ASPECT_RATIO,
          GeometryKeys.CROP,
          GeometryKeys.CROP_MODE,
          GeometryKeys.FOCUS,
          GeometryKeys.X,
          GeometryKeys.Y,
          GeometryKeys.XC,
          GeometryKeys.YC,
          GeometryKeys.DPR,
          OutputKeys.QUALITY,
          OutputKeys.FORMAT,
          OutputKeys.PROGRESSIVE,
          OutputKeys.LOSSLESS,
          OutputKeys.METADATA,
          EffectKeys.BACKGROUND,
          EffectKeys.BORDER,
          EffectKeys.RADIUS,
          EffectKeys.ROTATION,
          EffectKeys.FLIP,
          EffectKeys.BLUR,
          EffectKeys.GRAYSCALE,
          EffectKeys.SHARPEN,
          EffectKeys.CONTRAST,
          EffectKeys.TRIM,
          OutputKeys.ORIGINAL,
          // The legacy overlay: read here, written as a layer.
          LayerKeys.LEGACY_PATH,
          LayerKeys.LEGACY_POSITION,
          LayerKeys.LEGACY_X,
          LayerKeys.LEGACY_Y,
          LayerKeys.LEGACY_WIDTH,
          LayerKeys.LEGACY_HEIGHT);

  /** The row of this name ({@code bl}, {@code e-sharpen}) at a place, or null if not allowed. */
  static Key<?> find(String name, Place place) {
    for (Key<?> key : ALL) {
      if (key.name().equals(name) && key.allowedAt(place)) {
        return key;
      }
    }
    return null;
  }

  /** Whether some row of this URL key ({@code e} for every effect) is allowed at this place. */
  static boolean allowed(String urlKey, Place place) {
    for (Key<?> key : ALL) {
      if (key.urlKey().equals(urlKey) && key.allowedAt(place)) {
        return true;
      }
    }
    return false;
  }

  /** The URL keys allowed at a place, in table order, each once. */
  static String names(Place place) {
    Set<String> names = new LinkedHashSet<>();
    for (Key<?> key : ALL) {
      if (key.allowedAt(place)) {
        names.add(key.urlKey());
      }
    }
    return String.join(", ", names);
  }
}
