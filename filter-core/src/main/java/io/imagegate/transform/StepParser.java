package io.imagegate.transform;

import static io.imagegate.transform.model.Values.bad;
import static io.imagegate.transform.model.Values.echo;

import io.imagegate.limits.Limits;
import io.imagegate.transform.model.Overlay;
import io.imagegate.transform.model.Step;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Reads the text of one step ({@code w-300,h-200,l-image,i-logo.png,l-end}) into a {@link Step}.
 * Layers open with {@code l-image} or {@code l-text} and close with {@code l-end}; a stack holds
 * the open ones so that a layer may contain layers, at most {@value #MAX_LAYER_DEPTH} deep. A layer
 * must close in the step that opened it: {@code :} inside a layer is not supported.
 */
final class StepParser {
  /**
   * Deepest layer nesting: a layer inside a layer inside a layer, no further (fixed, not a key).
   */
  static final int MAX_LAYER_DEPTH = 3;

  private final Limits limits;
  private final ParamReader reader;

  StepParser(Limits limits) {
    this.limits = limits;
    this.reader = new ParamReader(limits);
  }

  Step parse(String text) {
    Deque<StepDraft> open = new ArrayDeque<>();
    StepDraft root = new StepDraft(limits);
    open.push(root);
    for (String param : text.split(",", -1)) {
      int dash = param.indexOf('-');
      if (param.isEmpty()) {
        throw bad("empty parameter in step '%s' (two ',' in a row, or one at an end)", echo(text));
      } else if (dash < 0) {
        throw bad("parameter '%s' has no value; expected key-value", echo(param));
      } else if (dash == 0) {
        throw bad("parameter '%s' has no key; expected key-value", echo(param));
      } else if (dash == param.length() - 1) {
        throw bad("parameter '%s' has an empty value", echo(param));
      }
      String key = param.substring(0, dash);
      String value = param.substring(dash + 1);
      StepDraft current = open.peek();
      if (key.equals("l")) {
        layer(open, value, param);
      } else if (key.equals("n")) {
        throw bad(
            "named transformation '%s' must be alone in its step; chain other parameters "
                + "with ':'",
            echo(param));
      } else {
        reader.read(current, key, value, param);
      }
    }
    if (open.size() > 1) {
      throw bad(
          "a layer opened with l-image or l-text is not closed with l-end in step '%s'",
          echo(text));
    }
    return root.build();
  }

  private static void layer(Deque<StepDraft> open, String value, String param) {
    StepDraft current = open.peek();
    switch (value) {
      case "image", "text" -> {
        if (current.depth + 1 > MAX_LAYER_DEPTH) {
          throw bad(
              "layers nest at most %d deep; '%s' would be at depth %d",
              MAX_LAYER_DEPTH, param, current.depth + 1);
        }
        if (current.isText()) {
          throw bad("a text layer cannot contain layers; close it with l-end before '%s'", param);
        }
        open.push(current.openLayer(value.equals("text")));
      }
      case "end" -> {
        if (!current.isLayer()) {
          throw bad("'l-end' without a matching 'l-image'");
        }
        open.pop();
        Overlay overlay = current.buildOverlay();
        open.peek().overlays.add(overlay);
      }
      default ->
          throw bad(
              "layer type '%s' is not supported, only l-image, l-text and l-end, in '%s'",
              echo(value), echo(param));
    }
  }
}
