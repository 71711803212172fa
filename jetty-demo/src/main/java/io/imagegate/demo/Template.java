package io.imagegate.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A page template from the class path with {@code {{name}}} placeholders. Values that are strings
 * are HTML-escaped; {@link Html} values are inserted as they are. Every placeholder must get a
 * value and every value must have a placeholder, so a typo fails the first render (and the tests)
 * instead of leaving a hole in the page.
 */
final class Template {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-zA-Z0-9]+)}}");

  private final String name;
  private final List<String> literals = new ArrayList<>();
  private final List<String> names = new ArrayList<>();

  private Template(String name, String text) {
    this.name = name;
    Matcher m = PLACEHOLDER.matcher(text);
    int last = 0;
    while (m.find()) {
      literals.add(text.substring(last, m.start()));
      names.add(m.group(1));
      last = m.end();
    }
    literals.add(text.substring(last));
  }

  /** Loads {@code /templates/<name>} once; templates ship inside the jar. */
  static Template load(String name) {
    try (InputStream in = Template.class.getResourceAsStream("/templates/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing template " + name);
      }
      return new Template(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read template " + name, e);
    }
  }

  /** Fills the placeholders. */
  Html render(Map<String, ?> values) {
    if (!values.keySet().containsAll(names) || !names.containsAll(values.keySet())) {
      throw new IllegalStateException(
          "template " + name + " has " + names + " but got " + values.keySet());
    }
    StringBuilder out = new StringBuilder(literals.get(0));
    for (int i = 0; i < names.size(); i++) {
      Object value = values.get(names.get(i));
      out.append(value instanceof Html html ? html.markup() : Html.escape(String.valueOf(value)));
      out.append(literals.get(i + 1));
    }
    return new Html(out.toString());
  }
}
