package io.imagegate;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.imagegate.config.ConfigParser;
import io.imagegate.config.ImageGateSettings;
import io.imagegate.explain.Explanation;
import io.imagegate.keys.SignatureAlgorithm;
import io.imagegate.keys.SigningKey;
import io.imagegate.security.UrlSigner;
import io.imagegate.testing.Fixtures;
import io.imagegate.testing.MutableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ImageGate.explain}: one test per verdict (valid, tampered path, transformation and expiry,
 * expired, wrong key, previous key, unsigned where required, rule, marker, overlay, parse error)
 * and per named diagnosis, each read in both forms (text, and JSON through a real parser); and no
 * output ever holds a key or a whole expected signature.
 */
class ExplainTest {
  static final String KEY = "imagegate-explain-test-primary-0123456789abcdef";
  static final String PREVIOUS = "imagegate-explain-test-previous-0123456789abcdef";
  static final String ACME = "imagegate-explain-test-acme-0123456789abcdef";
  static final String STRANGER = "imagegate-explain-test-stranger-0123456789abcdef";
  static final String ENDPOINT = "/shop/img";

  @TempDir Path root;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T12:00:00Z"));
  private ImageGate gate;
  private final List<String> outputs = new ArrayList<>();

  @BeforeEach
  void setUp() throws Exception {
    Fixtures.write(root.resolve("food/a.png"), Fixtures.png(40, 30));
    Fixtures.write(root.resolve("food/c.png"), Fixtures.png(40, 30));
    Fixtures.write(root.resolve("originals/o.png"), Fixtures.png(40, 30));
    Fixtures.write(root.resolve("p/b.png"), Fixtures.png(40, 30));
    Files.writeString(root.resolve("p/.private"), "# paid photos\n*.png\n");
    Fixtures.write(root.resolve("partners/acme/logo.png"), Fixtures.png(10, 10));
    Map<String, String> params = new HashMap<>();
    params.put("root", root.toString());
    params.put("key", KEY);
    params.put("previous-keys", PREVIOUS);
    params.put("key-scope.acme.key", ACME);
    params.put("key-scope.acme.paths", "/partners/acme/**");
    params.put("unsigned-transformations", "any");
    params.put("rule.originals.path", "/originals/**");
    params.put("rule.originals.require-expiry", "true");
    params.put("rule.originals.max-ttl", "3600");
    ImageGateSettings settings =
        new ConfigParser(n -> null).parse(params, null).clock(clock).build();
    gate = new ImageGate(settings, ENDPOINT);
  }

  private UrlSigner signer(String key) {
    return UrlSigner.builder().urlEndpoint(ENDPOINT).privateKey(key).clock(clock).build();
  }

  /** Explains, keeps both forms for the leak check, and parses the JSON. */
  private Explanation explain(String url, boolean showExpected) {
    Explanation explanation = gate.explain(url, showExpected);
    outputs.add(explanation.toText());
    outputs.add(explanation.toJson());
    JsonObject json = JsonParser.parseString(explanation.toJson()).getAsJsonObject();
    assertThat(json.get("status").getAsInt()).isEqualTo(explanation.status());
    assertThat(json.get("code").getAsString()).isEqualTo(explanation.code());
    assertThat(json.getAsJsonArray("diagnoses")).hasSize(explanation.diagnoses().size());
    assertThat(explanation.toText()).contains("verdict:");
    return explanation;
  }

  private Explanation explain(String url) {
    return explain(url, false);
  }

  private static JsonObject json(Explanation explanation) {
    return JsonParser.parseString(explanation.toJson()).getAsJsonObject();
  }

  @Test
  void valid_saysWhichKeyMatches_andTheTransformationInEachForm() {
    Explanation e = explain(signer(KEY).url("food/a.png").transformation("w-10").sign());
    assertThat(e.status()).isEqualTo(200);
    assertThat(e.code()).isEqualTo("ok");
    assertThat(e.endpoint()).isEqualTo(ENDPOINT);
    assertThat(e.path()).contains("food/a.png");
    assertThat(e.resolvedPath()).contains("food/a.png");
    assertThat(e.stringToSign()).contains("food/a.png?tr=w-109999999999");
    assertThat(e.keys()).filteredOn(Explanation.KeyCheck::matches).hasSize(1);
    assertThat(e.keys().stream().filter(Explanation.KeyCheck::matches).findFirst().get().name())
        .isEqualTo("key");
    assertThat(e.transformation().canonical()).contains("w-10");
    assertThat(e.transformation().effective()).contains("w-10");
    assertThat(e.expiry()).startsWith("none");
    assertThat(e.toText())
        .contains("key #0")
        .contains("key HmacSHA1: MATCHES")
        .contains("key-scope.acme.key")
        .contains("verdict:        200 ok");
    JsonObject json = json(e);
    assertThat(json.getAsJsonArray("keys")).hasSize(6);
    assertThat(json.getAsJsonArray("keys").get(0).getAsJsonObject().get("matches").getAsBoolean())
        .isTrue();
    assertThat(json.getAsJsonObject("transformation").get("received").getAsString())
        .isEqualTo("w-10");
    assertThat(e.diagnoses()).isEmpty();
  }

