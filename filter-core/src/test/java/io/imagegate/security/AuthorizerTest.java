package io.imagegate.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imagegate.config.ConfigParser;
import io.imagegate.config.ImageGateSettings;
import io.imagegate.failure.Failure;
import io.imagegate.failure.ImageGateException;
import io.imagegate.limits.Limits;
import io.imagegate.request.ImageRequest;
import io.imagegate.source.SourceResolver;
import io.imagegate.testing.Fixtures;
import io.imagegate.testing.MutableClock;
import io.imagegate.transform.TransformationParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one decision: source, effective transformation, overlays and cache lifetime in one grant. */
class AuthorizerTest {
  static final String KEY = "authorizer-test-key-0123456789abcdef0123";
  @TempDir Path tmp;
  Path root;
  final MutableClock clock = new MutableClock(Instant.parse("2026-06-01T00:00:00Z"));
  Authorizer authorizer;

  @BeforeEach
  void setUp() throws Exception {
    root = Files.createDirectories(tmp.resolve("images")).toRealPath();
    Fixtures.write(root.resolve("food/a.png"), Fixtures.png(20, 10));
    Fixtures.write(root.resolve("wm/photo.png"), Fixtures.png(20, 10));
    Fixtures.write(root.resolve("logos/logo.png"), Fixtures.png(4, 4));
    Fixtures.write(root.resolve("private/.private"), new byte[0]);
    Fixtures.write(root.resolve("private/p.png"), Fixtures.png(4, 4));
    Fixtures.write(root.resolve("private/wm-logo.png"), Fixtures.png(4, 4));
    Fixtures.write(root.resolve("notes/n.txt"), "text".getBytes());
    Fixtures.write(root.resolve("wm/n.txt"), "text".getBytes());
    Files.createSymbolicLink(root.resolve("food/alias.png"), root.resolve("private/p.png"));
    Files.createSymbolicLink(root.resolve("food/to-wm.png"), root.resolve("wm/photo.png"));
    Map<String, String> params = new HashMap<>();
    params.put("root", root.toString());
    params.put("key", KEY);
    params.put("unsigned-transformations", "any");
    params.put("cache.max-age", "1h");
    params.put("rule.wm.path", "/wm/**");
    params.put("rule.wm.unsigned-transformation", "oi-private@@wm-logo.png,ofo-bottom_right");
    ImageGateSettings settings =
        new ConfigParser(n -> null).parse(params, null).clock(clock).build();
    TransformationParser parser = new TransformationParser(settings.named(), Limits.defaults());
    authorizer =
        new Authorizer(settings, new AccessPolicy(settings), new SourceResolver(root), parser);
  }

  static ImageRequest request(String path, String tr, boolean signed, Long expiry) {
    return new ImageRequest(
        path,
        Optional.ofNullable(tr),
        signed ? Optional.of("00") : Optional.empty(),
        Optional.ofNullable(expiry).map(String::valueOf),
        path);
  }

  @Test
  void publicOriginal_isGrantedAsIs() {
    Grant grant = authorizer.authorize(request("food/a.png", null, false, null));
    assertThat(grant.original()).isTrue();
    assertThat(grant.source().identity()).isEqualTo("food/a.png");
    assertThat(grant.overlays()).isEmpty();
    assertThat(grant.cacheControl().value()).isEqualTo("public, max-age=3600");
    assertThat(grant.cacheControl().expires()).isEmpty();
  }

  @Test
  void origTrue_isTheOriginal() {
    assertThat(authorizer.authorize(request("food/a.png", "orig-true", false, null)).original())
        .isTrue();
  }

  @Test
  void cacheLifetime_isCappedByTheExpiry() {
    long now = clock.instant().getEpochSecond();
    Grant grant = authorizer.authorize(request("food/a.png", null, true, now + 60));
    assertThat(grant.cacheControl().value()).isEqualTo("public");
    assertThat(grant.cacheControl().expires()).contains(java.time.Instant.ofEpochSecond(now + 60));
  }

