package io.imagegate.explain;

import java.util.List;
import java.util.Optional;

/** A small writer for one JSON object: enough for {@link Explanation}, no dependency. */
final class Json {
  private final StringBuilder out = new StringBuilder("{");
  private boolean first = true;

  Json name(String name) {
    separate();
    string(name);
    out.append(':');
    first = true;
    return this;
  }

  Json field(String name, String value) {
    name(name);
    first = false;
    string(value);
    return this;
  }

  Json field(String name, Optional<String> value) {
    if (value.isEmpty()) {
      name(name);
      first = false;
      out.append("null");
      return this;
    }
    return field(name, value.get());
  }

  Json field(String name, boolean value) {
    name(name);
    first = false;
    out.append(value);
    return this;
  }

  Json field(String name, long value) {
    name(name);
    first = false;
    out.append(value);
    return this;
  }

  Json field(String name, List<String> values) {
    name(name);
    out.append('[');
    first = true;
    for (String value : values) {
      separate();
      string(value);
    }
    out.append(']');
    first = false;
    return this;
  }

  Json startObject() {
    separate();
    out.append('{');
    first = true;
    return this;
  }

  Json endObject() {
    out.append('}');
    first = false;
    return this;
  }

  Json startArray() {
    out.append('[');
    first = true;
    return this;
  }

  Json endArray() {
    out.append(']');
    first = false;
    return this;
  }

  String close() {
    return out.append('}').toString();
  }

  private void separate() {
    if (!first) {
      out.append(',');
    }
    first = false;
  }

  private void string(String text) {
    out.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x7f || c == '\u2028' || c == '\u2029') {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
