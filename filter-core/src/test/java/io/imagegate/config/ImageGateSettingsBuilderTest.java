package io.imagegate.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imagegate.keys.SignatureAlgorithm;
import io.imagegate.keys.SigningKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The builder as code uses it: explicit key sources, a fluent rule builder, checks in build(). */
class ImageGateSettingsBuilderTest {
  static final String KEY = "imagegate-builder-test-key-0123456789abcdef";
  static final String OLD_KEY = "imagegate-builder-old-key-0123456789abcdef";

  @TempDir Path root;

  ImageGateSettingsBuilder base() {
    return ImageGateSettings.builder().root(root).environment(Map.of("IG_KEY", KEY)::get);
  }

  @Test
  void keyFromEnvironment_isTheVariablesValue() {
    ImageGateSettings s = base().key(KeySource.env("IG_KEY")).build();
    assertThat(s.keys().primary()).isEqualTo(SigningKey.of(KEY));
  }

  @Test
  void keyFromFile_isTheFilesTrimmedContents() throws Exception {
    Path file = Files.writeString(root.resolve("key"), KEY + "\n");
    Path old = Files.writeString(root.resolve("old"), "  " + OLD_KEY + "\n");
    ImageGateSettings s = base().key(KeySource.file(file)).previousKey(KeySource.file(old)).build();
    assertThat(s.keys().primary()).isEqualTo(SigningKey.of(KEY));
    assertThat(s.keys().verifying()).containsExactly(SigningKey.of(KEY), SigningKey.of(OLD_KEY));
  }

  @Test
  void keyValue_andKeyString_areTheKeyItself() {
    assertThat(base().key(KeySource.value(KEY)).build().keys().primary())
        .isEqualTo(SigningKey.of(KEY));
    assertThat(base().key(KEY).build().keys().primary()).isEqualTo(SigningKey.of(KEY));
  }

  @Test
  void envPrefixInAPlainKey_isRefusedNotTakenAsTheKey() {
    // 36 bytes: long enough that the old builder accepted the text itself as the key.
    assertThatThrownBy(() -> base().key("env:IMAGEGATE_KEY_FOR_THE_PRODUCTION"))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("key: 'env:...' is a key source, not a key")
        .hasMessageContaining("KeySource.env");
    assertThatThrownBy(() -> base().previousKey("file:/etc/imagegate/previous-signing.key"))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("previous-keys: 'file:...' is a key source");
  }

  @Test
  void missingVariable_isAConfigExceptionNamingTheSetting() {
    assertThatThrownBy(() -> base().key(KeySource.env("NOT_SET")).build())
        .isInstanceOf(ConfigException.class)
        .hasMessage("key: environment variable 'NOT_SET' is not set");
    assertThatThrownBy(() -> base().key(KEY).previousKey(KeySource.env("OLD_NOT_SET")).build())
        .isInstanceOf(ConfigException.class)
        .hasMessage("previous-keys: environment variable 'OLD_NOT_SET' is not set");
  }

  @Test
  void missingOrEmptyFile_isAConfigExceptionNamingTheSetting() throws Exception {
    Path missing = root.resolve("no-such-key");
    assertThatThrownBy(() -> base().key(KeySource.file(missing)).build())
        .isInstanceOf(ConfigException.class)
        .hasMessage("key: cannot read key file '" + missing + "' (NoSuchFileException)");
    Path empty = Files.writeString(root.resolve("empty"), "\n");
    assertThatThrownBy(() -> base().key(KeySource.file(empty)).build())
        .isInstanceOf(ConfigException.class)
        .hasMessage("key: key file '" + empty + "' is empty");
  }

  @Test
  void shortKeyFromASource_namesTheSettingButNotTheKey() {
    String shortKey = "only-twenty-one-bytes";
    assertThatThrownBy(
            () ->
                base()
                    .environment(Map.of("SHORT", shortKey)::get)
                    .key(KeySource.env("SHORT"))
                    .build())
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("key: a signing key must be at least 32 bytes")
        .message()
        .doesNotContain(shortKey);
    assertThat(KeySource.value(KEY).toString()).doesNotContain(KEY);
  }

  @Test
  void parse_readsTheInitParamForms() {
    assertThat(KeySource.parse("env:IG_KEY").resolve("key", Map.of("IG_KEY", KEY)::get))
        .isEqualTo(KEY);
    assertThat(KeySource.parse("env:IG_KEY").toString()).isEqualTo("env:IG_KEY");
    assertThat(KeySource.parse(KEY).resolve("key", n -> null)).isEqualTo(KEY);
  }

