package io.imagegate.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imagegate.config.ConfigParser;
import io.imagegate.config.ImageGateSettings;
import io.imagegate.failure.Failure;
import io.imagegate.failure.ImageGateException;
import io.imagegate.request.ImageRequest;
import io.imagegate.testing.MutableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What each path demands, and whether a request meets it. */
class AccessPolicyTest {
  static final String KEY = "access-policy-test-key-0123456789abcdef";
  @TempDir Path root;
  final MutableClock clock = new MutableClock(Instant.parse("2026-06-01T00:00:00Z"));
  AccessPolicy policy;

  @BeforeEach
  void setUp() throws Exception {
    Files.createDirectories(root.resolve("private"));
    Files.writeString(root.resolve("private/.private"), "");
    Files.createDirectories(root.resolve("listed"));
    Files.writeString(root.resolve("listed/.private"), "secret*.jpg\n");
    policy = new AccessPolicy(settings(Map.of()));
  }

  ImageGateSettings settings(Map<String, String> extra) {
    Map<String, String> params = new HashMap<>();
    params.put("root", root.toString());
    params.put("key", KEY);
    params.put("rule.originals.path", "/originals/**");
    params.put("rule.originals.require-expiry", "true");
    params.put("rule.originals.max-ttl", "1h");
    params.put("rule.wm.path", "/wm/**");
    params.put("rule.wm.unsigned-transformation", "oi-logo.png");
    params.putAll(extra);
    return new ConfigParser(n -> null).parse(params, null).clock(clock).build();
  }

  @Test
  void publicPath_isPublic() {
    assertThat(policy.requirementFor("food/a.jpg")).isEqualTo(Requirement.PUBLIC);
  }

  @Test
  void eachSource_ofSignatureRequired() {
    assertThat(policy.requirementFor("private/a.jpg").signatureRequired()).isTrue();
    assertThat(policy.requirementFor("private/deep/a.jpg").signatureRequired()).isTrue();
    assertThat(policy.requirementFor("listed/secret-1.jpg").signatureRequired()).isTrue();
    assertThat(policy.requirementFor("listed/open.jpg").signatureRequired()).isFalse();
    Requirement originals = policy.requirementFor("originals/a.jpg");
    assertThat(originals.signatureRequired()).isTrue();
    assertThat(originals.expiryRequired()).isTrue();
    assertThat(originals.maxTtl()).contains(Duration.ofHours(1));
    assertThat(
            new AccessPolicy(settings(Map.of("require-signature", "true"))).requirementFor("a.jpg"))
        .isEqualTo(Requirement.SIGNED);
  }

  @Test
  void watermarkRule_isPublicWithAForcedTransformation() {
    Requirement wm = policy.requirementFor("wm/a.jpg");
    assertThat(wm.signatureRequired()).isFalse();
    assertThat(wm.unsignedTransformation()).contains("oi-logo.png");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        ".private",
        "private/.private",
        ".hidden.jpg",
        "a/.git/config",
        "WEB-INF/web.xml",
        "web-inf/a.jpg",
        "Web-Inf/a.jpg",
        "a/META-INF/b.jpg",
        "meta-inf/MANIFEST.MF"
      })
  void deniedPaths_are404(String path) {
    assertThat(AccessPolicy.denied(path)).isTrue();
    assertThatThrownBy(() -> policy.requirementFor(path))
        .isInstanceOfSatisfying(
            ImageGateException.class, e -> assertThat(e.failure()).isEqualTo(Failure.NOT_FOUND));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "a.jpg",
        "a/b.c/d.jpg",
        "WEB-INFO/a.jpg",
        "a/META-INFX/b.jpg",
        "WEB-IN/a.jpg",
        "a/web-inf.jpg",
        "x.META-INF/a.jpg"
      })
  void namesThatOnlyLookLikeDeniedOnes_areNotDenied(String path) {
    assertThat(AccessPolicy.denied(path)).isFalse();
  }

  @Test
  void enforce_unsignedOnAProtectedPath_is401() {
    assertThatThrownBy(() -> policy.enforce(request(false, null), Requirement.SIGNED))
        .hasMessageContaining("signed URL");
    assertThatCode(() -> policy.enforce(request(false, null), Requirement.PUBLIC))
        .doesNotThrowAnyException();
  }

  @Test
  void enforce_expiryRules() {
    Requirement originals = policy.requirementFor("originals/a.jpg");
    long now = clock.instant().getEpochSecond();
    assertFailure(() -> policy.enforce(request(true, null), originals), Failure.EXPIRY_REQUIRED);
    assertFailure(
        () -> policy.enforce(request(true, now + 7200), originals), Failure.EXPIRY_TOO_FAR);
    assertThatCode(() -> policy.enforce(request(true, now + 1800), originals))
        .doesNotThrowAnyException();
  }

  @ParameterizedTest
  @ValueSource(strings = {"w-300", "n-thumb,w-10", "n-", "n-thumb:w-10"})
  void namedPolicy_refusesOtherTransformations(String transformation) {
    assertFailure(
        () -> policy.checkUnsignedTransformation(transformation), Failure.UNSIGNED_TRANSFORMATION);
  }

  @Test
  void namedPolicy_allowsNamedOnes_noneRefusesAll_anyAllowsAll() {
    assertThatCode(() -> policy.checkUnsignedTransformation("n-thumb:n-small"))
        .doesNotThrowAnyException();
    AccessPolicy none = new AccessPolicy(settings(Map.of("unsigned-transformations", "none")));
    assertFailure(
        () -> none.checkUnsignedTransformation("n-thumb"), Failure.UNSIGNED_TRANSFORMATION);
    AccessPolicy any = new AccessPolicy(settings(Map.of("unsigned-transformations", "any")));
    assertThatCode(() -> any.checkUnsignedTransformation("w-10,b-5_FFFFFF"))
        .doesNotThrowAnyException();
  }

  static ImageRequest request(boolean signed, Long expiry) {
    return new ImageRequest(
        "a.jpg",
        Optional.empty(),
        signed ? Optional.of("00") : Optional.empty(),
        Optional.ofNullable(expiry).map(String::valueOf),
        "a.jpg");
  }

  static void assertFailure(Runnable action, Failure failure) {
    assertThatThrownBy(action::run)
        .isInstanceOfSatisfying(
            ImageGateException.class, e -> assertThat(e.failure()).isEqualTo(failure));
  }
}
