package io.imagegate.transform;

import io.imagegate.transform.model.Overlay;
import io.imagegate.transform.model.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * Writes a model back as text in one fixed form: keys in the order of the {@link Keys} table,
 * numbers normalised, colours as upper-case hex, overlays last in the layer form. Equal models give
 * equal text, so the text can key the result cache.
 */
final class Canonical {
  private Canonical() {}

  static String steps(List<Step> steps) {
    StringJoiner out = new StringJoiner(":");
    steps.forEach(step -> out.add(step(step)));
    return out.toString();
  }

  static String step(Step step) {
    List<String> params = new ArrayList<>();
    params(step, params);
    return String.join(",", params);
  }

  private static void params(Step s, List<String> out) {
    for (Key<?> key : Keys.ALL) {
      key.writeStep(s, out);
    }
    for (Overlay o : s.overlays()) {
      overlay(o, out);
    }
  }

  private static void overlay(Overlay o, List<String> out) {
    if (o.text().isPresent()) {
      out.add("l-text");
      for (Key<?> key : Keys.ALL) {
        key.writeText(o.text().get(), out);
      }
    } else {
      out.add("l-image");
    }
    for (Key<?> key : Keys.ALL) {
      key.writeOverlay(o, out);
    }
    params(o.transformation(), out);
    out.add("l-end");
  }
}
