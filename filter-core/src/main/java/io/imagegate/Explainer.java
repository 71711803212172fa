package io.imagegate;

import io.imagegate.explain.Explanation;
import io.imagegate.explain.Explanation.KeyCheck;
import io.imagegate.explain.Explanation.TransformationView;
import io.imagegate.failure.ImageGateException;
import io.imagegate.request.ImageRequest;
import io.imagegate.request.RequestParser;
import io.imagegate.security.AccessPolicy;
import io.imagegate.security.Authorizer;
import io.imagegate.security.Grant;
import io.imagegate.security.SignatureVerifier;
import io.imagegate.security.VerifiedKey;
import io.imagegate.transform.Transformation;
import io.imagegate.transform.TransformationParser;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Explains a URL by running the filter's own steps on it (the parser, the verifier, the {@link
 * Authorizer}'s one decision), short of reading pixels, and recording what each found. Whatever
 * status the filter would answer is the status the {@link Authorizer} or the verifier throws here;
 * nothing is decided twice. It never contacts a server and never prints a key. This class walks the
 * URL through those steps; {@link SignatureReport} (keys, expiry), {@link AccessReport} (policy,
 * paths, transformation) and {@link Diagnoses} (what most likely went wrong) report on each, and
 * {@link Explanation} renders the result as text or JSON.
 */
final class Explainer {
  private final String endpoint;
  private final RequestParser parser;
  private final SignatureVerifier verifier;
  private final SignatureReport signatures;
  private final Diagnoses diagnosis;
  private final AccessReport access;
  private final Authorizer authorizer;

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
    this.signatures = new SignatureReport(verifier, leeway);
    this.diagnosis = new Diagnoses(this.endpoint, parser, signatures.signatures());
    this.access = new AccessReport(policy, transformations, root);
    this.authorizer = authorizer;
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
    diagnosis.millisecondExpiry(rawUri, rawQuery, diagnoses);
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
    List<KeyCheck> keys = signatures.keys(image);
    Optional<String> expected =
        showExpected ? Optional.of(signatures.expected(image)) : Optional.empty();

    ImageGateException refusal = null;
    Optional<VerifiedKey> verified = Optional.empty();
    if (image.signed()) {
      try {
        verified = Optional.of(verifier.verify(image));
      } catch (ImageGateException e) {
        refusal = e;
      }
      diagnosis.afterSignature(image, keys, verified, diagnoses);
    }
    List<String> reasons = access.reasons(image.path());

    Optional<String> resolved = Optional.empty();
    Optional<String> effective = Optional.empty();
    if (refusal == null) {
      try {
        Grant grant = authorizer.authorize(image, verified);
        resolved = Optional.of(access.relative(grant.source().realPath()));
        effective = grant.transformation().map(Transformation::canonical);
        for (String overlay : grant.overlays().keySet()) {
          reasons.add("overlay '" + overlay + "': authorized for this request");
        }
      } catch (ImageGateException e) {
        refusal = e;
      }
    }
    if (resolved.isEmpty()) {
      resolved = access.quietlyResolve(image.path());
    }
    access.otherPaths(image, resolved, reasons);
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
        signatures.expiry(image),
        reasons,
        access.transformation(image, effective),
        status,
        code,
        message,
        diagnoses);
  }

  private Explanation notBelowEndpoint(
      String url, String rawUri, String rawQuery, boolean showExpected) {
    Optional<String> twice = diagnosis.contextTwice(rawUri);
    if (twice.isPresent()) {
      String context = twice.get();
      String fixed = rawUri.substring(context.length()) + (rawQuery == null ? "" : "?" + rawQuery);
      Explanation inner = explain(fixed, showExpected);
      List<String> diagnoses = new ArrayList<>();
      diagnoses.add(Diagnoses.contextTwice(context, inner));
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
          passedDown(),
          diagnoses);
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
        passedDown(),
        List.of(diagnosis.notBelowEndpoint(rawUri)));
  }

  private String passedDown() {
    return "the URL is not below the endpoint "
        + endpoint
        + "; the filter passes it down the chain (the container usually answers 404)";
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