  @Test
  void ruleBuilder_buildsTheSameRuleAsTheInitParams() {
    ImageGateSettings s =
        base()
            .key(KEY)
            .rule(
                "originals",
                r -> r.path("/originals/**").requireExpiry().maxTtl(Duration.ofHours(1)))
            .rule("previews", r -> r.path("/previews/**").unsignedTransformation("e-grayscale"))
            .build();
    ImageGateSettings parsed =
        new ConfigParser(n -> null)
            .parse(
                Map.of(
                    "root", root.toString(),
                    "key", KEY,
                    "rule.originals.path", "/originals/**",
                    "rule.originals.require-expiry", "true",
                    "rule.originals.max-ttl", "1h",
                    "rule.previews.path", "/previews/**",
                    "rule.previews.unsigned-transformation", "e-grayscale"),
                null)
            .build();
    PathRule originals = s.rules().get(0);
    assertThat(originals.name()).isEqualTo("originals");
    assertThat(originals.requireSignature()).isTrue();
    assertThat(originals.requireExpiry()).isTrue();
    assertThat(originals.maxTtl()).contains(Duration.ofHours(1));
    assertThat(originals.path().matches("originals/a/b.jpg")).isTrue();
    assertThat(originals.path().matches("food/a.jpg")).isFalse();
    PathRule previews = s.rules().get(1);
    // A rule that watermarks unsigned requests serves them: it defaults to public.
    assertThat(previews.requireSignature()).isFalse();
    assertThat(previews.unsignedTransformation()).contains("e-grayscale");
    for (int i = 0; i < 2; i++) {
      PathRule a = s.rules().get(i);
      PathRule b =
          parsed.rules().stream().filter(r -> r.name().equals(a.name())).findFirst().orElseThrow();
      assertThat(a.requireSignature()).isEqualTo(b.requireSignature());
      assertThat(a.requireExpiry()).isEqualTo(b.requireExpiry());
      assertThat(a.maxTtl()).isEqualTo(b.maxTtl());
      assertThat(a.unsignedTransformation()).isEqualTo(b.unsignedTransformation());
      assertThat(a.path().toString()).isEqualTo(b.path().toString());
    }
  }

  @Test
  void ruleBuilder_namesTheKeyOfABadValue() {
    assertThatThrownBy(() -> base().rule("orig", r -> r.requireExpiry()))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("rule.orig.path: every rule needs a path glob");
    assertThatThrownBy(() -> base().rule("orig", r -> r.path("/a/**").maxTtl(Duration.ZERO)))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("rule.orig.max-ttl: must be at least 1 second");
    assertThatThrownBy(() -> base().rule("bad name", r -> r.path("/a/**")))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("rule.bad name: a rule name may hold only");
    assertThatThrownBy(() -> base().rule("a", r -> r.path("/a/**")).rule("a", r -> r.path("/b/**")))
        .isInstanceOf(ConfigException.class)
        .hasMessage("rule.a: defined twice");
  }

  @Test
  void invalidNamedTransformation_failsInBuildNamingIt() {
    ImageGateSettingsBuilder b = base().key(KEY).named("thumb", "w-300,h-300");
    assertThat(b.build().named()).containsEntry("thumb", "w-300,h-300");
    assertThatThrownBy(() -> base().key(KEY).named("thumb", "w-banana").build())
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("named.thumb: ");
    // Within limits the filter applies: a width above limits.max-dimension.
    assertThatThrownBy(() -> base().key(KEY).named("huge", "w-9000").build())
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("named.huge: ");
  }

  @Test
  void invalidUnsignedTransformation_failsInBuildNamingTheRule() {
    assertThatThrownBy(
            () ->
                base()
                    .key(KEY)
                    .rule("previews", r -> r.path("/p/**").unsignedTransformation("x-nonsense"))
                    .build())
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("rule.previews.unsigned-transformation: ");
  }

  @Test
  void crossFieldRules_areCheckedInBuild() {
    assertThatThrownBy(
            () ->
                base()
                    .key(KEY)
                    .rule(
                        "previews",
                        r ->
                            r.path("/p/**")
                                .requireSignature(true)
                                .unsignedTransformation("e-grayscale"))
                    .build())
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("rule.previews.unsigned-transformation: the rule requires a");
    assertThatThrownBy(() -> ImageGateSettings.builder().key(KEY).build())
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("root: ");
    assertThatThrownBy(() -> base().build())
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("key: a signing key is required");
  }

  @Test
  void everyOtherSetting_hasABuilderMethodMatchingItsKey() {
    ImageGateSettings s =
        base()
            .key(KEY)
            .endpoint("/img/")
            .algorithms(java.util.List.of(SignatureAlgorithm.HMAC_SHA256))
            .requireSignature(true)
            .unsignedTransformations(UnsignedTransformations.NONE)
            .expiryLeeway(Duration.ofSeconds(30))
            .privateMarker(".members")
            .cacheMaxBytes(1024)
            .cacheMaxAge(Duration.ofHours(2))
            .renderConcurrency(3)
            .renderQueueTimeout(Duration.ofSeconds(1))
            .build();
    assertThat(s.endpoint()).contains("/img");
    assertThat(s.algorithms()).containsExactly(SignatureAlgorithm.HMAC_SHA256);
    assertThat(s.requireSignature()).isTrue();
    assertThat(s.unsignedTransformations()).isEqualTo(UnsignedTransformations.NONE);
    assertThat(s.expiryLeeway()).isEqualTo(Duration.ofSeconds(30));
    assertThat(s.privateMarker()).isEqualTo(".members");
    assertThat(s.cacheMaxBytes()).isEqualTo(1024);
    assertThat(s.cacheMaxAge()).isEqualTo(Duration.ofHours(2));
    assertThat(s.renderConcurrency()).isEqualTo(3);
    assertThat(s.renderQueueTimeout()).isEqualTo(Duration.ofSeconds(1));
  }
}
