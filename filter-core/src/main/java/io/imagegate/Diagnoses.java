package io.imagegate;

import io.imagegate.explain.Explanation;
import io.imagegate.explain.Explanation.KeyCheck;
import io.imagegate.failure.ImageGateException;
import io.imagegate.request.ImageRequest;
import io.imagegate.request.RequestParser;
import io.imagegate.security.SignatureCheck;
import io.imagegate.security.VerifiedKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@link Explainer}'s named diagnoses: what most likely went wrong between the signer and the
 * filter (escaping changed in transit, ik-t in milliseconds, the context path twice, another host
 * or endpoint, a previous or scoped key). Each tries the filter's own keys on the string the signer
 * probably signed; none contacts a server or prints a key.
 */
final class Diagnoses {
  private static final Pattern MILLIS_EXPIRY = Pattern.compile("(?:^|&)ik-t=(\\d{11,13})(?=&|$)");
  private static final String DELIMITERS = "?&=/";

  private final String endpoint;
  private final RequestParser parser;
  private final SignatureCheck signatures;

  /**
   * @param endpoint without a trailing slash
   */
  Diagnoses(String endpoint, RequestParser parser, SignatureCheck signatures) {
    this.endpoint = endpoint;
    this.parser = parser;
    this.signatures = signatures;
  }

  /** What changed in transit, when some other string than the one received was signed. */
  void afterSignature(
      ImageRequest image,
      List<KeyCheck> keys,
      Optional<VerifiedKey> verified,
      List<String> diagnoses) {
    String signature = image.signature().orElseThrow();
    String expiry = image.expiry().orElse(ImageRequest.NO_EXPIRY);
    if (verified.isPresent()) {
      if (verified.get().key().name().startsWith("previous-keys")) {
        diagnoses.add(
            "signed with a previous key ("
                + verified.get().key().name()
                + "): it stops working when that key is retired; sign with the primary key");
      }
      return;
    }
    boolean anyMatch = keys.stream().anyMatch(KeyCheck::matches);
    if (anyMatch) {
      keys.stream()
          .filter(KeyCheck::matches)
          .findFirst()
          .flatMap(KeyCheck::scope)
          .ifPresent(
              scope ->
                  diagnoses.add(
                      "signed with a scoped key, which may sign only paths matching " + scope));
      return;
    }
    String received = image.signedPart();
    for (String candidate : encodings(received)) {
      if (signatures.firstMatch(candidate + expiry, signature).isPresent()) {
        String[] window = difference(candidate, received);
        diagnoses.add(
            "signed over `"
                + Explainer.escape(window[0])
                + "` but received `"
                + Explainer.escape(window[1])
                + "`: something between the signer and the filter (a CDN, a proxy, an SDK"
                + " version) changed how the URL is escaped");
        return;
      }
    }
    String[] segments = endpoint.substring(1).split("/");
    for (int i = segments.length - 1; i >= 0 && !endpoint.equals(""); i--) {
      String prefix = String.join("/", List.of(segments).subList(i, segments.length)) + "/";
      if (signatures.firstMatch(prefix + received + expiry, signature).isPresent()) {
        diagnoses.add(
            "signed for another host or endpoint: the signature covers `"
                + Explainer.escape(prefix + received)
                + "`, so the signer's URL endpoint stops before `/"
                + prefix.substring(0, prefix.length() - 1)
                + "`; give the signer the URL endpoint ending in `"
                + endpoint
                + "`");
        return;
      }
    }
    int slash = received.indexOf('/');
    if (slash > 0 && !received.startsWith("tr:")) {
      String shorter = received.substring(slash + 1);
      if (signatures.firstMatch(shorter + expiry, signature).isPresent()) {
        diagnoses.add(
            "signed for another host or endpoint: the signer's URL endpoint included `/"
                + received.substring(0, slash)
                + "` after `"
                + endpoint
                + "`");
        return;
      }
    }
    diagnoses.add(
        "no configured key signs this URL: it was changed after signing (path, transformation,"
            + " ik-t or another parameter), or signed with a key this configuration does not"
            + " have");
  }

