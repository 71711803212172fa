package io.imagegate.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.imagegate.failure.ImageGateException;
import io.imagegate.keys.KeyRing;
import io.imagegate.keys.ShortKeys;
import io.imagegate.keys.SignatureAlgorithm;
import io.imagegate.keys.SigningKey;
import io.imagegate.request.ImageRequest;
import io.imagegate.request.RequestParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The vectors in {@code signing-vectors.tsv}: one list must verify, the other must fail. */
class SigningVectorsTest {
  static final String PRIMARY = "imagegate-test-primary-key-0123456789abcdef";
  static final String PREVIOUS = "imagegate-test-previous-key-0123456789abcdef";
  static final Clock NOW = Clock.fixed(Instant.ofEpochSecond(1_700_000_000L), ZoneOffset.UTC);

  static Stream<Arguments> vectors(boolean mustVerify) throws IOException {
    try (InputStream in = SigningVectorsTest.class.getResourceAsStream("/signing-vectors.tsv")) {
      List<String> lines =
          new String(in.readAllBytes(), StandardCharsets.UTF_8)
              .lines()
              .filter(l -> !l.startsWith("#") && !l.isBlank())
              .toList();
      return lines.stream()
          .map(l -> l.split("\t", -1))
          .filter(f -> f[0].equals("verify") == mustVerify)
          .map(f -> Arguments.of(f[3], f[1], f[2], f[0]));
    }
  }

  static Stream<Arguments> mustVerify() throws IOException {
    return vectors(true);
  }

  static Stream<Arguments> mustFail() throws IOException {
    return vectors(false);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("mustVerify")
  void verify_acceptsVector(String name, String ring, String uri, String expect) {
    assertThatCode(() -> check(ring, uri)).doesNotThrowAnyException();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("mustFail")
  void verify_rejectsVector(String name, String ring, String uri, String expect) {
    ImageGateException error =
        catchThrowableOfType(ImageGateException.class, () -> check(ring, uri));
    assertThat(error).as("expected %s", expect).isNotNull();
    assertThat(error.failure().code()).isEqualTo(expect);
    assertThat(error.failure().status()).isBetween(400, 499);
  }

  private static void check(String ring, String uri) {
    boolean sdk = ring.equals("sdk");
    KeyRing keys =
        sdk
            ? new KeyRing(ShortKeys.of("dummy-key"), List.of())
            : new KeyRing(SigningKey.of(PRIMARY), List.of(SigningKey.of(PREVIOUS)));
    SignatureVerifier verifier =
        new SignatureVerifier(
            keys,
            List.of(SignatureAlgorithm.HMAC_SHA1, SignatureAlgorithm.HMAC_SHA256),
            NOW,
            Duration.ZERO);
    int q = uri.indexOf('?');
    ImageRequest request =
        new RequestParser(sdk ? "/demo" : "/img")
            .parse(q < 0 ? uri : uri.substring(0, q), q < 0 ? null : uri.substring(q + 1))
            .orElseThrow();
    verifier.verify(request);
  }
}