  @Test
  void tamperedPath_transformation_andExpiry_matchNoKey() {
    String good = signer(KEY).url("food/a.png").transformation("w-10").sign();
    for (String tampered :
        new String[] {
          good.replace("food/a.png", "food/c.png"),
          good.replace("w-10", "w-11"),
          laterExpiry(signer(KEY).url("food/a.png").expiresIn(Duration.ofMinutes(5)).sign())
        }) {
      Explanation e = explain(tampered);
      assertThat(e.status()).as(tampered).isEqualTo(401);
      assertThat(e.code()).isEqualTo("signature_invalid");
      assertThat(e.keys()).noneMatch(Explanation.KeyCheck::matches);
      assertThat(e.diagnoses()).anyMatch(d -> d.startsWith("no configured key signs this URL"));
      assertThat(e.toText()).contains("no match").doesNotContain("MATCHES");
    }
  }

  /** The same URL with ik-t one second later. */
  private static String laterExpiry(String url) {
    java.util.regex.Matcher t = java.util.regex.Pattern.compile("ik-t=(\\d+)").matcher(url);
    assertThat(t.find()).isTrue();
    return url.replace(t.group(), "ik-t=" + (Long.parseLong(t.group(1)) + 1));
  }

  @Test
  void expired_saysSinceWhen() {
    String url = signer(KEY).url("food/a.png").expiresIn(Duration.ofSeconds(60)).sign();
    assertThat(explain(url).expiry()).startsWith("valid for 1m 0s");
    clock.advance(Duration.ofSeconds(180));
    Explanation e = explain(url);
    assertThat(e.status()).isEqualTo(401);
    assertThat(e.code()).isEqualTo("signature_expired");
    assertThat(e.expiry()).startsWith("expired 2m 0s ago");
    assertThat(json(e).get("expiry").getAsString()).startsWith("expired 2m 0s ago");
    assertThat(e.keys()).anyMatch(Explanation.KeyCheck::matches);
  }

  @Test
  void wrongKey_matchesNoKey() {
    Explanation e = explain(signer(STRANGER).url("food/a.png").sign());
    assertThat(e.code()).isEqualTo("signature_invalid");
    assertThat(e.keys()).noneMatch(Explanation.KeyCheck::matches);
    assertThat(e.diagnoses().get(0)).contains("signed with a key this configuration does not have");
  }

