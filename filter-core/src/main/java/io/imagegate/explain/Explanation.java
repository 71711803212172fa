package io.imagegate.explain;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Why the filter would answer a URL the way it does, for an operator: every step of the one
 * decision the filter makes (parse, signature, expiry, policy, transformation), the status and code
 * it ends in, and the common mistakes named in plain words. It never holds a key; the expected
 * signature appears only as its first eight hex digits, and only when asked for. Made by {@code
 * ImageGate.explain}; printed by the demo's {@code explain} command or an admin page.
 *
 * @param url the URL as given
 * @param endpoint the filter's endpoint (context path and endpoint)
 * @param handled whether the URL lies below the endpoint (if not, the filter passes it down)
 * @param path the image path, decoded once; empty if the URL did not parse
 * @param resolvedPath the file it resolves to, relative to the root (a symlink's target); empty if
 *     there is none
 * @param stringToSign the exact string the signature covers, non-printable and non-ASCII characters
 *     escaped
 * @param signed whether the URL carries {@code ik-s}
 * @param keys each configured key and algorithm, and whether the signature matches it
 * @param expected the first eight hex digits of the signature the supposed key would make (only
 *     when asked for)
 * @param expiry the expiry verdict: none, time left, or expired since
 * @param policy what the path demands and why (global switch, rule, marker file and line, overlay)
 * @param transformation the transformation as received (decoded), its canonical form, the effective
 *     one served, or the parse error
 * @param status the HTTP status the filter would answer (0 when it passes the request down)
 * @param code the stable code ({@code ok}, {@code passed_down}, or the error code)
 * @param message the message the client would be told
 * @param diagnoses common mistakes that apply, in plain words
 */
public record Explanation(
    String url,
    String endpoint,
    boolean handled,
    Optional<String> path,
    Optional<String> resolvedPath,
    Optional<String> stringToSign,
    boolean signed,
    List<KeyCheck> keys,
    Optional<String> expected,
    String expiry,
    List<String> policy,
    TransformationView transformation,
    int status,
    String code,
    String message,
    List<String> diagnoses) {

  /** Checks presence and freezes the lists. */
  public Explanation {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(endpoint, "endpoint");
    keys = List.copyOf(keys);
    policy = List.copyOf(policy);
    diagnoses = List.copyOf(diagnoses);
    Objects.requireNonNull(transformation, "transformation");
  }

  /**
   * One key and algorithm, named by its index and configuration key, never by its value.
   *
   * @param index the key's index: 0 the primary, then previous keys, then scoped keys
   * @param name {@code key}, {@code previous-keys[1]}, {@code key-scope.acme.key}
   * @param algorithm {@code HmacSHA1} or {@code HmacSHA256}
   * @param matches whether the URL's signature is this key's HMAC of the string to sign
   * @param scope the globs of a scoped key, empty for an unscoped one
   */
  public record KeyCheck(
      int index, String name, String algorithm, boolean matches, Optional<String> scope) {}

  /**
   * The transformation at each stage.
   *
   * @param received the decoded text the URL carries; empty if none
   * @param canonical its canonical form once parsed
   * @param effective what would be rendered (a rule's forced watermark appended for an unsigned
   *     request); empty when the original is served
   * @param error the parse error, if it did not parse
   */
  public record TransformationView(
      Optional<String> received,
      Optional<String> canonical,
      Optional<String> effective,
      Optional<String> error) {
    /** No transformation. */
    public static final TransformationView NONE =
        new TransformationView(
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
  }

  /** Readable text, one fact a line. */
  public String toText() {
    StringBuilder out = new StringBuilder();
    line(out, "url", url);
    line(out, "endpoint", endpoint + (handled ? "" : " (the URL is not below it)"));
    path.ifPresent(p -> line(out, "path", p));
    line(out, "resolved", resolvedPath.orElse("(no such file)"));
    line(out, "signed string", stringToSign.map(s -> "\"" + s + "\"").orElse("(none)"));
    if (!signed) {
      line(out, "signature", "(none: the URL is unsigned)");
    }
    for (KeyCheck key : keys) {
      line(
          out,
          "key #" + key.index(),
          key.name()
              + " "
              + key.algorithm()
              + (key.matches() ? ": MATCHES" : ": no match")
              + key.scope().map(s -> " (scope " + s + ")").orElse(""));
    }
    expected.ifPresent(e -> line(out, "expected", e + "... (first 8 hex digits)"));
    line(out, "expiry", expiry);
    for (String reason : policy) {
      line(out, "policy", reason);
    }
    transformation.received().ifPresent(t -> line(out, "transformation", t));
    transformation.canonical().ifPresent(t -> line(out, "canonical", t));
    transformation.effective().ifPresent(t -> line(out, "effective", t));
    transformation.error().ifPresent(t -> line(out, "parse error", t));
    line(
        out,
        "verdict",
        (status == 0 ? "passed down the filter chain" : status + " " + code) + ": " + message);
    for (String diagnosis : diagnoses) {
      line(out, "diagnosis", diagnosis);
    }
    return out.toString();
  }

  private static void line(StringBuilder out, String label, String value) {
    out.append(String.format("%-15s %s%n", label + ":", value));
  }

  /** One JSON object. */
  public String toJson() {
    Json json = new Json();
    json.field("url", url)
        .field("endpoint", endpoint)
        .field("handled", handled)
        .field("path", path)
        .field("resolvedPath", resolvedPath)
        .field("stringToSign", stringToSign)
        .field("signed", signed);
    json.name("keys").startArray();
    for (KeyCheck key : keys) {
      json.startObject()
          .field("index", key.index())
          .field("name", key.name())
          .field("algorithm", key.algorithm())
          .field("matches", key.matches())
          .field("scope", key.scope())
          .endObject();
    }
    json.endArray();
    json.field("expected", expected).field("expiry", expiry).field("policy", policy);
    json.name("transformation")
        .startObject()
        .field("received", transformation.received())
        .field("canonical", transformation.canonical())
        .field("effective", transformation.effective())
        .field("error", transformation.error())
        .endObject();
    json.field("status", status)
        .field("code", code)
        .field("message", message)
        .field("diagnoses", diagnoses);
    return json.close();
  }
}
