package io.imagegate.demo;

/**
 * Markup that is already safe to insert into a page: a rendered template or escaped text. Plain
 * strings given to a {@link Template} are always escaped; only this type goes in as it is, so a
 * file name can never become markup by accident.
 *
 * @param markup the HTML
 */
record Html(String markup) {
  static final Html EMPTY = new Html("");

  /** Escapes text for element content and double- or single-quoted attribute values. */
  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** Escaped text as markup. */
  static Html text(String text) {
    return new Html(escape(text));
  }

  /** Concatenates fragments. */
  static Html join(Iterable<Html> parts) {
    StringBuilder out = new StringBuilder();
    parts.forEach(part -> out.append(part.markup()));
    return new Html(out.toString());
  }
}