  @Test
  void previousKey_matches_andSaysItWillStop() {
    Explanation e = explain(signer(PREVIOUS).url("food/a.png").sign());
    assertThat(e.status()).isEqualTo(200);
    assertThat(e.keys())
        .filteredOn(Explanation.KeyCheck::matches)
        .extracting(Explanation.KeyCheck::name, Explanation.KeyCheck::index)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("previous-keys[1]", 1));
    assertThat(e.diagnoses()).anyMatch(d -> d.startsWith("signed with a previous key"));
  }

  @Test
  void unsignedWhereRequired_namesTheRule() {
    Explanation e = explain(ENDPOINT + "/originals/o.png");
    assertThat(e.status()).isEqualTo(401);
    assertThat(e.code()).isEqualTo("signature_missing");
    assertThat(e.signed()).isFalse();
    assertThat(e.keys()).isEmpty();
    assertThat(e.policy())
        .anyMatch(r -> r.startsWith("global switch require-signature=false"))
        .anyMatch(r -> r.startsWith("rule 'originals' (/originals/**) matches"))
        .anyMatch(r -> r.contains("decision for 'originals/o.png': a signature is required"));
    assertThat(e.toText()).contains("(none: the URL is unsigned)");
  }

  @Test
  void rule_conditionsAreExplained() {
    Explanation e = explain(signer(KEY).url("originals/o.png").sign());
    assertThat(e.code()).isEqualTo("expiry_required");
    assertThat(e.policy())
        .anyMatch(r -> r.contains("signed URLs must carry ik-t"))
        .anyMatch(r -> r.contains("ik-t at most 3600s ahead"));
    Explanation tooFar =
        explain(signer(KEY).url("originals/o.png").expiresIn(Duration.ofHours(5)).sign());
    assertThat(tooFar.code()).isEqualTo("expiry_too_far");
    assertThat(
            explain(signer(KEY).url("originals/o.png").expiresIn(Duration.ofMinutes(5)).sign())
                .status())
        .isEqualTo(200);
  }

  @Test
  void marker_namesTheFileAndLine() {
    Explanation e = explain(ENDPOINT + "/p/b.png");
    assertThat(e.code()).isEqualTo("signature_missing");
    assertThat(e.policy())
        .anyMatch(r -> r.equals("marker file p/.private line 2 `*.png`: a signature is required"));
    assertThat(json(e).getAsJsonArray("policy").toString()).contains("p/.private line 2");
  }

  @Test
  void overlay_thatNeedsASignature_isNamed() {
    Explanation e = explain(ENDPOINT + "/food/a.png?tr=l-image,i-p@@b.png,l-end");
    assertThat(e.status()).isEqualTo(401);
    assertThat(e.code()).isEqualTo("signature_missing");
    assertThat(e.message()).contains("the overlay 'p/b.png' needs a signed URL");
    assertThat(e.policy())
        .anyMatch(r -> r.startsWith("overlay 'p/b.png': marker file p/.private line 2"));
    Explanation signed =
        explain(
            signer(KEY).url("food/a.png").transformation("l-image,i-p@@b.png,w-5,l-end").sign());
    assertThat(signed.status()).isEqualTo(200);
    assertThat(signed.policy()).contains("overlay 'p/b.png': authorized for this request");
  }

  @Test
  void scopedKey_outOfScope_isNamed() {
    Explanation e = explain(signer(ACME).url("food/a.png").sign());
    assertThat(e.code()).isEqualTo("signature_out_of_scope");
    assertThat(e.keys())
        .filteredOn(Explanation.KeyCheck::matches)
        .extracting(Explanation.KeyCheck::name)
        .containsExactly("key-scope.acme.key");
    assertThat(e.diagnoses()).anyMatch(d -> d.contains("[/partners/acme/**]"));
    assertThat(explain(signer(ACME).url("partners/acme/logo.png").sign()).status()).isEqualTo(200);
  }

  @Test
  void parseErrors_transformationAndUrl() {
    Explanation bad = explain(signer(KEY).url("food/a.png").transformation("w-abc").sign());
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.code()).isEqualTo("bad_transformation");
    assertThat(bad.transformation().error()).isPresent();
    assertThat(bad.transformation().received()).contains("w-abc");
    assertThat(bad.toText()).contains("parse error:");
    assertThat(json(bad).getAsJsonObject("transformation").get("error").getAsString())
        .isEqualTo(bad.transformation().error().get());

    Explanation url = explain(ENDPOINT + "/tr:w-10/food/a.png?tr=w-20");
    assertThat(url.status()).isEqualTo(400);
    assertThat(url.code()).isEqualTo("bad_url");
    assertThat(url.message()).contains("both in the path");
  }

  @Test
  void nonPrintableAndNonAsciiCharacters_areShownEscaped() throws Exception {
    Fixtures.write(root.resolve("food/crème.png"), Fixtures.png(10, 10));
    Explanation e = explain(ENDPOINT + "/food/cr%C3%A8me.png?x=%0A&ik-s=00");
    assertThat(e.stringToSign().get()).isEqualTo("food/cr%C3%A8me.png?x=%0A9999999999");
    Explanation raw = explain(ENDPOINT + "/food/crème.png?ik-s=00");
    assertThat(raw.stringToSign().get()).doesNotContain("è");
    assertThat(raw.path()).contains("food/crème.png");
    assertThat(Explainer.escape("a\u0001b\u00e8\\")).isEqualTo("a\\u0001b\\u00E8\\\\");
  }

  @Test
  void diagnosis_signedOverAnEscapedTransformation_butReceivedItUnescaped() {
    String signature =
        SigningKey.of(KEY)
            .sign(SignatureAlgorithm.HMAC_SHA1, "food/a.png?tr=w-300%2Ch-3009999999999");
    Explanation e = explain(ENDPOINT + "/food/a.png?tr=w-300,h-300&ik-s=" + signature);
    assertThat(e.code()).isEqualTo("signature_invalid");
    assertThat(e.diagnoses().get(0))
        .startsWith("signed over `w-300%2Ch-300` but received `w-300,h-300`");
    assertThat(json(e).getAsJsonArray("diagnoses").get(0).getAsString())
        .startsWith("signed over `w-300%2Ch-300` but received `w-300,h-300`");

    String other =
        SigningKey.of(KEY)
            .sign(SignatureAlgorithm.HMAC_SHA1, "food/a.png?tr=w-300,h-3009999999999");
    assertThat(explain(ENDPOINT + "/food/a.png?tr=w-300%2Ch-300&ik-s=" + other).diagnoses().get(0))
        .startsWith("signed over `w-300,h-300` but received `w-300%2Ch-300`");
  }

  @Test
  void diagnosis_ikTInMilliseconds() {
    long millis = clock.instant().plusSeconds(600).toEpochMilli();
    String signature = SigningKey.of(KEY).sign(SignatureAlgorithm.HMAC_SHA1, "food/a.png" + millis);
    Explanation e = explain(ENDPOINT + "/food/a.png?ik-t=" + millis + "&ik-s=" + signature);
    assertThat(e.status()).isEqualTo(400);
    assertThat(e.code()).isEqualTo("bad_url");
    assertThat(e.diagnoses().get(0))
        .startsWith("ik-t is in milliseconds")
        .contains("ik-t=" + millis / 1000)
        .contains("the signature is otherwise right");
    assertThat(e.toText()).contains("diagnosis:      ik-t is in milliseconds");
  }

  @Test
  void diagnosis_contextPathTwice() {
    String url = "/shop" + signer(KEY).url("food/a.png").sign();
    assertThat(url).startsWith("/shop/shop/img/");
    Explanation e = explain("https://shop.example" + url);
    assertThat(e.handled()).isFalse();
    assertThat(e.status()).isZero();
    assertThat(e.code()).isEqualTo("passed_down");
    assertThat(e.diagnoses().get(0))
        .startsWith("URL was signed with the endpoint including the context path twice")
        .contains("the filter would answer 200 ok");
    assertThat(e.keys()).anyMatch(Explanation.KeyCheck::matches);
    assertThat(json(e).get("handled").getAsBoolean()).isFalse();
  }

  @Test
  void diagnosis_signedForAnotherHostOrEndpoint() {
    UrlSigner hostOnly =
        UrlSigner.builder().urlEndpoint("https://cdn.example").privateKey(KEY).build();
    String url = hostOnly.url("shop/img/food/a.png").sign();
    Explanation e = explain(url);
    assertThat(e.code()).isEqualTo("signature_invalid");
    assertThat(e.diagnoses().get(0))
        .startsWith("signed for another host or endpoint")
        .contains("shop/img/food/a.png");

    UrlSigner deeper =
        UrlSigner.builder()
            .urlEndpoint("https://shop.example/shop/img/food")
            .privateKey(KEY)
            .build();
    assertThat(explain(deeper.url("a.png").sign()).diagnoses().get(0))
        .startsWith("signed for another host or endpoint")
        .contains("included `/food`");

    Explanation elsewhere = explain("https://cdn.example/images/food/a.png?ik-s=00");
    assertThat(elsewhere.handled()).isFalse();
    assertThat(elsewhere.code()).isEqualTo("passed_down");
    assertThat(elsewhere.diagnoses().get(0))
        .startsWith("signed for another host or endpoint")
        .contains("/shop/img");
  }

  @Test
  void showExpected_givesOnlyTheFirstEightHexDigits_ofTheSupposedKey() {
    String good = signer(KEY).url("food/a.png").sign();
    String tampered = good.replace("food/a.png", "food/c.png");
    String full = SigningKey.of(KEY).sign(SignatureAlgorithm.HMAC_SHA1, "food/c.png9999999999");
    Explanation without = explain(tampered);
    assertThat(without.expected()).isEmpty();
    Explanation with = explain(tampered, true);
    assertThat(with.expected()).contains("key HmacSHA1 " + full.substring(0, 8));
    assertThat(with.toText()).contains(full.substring(0, 8)).doesNotContain(full);
    assertThat(with.toJson()).doesNotContain(full);
    String acmeFull =
        SigningKey.of(ACME).sign(SignatureAlgorithm.HMAC_SHA1, "partners/acme/logo.png9999999999");
    assertThat(explain(ENDPOINT + "/partners/acme/logo.png?ik-s=00", true).expected())
        .contains("key-scope.acme.key HmacSHA1 " + acmeFull.substring(0, 8));
  }

  @Test
  void noOutputEverContainsAKey() {
    valid_saysWhichKeyMatches_andTheTransformationInEachForm();
    tamperedPath_transformation_andExpiry_matchNoKey();
    previousKey_matches_andSaysItWillStop();
    scopedKey_outOfScope_isNamed();
    diagnosis_signedOverAnEscapedTransformation_butReceivedItUnescaped();
    diagnosis_ikTInMilliseconds();
    diagnosis_contextPathTwice();
    showExpected_givesOnlyTheFirstEightHexDigits_ofTheSupposedKey();
    explain(ENDPOINT + "/p/b.png", true);
    assertThat(outputs).hasSizeGreaterThan(20);
    for (String output : outputs) {
      assertThat(output)
          .doesNotContain(KEY)
          .doesNotContain(PREVIOUS)
          .doesNotContain(ACME)
          .doesNotContain(root.toString());
    }
  }
}
