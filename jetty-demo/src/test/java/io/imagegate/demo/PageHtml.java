package io.imagegate.demo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Just enough HTML reading for the tests: start tags with double-quoted attributes, entity
 * decoding, and {@code srcset} candidates. The page is our own well-formed output.
 */
final class PageHtml {
  private static final Pattern ATTRIBUTE = Pattern.compile("([a-zA-Z][a-zA-Z0-9-]*)=\"([^\"]*)\"");
  private static final Pattern CANDIDATE = Pattern.compile("(\\S+)\\s+(\\d+(?:\\.\\d+)?x)");

  private PageHtml() {}

  /**
   * One start tag.
   *
   * @param attributes decoded attribute values by name
   */
  record Tag(Map<String, String> attributes) {
    String get(String name) {
      return attributes.get(name);
    }

    boolean hasClass(String name) {
      return List.of(attributes.getOrDefault("class", "").split(" ")).contains(name);
    }
  }

  /** Every {@code <name ...>} start tag, in document order. */
  static List<Tag> tags(String html, String name) {
    Matcher tag = Pattern.compile("<" + name + "\\b([^>]*)>").matcher(html);
    List<Tag> tags = new ArrayList<>();
    while (tag.find()) {
      Map<String, String> attributes = new LinkedHashMap<>();
      Matcher attribute = ATTRIBUTE.matcher(tag.group(1));
      while (attribute.find()) {
        attributes.put(attribute.group(1), unescape(attribute.group(2)));
      }
      tags.add(new Tag(attributes));
    }
    return tags;
  }

  /** The tags of {@code name} that carry {@code cssClass}. */
  static List<Tag> tags(String html, String name, String cssClass) {
    return tags(html, name).stream().filter(t -> t.hasClass(cssClass)).toList();
  }

  /** The URL of the {@code descriptor} candidate in a {@code srcset}, e.g. {@code 2x}. */
  static Optional<String> srcsetCandidate(String srcset, String descriptor) {
    Matcher m = CANDIDATE.matcher(srcset);
    while (m.find()) {
      if (m.group(2).equals(descriptor)) {
        return Optional.of(m.group(1));
      }
    }
    return Optional.empty();
  }

  /** Decodes the entities the page's templates produce. */
  static String unescape(String text) {
    return text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&");
  }

  /** The text of the first element with {@code cssClass}, tags stripped and entities decoded. */
  static Optional<String> textOf(String html, String cssClass) {
    Matcher m =
        Pattern.compile(
                "<(\\w+)[^>]*class=\"[^\"]*\\b" + cssClass + "\\b[^\"]*\"[^>]*>(.*?)</\\1>",
                Pattern.DOTALL)
            .matcher(html);
    return m.find()
        ? Optional.of(unescape(m.group(2).replaceAll("<[^>]+>", "")))
        : Optional.empty();
  }
}