  @Test
  void unsignedUnderAWatermarkRule_getsTheWatermarkLast_andItsLogoAuthorized() {
    Grant grant = authorizer.authorize(request("wm/photo.png", "w-10", false, null));
    assertThat(grant.transformation().orElseThrow().canonical())
        .startsWith("w-10:")
        .contains("private@@wm-logo.png");
    assertThat(grant.overlays()).containsOnlyKeys("private/wm-logo.png");
    assertThat(authorizer.authorize(request("wm/photo.png", "orig-true", false, null)).original())
        .as("orig-true cannot drop the watermark")
        .isFalse();
    assertThat(authorizer.authorize(request("food/to-wm.png", null, false, null)).original())
        .as("a symlink into the rule gets the rule's watermark")
        .isFalse();
  }

  @Test
  void signedUnderAWatermarkRule_isServedAsSigned() {
    assertThat(authorizer.authorize(request("wm/photo.png", null, true, null)).original()).isTrue();
  }

  @Test
  void unsignedCanvasGrowth_underAWatermarkRule_is401() {
    for (String tr : new String[] {"b-5_FFFFFF", "w-30,h-30,cm-pad_resize", "rt-45", "r-max"}) {
      assertFailure(
          () -> authorizer.authorize(request("wm/photo.png", tr, false, null)),
          Failure.UNSIGNED_TRANSFORMATION);
    }
  }

  @Test
  void overlays_areAuthorizedLikeImages() {
    assertFailure(
        () -> authorizer.authorize(request("food/a.png", "oi-private@@p.png", false, null)),
        Failure.SIGNATURE_MISSING);
    assertFailure(
        () -> authorizer.authorize(request("food/a.png", "oi-food@@alias.png", false, null)),
        Failure.SIGNATURE_MISSING);
    assertFailure(
        () -> authorizer.authorize(request("food/a.png", "oi-wm@@photo.png", false, null)),
        Failure.UNSIGNED_TRANSFORMATION);
    assertFailure(
        () -> authorizer.authorize(request("food/a.png", "oi-private@@.private", true, null)),
        Failure.NOT_FOUND);
    assertFailure(
        () -> authorizer.authorize(request("food/a.png", "oi-notes@@n.txt", true, null)),
        Failure.UNSUPPORTED_MEDIA_TYPE);
    Grant signed = authorizer.authorize(request("food/a.png", "oi-private@@p.png", true, null));
    assertThat(signed.overlays()).containsOnlyKeys("private/p.png");
  }

  @Test
  void overlayEntryPoint_isTheGateForOtherFiles() {
    assertThat(authorizer.authorizeOverlay(request("food/a.png", null, false, null), "notes/n.txt"))
        .satisfies(s -> assertThat(s.identity()).isEqualTo("notes/n.txt"));
    assertFailure(
        () ->
            authorizer.authorizeOverlay(request("food/a.png", null, false, null), "private/p.png"),
        Failure.SIGNATURE_MISSING);
    assertFailure(
        () -> authorizer.authorizeOverlay(request("food/a.png", null, true, null), "../x.ttf"),
        Failure.BAD_URL);
  }

  @Test
  void nonImage_passesOnlyUntransformed_andNeverUnderAWatermark() {
    assertThat(authorizer.authorize(request("notes/n.txt", null, false, null)).source().isImage())
        .isFalse();
    assertFailure(
        () -> authorizer.authorize(request("notes/n.txt", "w-10", false, null)),
        Failure.UNSUPPORTED_MEDIA_TYPE);
    assertFailure(
        () -> authorizer.authorize(request("wm/n.txt", null, false, null)),
        Failure.UNSUPPORTED_MEDIA_TYPE);
  }

  @Test
  void protectedSource_isRefusedBeforeAnyFileIsRead() {
    assertFailure(
        () -> authorizer.authorize(request("private/missing.png", null, false, null)),
        Failure.SIGNATURE_MISSING);
    assertFailure(
        () -> authorizer.authorize(request("food/alias.png", null, false, null)),
        Failure.SIGNATURE_MISSING);
  }

  static void assertFailure(Runnable action, Failure failure) {
    assertThatThrownBy(action::run)
        .isInstanceOfSatisfying(
            ImageGateException.class, e -> assertThat(e.failure()).isEqualTo(failure));
  }
}
