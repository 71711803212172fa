package io.imagegate.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imagegate.keys.ShortKeys;
import io.imagegate.security.UrlSigner.TransformationPosition;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * The signer reproduces, byte for byte, the URLs that ImageKit's SDKs publish in their own test
 * suites for key {@code dummy-key} and endpoint {@code https://ik.imagekit.io/demo/}.
 */
class UrlSignerTest {
  private final UrlSigner sdk =
      UrlSigner.builder()
          .urlEndpoint("https://ik.imagekit.io/demo/")
          .key(ShortKeys.of("dummy-key"))
          .build();

  @Test
  void sign_matchesImageKitPlainUrl() {
    assertThat(sdk.url("sdk-testing-files/future-search.png").sign())
        .isEqualTo(
            "https://ik.imagekit.io/demo/sdk-testing-files/future-search.png?ik-s=32dbbbfc5f945c0403c71b54c38e76896ef2d6b0");
  }

  @Test
  void sign_matchesImageKitNonAsciiFileName() {
    assertThat(sdk.url("sdk-testing-files/हिन्दी.png").sign())
        .isEqualTo(
            "https://ik.imagekit.io/demo/sdk-testing-files/%E0%A4%B9%E0%A4%BF%E0%A4%A8%E0%A5%8D%E0%A4%A6%E0%A5%80.png"
                + "?ik-s=3fff2f31da1f45e007adcdbe95f88c8c330e743c");
  }

  @Test
  void sign_matchesImageKitQueryParametersInOrder() {
    assertThat(
            sdk.url("sdk-testing-files/future-search.png")
                .queryParameter("version", "1.0")
                .queryParameter("cache", "false")
                .sign())
        .isEqualTo(
            "https://ik.imagekit.io/demo/sdk-testing-files/future-search.png?version=1.0&cache=false"
                + "&ik-s=f2e5a1b8b6a0b03fd63789dfc6413a94acef9fd8");
  }

  @Test
  void sign_matchesImageKitQueryTransformationAfterParameters() {
    assertThat(
            sdk.url("sdk-testing-files/future-search.png")
                .transformation("w-300,h-200")
                .queryParameter("version", "2.0")
                .sign())
        .isEqualTo(
            "https://ik.imagekit.io/demo/sdk-testing-files/future-search.png?version=2.0&tr=w-300,h-200"
                + "&ik-s=601d97a7834b7554f4dabf0d3fc3a219ceeb6b31");
  }

  @Test
  void sign_matchesImageKitPathTransformation() {
    assertThat(
            sdk.url("sdk-testing-files/future-search.png")
                .transformation("w-300,h-200")
                .position(TransformationPosition.PATH)
                .queryParameter("version", "2.0")
                .sign())
        .isEqualTo(
            "https://ik.imagekit.io/demo/tr:w-300,h-200/sdk-testing-files/future-search.png?version=2.0"
                + "&ik-s=dd1ee8f83d019bc59fd57a5fc4674a11eb8a3496");
  }

  @Test
  void sign_matchesImageKitEscapedLayerInQuery() {
    assertThat(
            sdk.url("sdk-testing-files/हिन्दी.png")
                .transformation(
                    "l-text,ie-4KS54KS/4KSo4KWN4KSm4KWA,co-red,fs-32,ff-sdk-testing-files@@Poppins-Regular_Q15GrYWmL.ttf,l-end")
                .sign())
        .isEqualTo(
            "https://ik.imagekit.io/demo/sdk-testing-files/%E0%A4%B9%E0%A4%BF%E0%A4%A8%E0%A5%8D%E0%A4%A6%E0%A5%80.png"
                + "?tr=l-text,ie-4KS54KS%2F4KSo4KWN4KSm4KWA,co-red,fs-32,ff-sdk-testing-files@@Poppins-Regular_Q15GrYWmL.ttf,l-end"
                + "&ik-s=ac9f24a03080102555e492185533c1ae6bd93fa7");
  }

  @Test
  void sign_addsExpiryFromTheClock() {
    UrlSigner signer =
        UrlSigner.builder()
            .urlEndpoint("http://localhost/img")
            .privateKey(SigningVectorsTest.PRIMARY)
            .clock(Clock.fixed(Instant.ofEpochSecond(1_700_000_000L), ZoneOffset.UTC))
            .build();
    // HMAC-SHA1(key, "sample.jpg1700003600"), computed with Python's hmac module.
    assertThat(signer.url("/sample.jpg").expiresIn(Duration.ofHours(1)).sign())
        .isEqualTo(
            "http://localhost/img/sample.jpg?ik-t=1700003600&ik-s=a836eb4775fd29be78b0b17f1d070731b8741de0");
  }

  @Test
  void privateKey_refusesShortKeysWithoutEchoingThem() {
    assertThatThrownBy(() -> UrlSigner.builder().privateKey("short-secret-value"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 32 bytes")
        .hasMessageNotContaining("short-secret-value");
  }

  @Test
  void queryParameter_refusesReservedNames() {
    assertThatThrownBy(() -> sdk.url("a.jpg").queryParameter("ik-s", "x"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
