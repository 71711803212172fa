package io.imagegate.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imagegate.keys.SignatureAlgorithm;
import io.imagegate.limits.Limits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ConfigParserTest {
  static final String KEY = "imagegate-config-test-key-0123456789abcdef";
  @TempDir static Path root;

  static ImageGateSettings parse(Map<String, String> extra) {
    Map<String, String> params = new HashMap<>(Map.of("root", root.toString(), "key", KEY));
    params.putAll(extra);
    return new ConfigParser(name -> name.equals("IG_KEY") ? KEY : null).parse(params, null).build();
  }

  @Test
  void defaults_matchTheDesign() {
    ImageGateSettings s = parse(Map.of());
    assertThat(s.requireSignature()).isFalse();
    assertThat(s.unsignedTransformations()).isEqualTo(UnsignedTransformations.NAMED);
    assertThat(s.algorithms())
        .containsExactly(SignatureAlgorithm.HMAC_SHA1, SignatureAlgorithm.HMAC_SHA256);
    assertThat(s.privateMarker()).isEqualTo(".private");
    assertThat(s.cacheMaxBytes()).isEqualTo(256L << 20);
    assertThat(s.cacheMaxAge()).isEqualTo(Duration.ofDays(1));
    assertThat(s.limits()).isEqualTo(Limits.defaults());
    assertThat(s.renderQueueTimeout()).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void everyKey_isRead() throws Exception {
    Path keyFile =
        Files.writeString(
            root.resolve("old.key"), "imagegate-old-key-from-file-0123456789abcdef\n");
    ImageGateSettings s =
        parse(
            Map.ofEntries(
                Map.entry("key", "env:IG_KEY"),
                Map.entry(
                    "previous-keys",
                    "file:" + keyFile + ", imagegate-inline-old-key-0123456789abcdef"),
                Map.entry("signature-algorithms", "HmacSHA256"),
                Map.entry("require-signature", "true"),
                Map.entry("unsigned-transformations", "any"),
                Map.entry("expiry-leeway", "30"),
                Map.entry("private-marker", ".locked"),
                Map.entry("rule.orig.path", "/originals/**"),
                Map.entry("rule.orig.require-expiry", "true"),
                Map.entry("rule.orig.max-ttl", "1h"),
                Map.entry("rule.wm.path", "/gallery/**"),
                Map.entry("rule.wm.unsigned-transformation", "n-watermark"),
                // Within limits.max-dimension: build() checks named transformations as the filter.
                Map.entry("named.thumb", "w-30,h-30"),
                Map.entry("named.watermark", "e-grayscale"),
                Map.entry("cache.max-bytes", "64MB"),
                Map.entry("cache.max-age", "600"),
                Map.entry("limits.max-source-pixels", "1000"),
                Map.entry("limits.max-dimension", "100"),
                Map.entry("limits.max-dpr", "3"),
                Map.entry("limits.max-steps", "4"),
                Map.entry("limits.max-overlays", "2"),
                Map.entry("render.concurrency", "3"),
                Map.entry("render.queue-timeout", "250ms")));
    assertThat(s.keys().verifying()).hasSize(3);
    assertThat(s.algorithms()).containsExactly(SignatureAlgorithm.HMAC_SHA256);
    assertThat(s.requireSignature()).isTrue();
    assertThat(s.unsignedTransformations()).isEqualTo(UnsignedTransformations.ANY);
    assertThat(s.expiryLeeway()).isEqualTo(Duration.ofSeconds(30));
    assertThat(s.privateMarker()).isEqualTo(".locked");
    assertThat(s.rules()).extracting(PathRule::name).containsExactlyInAnyOrder("orig", "wm");
    PathRule orig =
        s.rules().stream().filter(r -> r.name().equals("orig")).findFirst().orElseThrow();
    assertThat(orig.requireSignature()).isTrue();
    assertThat(orig.requireExpiry()).isTrue();
    assertThat(orig.maxTtl()).contains(Duration.ofHours(1));
    assertThat(orig.path().matches("originals/a/b.jpg")).isTrue();
    assertThat(orig.path().matches("other/originals/b.jpg")).isFalse();
    PathRule wm = s.rules().stream().filter(r -> r.name().equals("wm")).findFirst().orElseThrow();
    assertThat(wm.requireSignature()).as("a watermarking rule serves unsigned requests").isFalse();
    assertThat(wm.unsignedTransformation()).contains("n-watermark");
    assertThat(s.named()).containsEntry("thumb", "w-30,h-30");
    assertThat(s.cacheMaxBytes()).isEqualTo(64L << 20);
    assertThat(s.cacheMaxAge()).isEqualTo(Duration.ofSeconds(600));
    assertThat(s.limits())
        .isEqualTo(
            Limits.defaults()
                .withMaxSourcePixels(1000)
                .withMaxDimension(100)
                .withMaxDpr(3)
                .withMaxSteps(4)
                .withMaxOverlays(2));
    assertThat(s.renderConcurrency()).isEqualTo(3);
    assertThat(s.renderQueueTimeout()).isEqualTo(Duration.ofMillis(250));
  }

  @Test
  void configFile_holdsTheSameKeys_andInitParamsWin() throws Exception {
    Path file =
        Files.writeString(
            root.resolve("imagegate.properties"),
            "require-signature=true\ncache.max-age=60\nkey=" + KEY + "\n");
    ImageGateSettings s =
        new ConfigParser(n -> null)
            .parse(
                Map.of(
                    "config-file", file.toString(), "root", root.toString(), "cache.max-age", "90"),
                null)
            .build();
    assertThat(s.requireSignature()).isTrue();
    assertThat(s.cacheMaxAge()).isEqualTo(Duration.ofSeconds(90));
  }

  static Stream<Arguments> badValues() {
    return Stream.of(
        Arguments.of("colour", "red", "colour: unknown configuration key"),
        Arguments.of("require-signature", "yes", "require-signature: 'yes' is not true or false"),
        Arguments.of("unsigned-transformations", "some", "unsigned-transformations: 'some'"),
        Arguments.of("signature-algorithms", "HmacMD5", "signature-algorithms: 'HmacMD5'"),
        Arguments.of("expiry-leeway", "-5", "expiry-leeway: '-5'"),
        Arguments.of("cache.max-bytes", "lots", "cache.max-bytes: 'lots'"),
        Arguments.of("cache.max-age", "1 week", "cache.max-age: '1 week'"),
        Arguments.of("limits.max-dimension", "0", "limits.max-dimension: must be at least 1"),
        Arguments.of("limits.max-dpr", "abc", "limits.max-dpr: 'abc'"),
        Arguments.of("render.concurrency", "0", "render.concurrency: must be at least 1"),
        Arguments.of("private-marker", "private", "private-marker: 'private'"),
        Arguments.of("endpoint", "img", "endpoint: 'img'"),
        Arguments.of("rule.x.require-expiry", "true", "rule.x.path: every rule needs a path"),
        Arguments.of("rule.x.colour", "red", "rule.x.colour: unknown rule setting"),
        Arguments.of("key", "env:NOT_SET", "key: environment variable 'NOT_SET' is not set"),
        Arguments.of("key", "file:/nonexistent/key", "key: cannot read key file"),
        Arguments.of(
            "root", "/nonexistent/images", "root: '/nonexistent/images' is not a directory"),
        Arguments.of("named.bad name", "w-1", "named.bad name: a name may hold only"));
  }

  @ParameterizedTest(name = "{0}={1}")
  @MethodSource("badValues")
  void badValue_stopsStartUpNamingTheKey(String key, String value, String message) {
    assertThatThrownBy(() -> parse(Map.of(key, value)))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(message);
  }

  @Test
  void missingKey_stopsStartUp() {
    assertThatThrownBy(
            () -> new ConfigParser(n -> null).parse(Map.of("root", root.toString()), null).build())
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("key: a signing key is required");
  }
}
