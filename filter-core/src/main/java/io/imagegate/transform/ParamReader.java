package io.imagegate.transform;

import static io.imagegate.transform.model.Values.bad;
import static io.imagegate.transform.model.Values.echo;

import io.imagegate.limits.Limits;
import io.imagegate.transform.Key.Place;

/**
 * Reads one {@code key-value} parameter into a {@link StepDraft}: rejects duplicates, finds the
 * key's row in the {@link Keys} table for where the parameter stands ({@code e-sharpen-10} is the
 * row {@code e-sharpen}), and lets the row read the value; a key not allowed there is a 400 that
 * says where it is allowed.
 */
final class ParamReader {
  private final Limits limits;

  ParamReader(Limits limits) {
    this.limits = limits;
  }

  /**
   * @param draft the step or layer being read
   * @param key the text before the first {@code -}
   * @param value the text after it, never empty
   * @param param the whole parameter, for messages
   */
  void read(StepDraft draft, String key, String value, String param) {
    String identity = key.equals("e") ? "e-" + effectName(value) : key;
    if (!draft.seen.add(identity)) {
      throw bad(
          "duplicate key '%s' in '%s'; each key may appear once per step",
          echo(identity), echo(param));
    }
    Place place =
        draft.isText() ? Place.TEXT_LAYER : draft.isLayer() ? Place.IMAGE_LAYER : Place.STEP;
    Key.Input input = new Key.Input(key, value, param, limits);
    Key<?> row = Keys.find(identity, place);
    if (row != null) {
      row.read(draft, input);
      return;
    }
    if (!identity.equals(key) && Keys.allowed(key, place)) {
      throw EffectKeys.unknownEffect(input);
    }
    if (place == Place.TEXT_LAYER) {
      throw bad(
          "'%s' is not supported inside a text layer (l-text ... l-end), in '%s'; text "
              + "layers take %s",
          echo(key), echo(param), Keys.names(Place.TEXT_LAYER));
    }
    if (place == Place.IMAGE_LAYER && Keys.allowed(key, Place.STEP)) {
      throw bad(
          "'%s' is not allowed inside a layer (l-image ... l-end), in '%s'", key, echo(param));
    }
    if (place == Place.STEP && Keys.allowed(key, Place.IMAGE_LAYER)) {
      throw bad(
          "'%s' is only allowed inside a layer (l-image ... l-end), in '%s'", key, echo(param));
    }
    throw bad("unknown transformation key '%s' in '%s'", echo(key), echo(param));
  }

  private static String effectName(String value) {
    int dash = value.indexOf('-');
    return dash < 0 ? value : value.substring(0, dash);
  }
}
