package io.imagegate;

import io.imagegate.explain.Explanation;
import io.imagegate.explain.Explanation.KeyCheck;
import io.imagegate.explain.Explanation.TransformationView;
import io.imagegate.failure.ImageGateException;
import io.imagegate.keys.KeyRing;
import io.imagegate.request.ImageRequest;
import io.imagegate.request.RequestParser;
import io.imagegate.security.AccessPolicy;
import io.imagegate.security.Authorizer;
import io.imagegate.security.Grant;
import io.imagegate.security.SignatureCheck;
import io.imagegate.security.SignatureVerifier;
import io.imagegate.security.VerifiedKey;
import io.imagegate.transform.Transformation;
import io.imagegate.transform.TransformationParser;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Explains a URL by running the filter's own steps on it (the parser, the verifier, the {@link
 * Authorizer}'s one decision), short of reading pixels, and recording what each found. Whatever
 * status the filter would answer is the status the {@link Authorizer} or the verifier throws here;
 * nothing is decided twice. It never contacts a server and never prints a key.
 */
final class Explainer {
  private static final Pattern MILLIS_EXPIRY = Pattern.compile("(?:^|&)ik-t=(\\d{11,13})(?=&|$)");
  private static final String DELIMITERS = "?&=/";

  private final String endpoint;
  private final RequestParser parser;
  private final SignatureVerifier verifier;
  private final SignatureCheck signatures;
  private final AccessPolicy policy;
  private final Authorizer authorizer;
  private final TransformationParser transformations;
  private final Path root;
  private final Clock clock;
  private final Duration leeway;

  Explainer(
      String endpoint,
      RequestParser parser,
      SignatureVerifier verifier,
      AccessPolicy policy,
      Authorizer authorizer,
      TransformationParser transformations,
      Path root,
      Duration leeway) {
    this.endpoint =
        endpoint.endsWith("/") ? endpoint.substring(0, endpoint.length() - 1) : endpoint;
    this.parser = parser;
    this.verifier = verifier;
    this.signatures = new SignatureCheck(verifier);
    this.policy = policy;
    this.authorizer = authorizer;
    this.transformations = transformations;
    this.root = root;
    this.clock = verifier.clock();
    this.leeway = leeway;
  }

  /**
   * @param url an absolute URL or a path with its query
   * @param showExpected whether to show the first eight hex digits of the expected signature
   */
  Explanation explain(String url, boolean showExpected) {
    String target = stripOrigin(url);
    int hash = target.indexOf('#');
    if (hash >= 0) {
      target = target.substring(0, hash);
    }
    int question = target.indexOf('?');
    String rawUri = question < 0 ? target : target.substring(0, question);
    String rawQuery = question < 0 ? null : target.substring(question + 1);

    if (!rawUri.startsWith(endpoint + "/")) {
      return notBelowEndpoint(url, rawUri, rawQuery, showExpected);
    }
    List<String> diagnoses = new ArrayList<>();
    millisecondExpiry(rawUri, rawQuery, diagnoses);
    ImageRequest image;
    try {
      image = parser.parse(rawUri, rawQuery).orElseThrow();
    } catch (ImageGateException e) {
      return new Explanation(
          url,
          endpoint,
          true,
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          rawQuery != null && rawQuery.contains("ik-s="),
          List.of(),
          Optional.empty(),
          "unknown: the URL did not parse",
          List.of(),
          TransformationView.NONE,
          e.failure().status(),
          e.failure().code(),
          e.getMessage(),
          diagnoses);
    }
    return explain(url, image, showExpected, diagnoses);
  }