  /** The received signed part with the grammar's characters escaped, or unescaped, differently. */
  private static List<String> encodings(String received) {
    String[][] pairs = {
      {",", "%2C"},
      {":", "%3A"},
      {"@", "%40"},
      {"%2C", ","},
      {"%3A", ":"},
      {"%40", "@"},
      {"%20", "+"},
      {"+", "%20"},
      {"%2F", "/"}
    };
    List<String> candidates = new ArrayList<>();
    String query = received.contains("?") ? received.substring(received.indexOf('?')) : "";
    String escapedAll = received;
    String unescapedAll = received;
    for (int i = 0; i < 3; i++) {
      escapedAll = escapedAll.replace(pairs[i][0], pairs[i][1]);
      unescapedAll = unescapedAll.replace(pairs[i + 3][0], pairs[i + 3][1]);
    }
    candidates.add(escapedAll);
    candidates.add(unescapedAll);
    for (String[] pair : pairs) {
      candidates.add(received.replace(pair[0], pair[1]));
      if (!query.isEmpty()) {
        String before = received.substring(0, received.length() - query.length());
        candidates.add(before + query.replace(pair[0], pair[1]));
      }
    }
    candidates.removeIf(received::equals);
    return candidates;
  }

  /** The smallest stretch, widened to whole parameters, in which {@code a} and {@code b} differ. */
  static String[] difference(String a, String b) {
    int prefix = 0;
    while (prefix < a.length() && prefix < b.length() && a.charAt(prefix) == b.charAt(prefix)) {
      prefix++;
    }
    int suffix = 0;
    while (suffix < a.length() - prefix
        && suffix < b.length() - prefix
        && a.charAt(a.length() - 1 - suffix) == b.charAt(b.length() - 1 - suffix)) {
      suffix++;
    }
    while (prefix > 0 && DELIMITERS.indexOf(b.charAt(prefix - 1)) < 0) {
      prefix--;
    }
    while (suffix > 0 && "?&/".indexOf(b.charAt(b.length() - suffix)) < 0) {
      suffix--;
    }
    return new String[] {
      a.substring(prefix, a.length() - suffix), b.substring(prefix, b.length() - suffix)
    };
  }

  /** An ik-t of 11 to 13 digits is a JavaScript {@code Date.now()}, in milliseconds. */
  void millisecondExpiry(String rawUri, String rawQuery, List<String> diagnoses) {
    if (rawQuery == null) {
      return;
    }
    Matcher millis = MILLIS_EXPIRY.matcher(rawQuery);
    if (!millis.find()) {
      return;
    }
    String value = millis.group(1);
    long seconds = Long.parseLong(value) / 1000;
    String message =
        "ik-t is in milliseconds: "
            + value
            + " read as milliseconds is "
            + Instant.ofEpochSecond(seconds)
            + "; ik-t counts seconds since 1970 (ik-t="
            + seconds
            + " for that time)";
    String withoutExpiry = rawQuery.replace("ik-t=" + value + "&", "");
    try {
      ImageRequest image = parser.parse(rawUri, withoutExpiry).orElseThrow();
      if (image.signature().isPresent()
          && signatures
              .firstMatch(image.signedPart() + value, image.signature().get())
              .isPresent()) {
        message += "; the signature is otherwise right: it was made over the milliseconds";
      }
    } catch (ImageGateException e) {
      // The rest of the URL does not parse either; the parse error says why.
    }
    diagnoses.add(message);
  }

  /**
   * The context path twice: {@code /shop/shop/img/a.jpg} for the endpoint {@code /shop/img}.
   *
   * @return the context path the URL has once too often
   */
  Optional<String> contextTwice(String rawUri) {
    String[] segments = endpoint.substring(1).split("/");
    for (int i = 1; i < segments.length; i++) {
      String context = "/" + String.join("/", List.of(segments).subList(0, i));
      if (rawUri.startsWith(context + endpoint + "/")) {
        return Optional.of(context);
      }
    }
    return Optional.empty();
  }

  /** The diagnosis for {@link #contextTwice}, with what the filter would answer without it. */
  static String contextTwice(String context, Explanation inner) {
    return "URL was signed with the endpoint including the context path twice: `"
        + context
        + context
        + "`; the page put the context path in front of a URL whose endpoint already"
        + " had it. Without the extra `"
        + context
        + "` the filter would answer "
        + inner.status()
        + " "
        + inner.code();
  }

  /** The diagnosis for a URL that is not below the endpoint for any other reason. */
  String notBelowEndpoint(String rawUri) {
    return "signed for another host or endpoint: `"
        + Explainer.escape(rawUri)
        + "` is not below this filter's endpoint `"
        + endpoint
        + "`";
  }
}
