package io.imagegate.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.imagegate.failure.ImageGateException;
import io.imagegate.keys.KeyRing;
import io.imagegate.keys.SignatureAlgorithm;
import io.imagegate.keys.SigningKey;
import io.imagegate.request.ImageRequest;
import io.imagegate.request.RequestParser;
import io.imagegate.testing.TryTimeLimit;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AddLifecycleHook;

/**
 * Everything the signer makes verifies; any one-character change to what it signed fails with a
 * 4xx.
 */
@AddLifecycleHook(TryTimeLimit.class)
class UrlSignerPropertiesTest {
  static final String KEY = "imagegate-property-key-0123456789abcdef-012";
  static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(1_700_000_000L), ZoneOffset.UTC);
  static final UrlSigner SIGNER =
      UrlSigner.builder().urlEndpoint("/img").privateKey(KEY).clock(CLOCK).build();
  static final SignatureVerifier VERIFIER =
      new SignatureVerifier(
          new KeyRing(SigningKey.of(KEY), List.of()),
          List.of(SignatureAlgorithm.HMAC_SHA1, SignatureAlgorithm.HMAC_SHA256),
          CLOCK,
          Duration.ZERO);

  record Spec(
      String path, String transformation, boolean pathForm, String paramValue, int lifetime) {}

  @Provide
  Arbitrary<Spec> specs() {
    Arbitrary<String> segment =
        Arbitraries.strings()
            .withCharRange('a', 'z')
            .withChars('é', 'ü', '中', ' ', '-', '_', '.', '(', ')', '&', '=', '+', '%', '@', ',')
            .ofMinLength(1)
            .ofMaxLength(12)
            .filter(s -> !s.equals(".") && !s.equals("..") && !s.startsWith("."));
    Arbitrary<String> path = segment.list().ofMinSize(1).ofMaxSize(3).map(l -> String.join("/", l));
    Arbitrary<String> transformation =
        Arbitraries.of(
            "",
            "w-300,h-300",
            "w-100:e-grayscale",
            "n-thumb",
            "oi-@@logo.png,ofo-bottom_right",
            "l-image,i-a@@b.png,l-end");
    Arbitrary<String> value =
        Arbitraries.strings().withCharRange('!', '~').withChars('é', ' ').ofMaxLength(8);
    return Combinators.combine(
            path,
            transformation,
            Arbitraries.of(true, false),
            value,
            Arbitraries.integers().between(0, 5000))
        .as(Spec::new);
  }

  static String sign(Spec spec) {
    UrlSigner.UrlBuilder url =
        SIGNER
            .url(spec.path())
            .transformation(spec.transformation())
            .position(
                spec.pathForm()
                    ? UrlSigner.TransformationPosition.PATH
                    : UrlSigner.TransformationPosition.QUERY);
    if (!spec.paramValue().isEmpty()) {
      url.queryParameter("v", spec.paramValue());
    }
    if (spec.lifetime() > 0) {
      url.expiresIn(Duration.ofSeconds(spec.lifetime()));
    }
    return url.sign();
  }

  /** Parses and verifies as a filter whose images all need a signature would. */
  static void check(String url) {
    int q = url.indexOf('?');
    Optional<ImageRequest> request =
        new RequestParser("/img")
            .parse(q < 0 ? url : url.substring(0, q), q < 0 ? null : url.substring(q + 1));
    if (request.isEmpty()) {
      throw new ImageGateException(
          io.imagegate.failure.Failure.NOT_FOUND, "not under the endpoint");
    }
    VERIFIER.verify(request.get());
  }

  @Property(tries = 300)
  void everythingSigned_verifies(@ForAll("specs") Spec spec) {
    String url = sign(spec);
    assertThatCode(() -> check(url)).as(url).doesNotThrowAnyException();
  }

  @Property(tries = 500)
  void anyOneCharacterChange_fails(
      @ForAll("specs") Spec spec,
      @ForAll @IntRange(min = 0, max = 10_000) int where,
      @ForAll("replacements") char replacement) {
    String url = sign(spec);
    int signedEnd = url.lastIndexOf("ik-s=") - 1;
    int start = "/img/".length();
    int index = start + where % (signedEnd - start);
    char original = url.charAt(index);
    Assume.that(replacement != original);
    // Hex digits of a percent-escape are case-insensitive (RFC 3986 §6.2.2.1): %c3 is %C3.
    Assume.that(
        !(insideEscape(url, index)
            && Character.toUpperCase(replacement) == Character.toUpperCase(original)));
    String tampered = url.substring(0, index) + replacement + url.substring(index + 1);
    Throwable thrown = null;
    try {
      check(tampered);
    } catch (Throwable t) {
      thrown = t;
    }
    assertThat(thrown).as(tampered).isInstanceOf(ImageGateException.class);
    assertThat(((ImageGateException) thrown).failure().status()).isBetween(400, 499);
  }

  @Provide
  Arbitrary<Character> replacements() {
    return Arbitraries.chars().range('!', '~').with('é', ' ');
  }

  private static boolean insideEscape(String url, int index) {
    return (index >= 1 && url.charAt(index - 1) == '%')
        || (index >= 2 && url.charAt(index - 2) == '%');
  }
}