  private Explanation explain(
      String url, ImageRequest image, boolean showExpected, List<String> diagnoses) {
    String stringToSign = image.stringToSign();
    List<KeyCheck> keys = new ArrayList<>();
    Optional<String> given = image.signature();
    if (given.isPresent()) {
      for (SignatureCheck.Result result : signatures.each(stringToSign, given.get())) {
        keys.add(
            new KeyCheck(
                result.key().index(),
                result.key().name(),
                result.algorithm().jcaName(),
                result.matches(),
                result.key().scope().map(s -> s.paths().toString())));
      }
    }
    Optional<String> expected = Optional.empty();
    if (showExpected) {
      KeyRing.Entry supposed = signatures.supposedKey(image.path());
      expected =
          Optional.of(
              supposed.name()
                  + " "
                  + signatures.supposedAlgorithm(given).jcaName()
                  + " "
                  + SignatureCheck.expectedPrefix(
                      supposed, signatures.supposedAlgorithm(given), stringToSign));
    }

    ImageGateException refusal = null;
    Optional<VerifiedKey> verified = Optional.empty();
    if (image.signed()) {
      try {
        verified = Optional.of(verifier.verify(image));
      } catch (ImageGateException e) {
        refusal = e;
      }
      signatureDiagnoses(image, keys, verified, diagnoses);
    }
    List<String> reasons = new ArrayList<>();
    try {
      policy.explain(image.path(), reasons::add);
    } catch (ImageGateException e) {
      reasons.add("denied: " + e.getMessage());
    }

    Optional<String> resolved = Optional.empty();
    Optional<String> effective = Optional.empty();
    if (refusal == null) {
      try {
        Grant grant = authorizer.authorize(image, verified);
        resolved = Optional.of(relative(grant.source().realPath()));
        effective = grant.transformation().map(Transformation::canonical);
        for (String overlay : grant.overlays().keySet()) {
          reasons.add("overlay '" + overlay + "': authorized for this request");
        }
      } catch (ImageGateException e) {
        refusal = e;
      }
    }
    if (resolved.isEmpty()) {
      resolved = quietlyResolve(image.path());
    }
    // The other paths the decision looked at: a symlink's target, and each overlay.
    resolved
        .filter(real -> !real.equals(image.path()))
        .ifPresent(real -> policyOf("symlink target", real, reasons));
    for (String overlay : overlayPaths(image)) {
      policyOf("overlay", overlay, reasons);
    }
    int status = refusal == null ? 200 : refusal.failure().status();
    String code = refusal == null ? "ok" : refusal.failure().code();
    String message =
        refusal != null
            ? refusal.getMessage()
            : effective.isPresent()
                ? "the filter would render and serve the variant"
                : "the filter would serve the file as it is";
    return new Explanation(
        url,
        endpoint,
        true,
        Optional.of(image.path()),
        resolved,
        Optional.of(escape(stringToSign)),
        image.signed(),
        keys,
        expected,
        expiry(image),
        reasons,
        transformation(image, effective),
        status,
        code,
        message,
        diagnoses);
  }

  private void policyOf(String what, String path, List<String> reasons) {
    try {
      policy.explain(
          path,
          reason -> {
            if (!reason.startsWith("global switch")) {
              reasons.add(what + " '" + path + "': " + reason);
            }
          });
    } catch (ImageGateException e) {
      reasons.add(what + " '" + path + "': denied: " + e.getMessage());
    }
  }

  private List<String> overlayPaths(ImageRequest image) {
    List<String> paths = new ArrayList<>();
    try {
      image
          .transformation()
          .filter(t -> !t.isEmpty())
          .map(transformations::parse)
          .ifPresent(
              t ->
                  t.overlays().stream()
                      .map(Authorizer::fileRead)
                      .flatMap(Optional::stream)
                      .distinct()
                      .forEach(paths::add));
    } catch (ImageGateException e) {
      // The transformation's parse error is reported on its own.
    }
    return paths;
  }

  private TransformationView transformation(ImageRequest image, Optional<String> effective) {
    Optional<String> received = image.transformation().filter(t -> !t.isEmpty());
    if (received.isEmpty()) {
      return new TransformationView(
          Optional.empty(), Optional.empty(), effective, Optional.empty());
    }
    try {
      Transformation parsed = transformations.parse(received.get());
      return new TransformationView(
          received, Optional.of(parsed.canonical()), effective, Optional.empty());
    } catch (ImageGateException e) {
      return new TransformationView(
          received, Optional.empty(), effective, Optional.of(e.getMessage()));
    }
  }

  /** What changed in transit, when some other string than the one received was signed. */
  private void signatureDiagnoses(
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
                + escape(window[0])
                + "` but received `"
                + escape(window[1])
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
                + escape(prefix + received)
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
  private void millisecondExpiry(String rawUri, String rawQuery, List<String> diagnoses) {
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

  private Explanation notBelowEndpoint(
      String url, String rawUri, String rawQuery, boolean showExpected) {
    // The context path twice: /shop/shop/img/a.jpg for the endpoint /shop/img.
    String[] segments = endpoint.substring(1).split("/");
    for (int i = 1; i < segments.length; i++) {
      String context = "/" + String.join("/", List.of(segments).subList(0, i));
      if (rawUri.startsWith(context + endpoint + "/")) {
        String fixed =
            rawUri.substring(context.length()) + (rawQuery == null ? "" : "?" + rawQuery);
        Explanation inner = explain(fixed, showExpected);
        List<String> diagnoses = new ArrayList<>();
        diagnoses.add(
            "URL was signed with the endpoint including the context path twice: `"
                + context
                + context
                + "`; the page put the context path in front of a URL whose endpoint already"
                + " had it. Without the extra `"
                + context
                + "` the filter would answer "
                + inner.status()
                + " "
                + inner.code());
        diagnoses.addAll(inner.diagnoses());
        return new Explanation(
            url,
            endpoint,
            false,
            inner.path(),
            inner.resolvedPath(),
            inner.stringToSign(),
            inner.signed(),
            inner.keys(),
            inner.expected(),
            inner.expiry(),
            inner.policy(),
            inner.transformation(),
            0,
            "passed_down",
            "the URL is not below the endpoint "
                + endpoint
                + "; the filter passes it down the chain (the container usually answers 404)",
            diagnoses);
      }
    }
    return new Explanation(
        url,
        endpoint,
        false,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        rawQuery != null && rawQuery.contains("ik-s="),
        List.of(),
        Optional.empty(),
        "unknown: the URL is not the filter's",
        List.of(),
        TransformationView.NONE,
        0,
        "passed_down",
        "the URL is not below the endpoint "
            + endpoint
            + "; the filter passes it down the chain (the container usually answers 404)",
        List.of(
            "signed for another host or endpoint: `"
                + escape(rawUri)
                + "` is not below this filter's endpoint `"
                + endpoint
                + "`"));
  }

  private String expiry(ImageRequest image) {
    if (image.expiresAt().isEmpty()) {
      return "none: the URL does not expire";
    }
    long at = image.expiresAt().getAsLong();
    long now = clock.instant().getEpochSecond();
    String when = " (ik-t=" + at + ", " + Instant.ofEpochSecond(at) + ")";
    if (now <= at) {
      return "valid for " + human(at - now) + when;
    }
    String since = "expired " + human(now - at) + " ago" + when;
    return now <= at + leeway.toSeconds()
        ? since + ", still accepted within expiry-leeway " + leeway.toSeconds() + "s"
        : since;
  }

  static String human(long seconds) {
    long d = seconds / 86400;
    long h = seconds % 86400 / 3600;
    long m = seconds % 3600 / 60;
    long s = seconds % 60;
    StringBuilder out = new StringBuilder();
    if (d > 0) {
      out.append(d).append("d ");
    }
    if (d > 0 || h > 0) {
      out.append(h).append("h ");
    }
    if (d > 0 || h > 0 || m > 0) {
      out.append(m).append("m ");
    }
    return out.append(s).append('s').toString();
  }

  private Optional<String> quietlyResolve(String path) {
    try {
      Path real = root.resolve(path).toRealPath();
      return real.startsWith(root) ? Optional.of(relative(real)) : Optional.empty();
    } catch (java.io.IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private String relative(Path real) {
    return root.relativize(real).toString().replace('\\', '/');
  }

  /** Non-printable and non-ASCII characters as {@code \}{@code uXXXX}, backslashes doubled. */
  static String escape(String text) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\') {
        out.append("\\\\");
      } else if (c < 0x20 || c >= 0x7f) {
        out.append(String.format("\\u%04X", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static String stripOrigin(String url) {
    int scheme = url.indexOf("://");
    if (scheme > 0 && url.substring(0, scheme).matches("[A-Za-z][A-Za-z0-9+.-]*")) {
      int slash = url.indexOf('/', scheme + 3);
      return slash < 0 ? "/" : url.substring(slash);
    }
    return url;
  }
}
