package io.imagegate.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imagegate.config.ConfigException;
import io.imagegate.config.ConfigParser;
import io.imagegate.config.ImageGateSettings;
import io.imagegate.keys.KeyRing;
import io.imagegate.keys.SignatureAlgorithm;
import io.imagegate.keys.SigningKey;
import io.imagegate.testing.Fixtures;
import io.imagegate.testing.RawHttp;
import io.imagegate.testing.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keys scoped to folders: {@code key-scope.<name>.key} with {@code key-scope.<name>.paths}. A
 * signature made with a partner's key verifies only inside the partner's globs, whatever the path
 * demands; the verifier says which key matched; the signer refuses to sign outside.
 */
class ScopedKeyTest {
  static final String PRIMARY = "imagegate-scope-test-primary-0123456789abcdef";
  static final String ACME = "imagegate-scope-test-acme-key-0123456789abcdef";
  static final String BETA = "imagegate-scope-test-beta-key-0123456789abcdef";

  @TempDir Path root;

  private ImageGateSettings settings(Map<String, String> extra) {
    Map<String, String> params = new HashMap<>();
    params.put("root", root.toString());
    params.put("key", PRIMARY);
    params.put("key-scope.acme.key", "env:ACME_KEY");
    params.put("key-scope.acme.paths", "/partners/acme/**, /shared/*.png");
    params.putAll(extra);
    return new ConfigParser(name -> name.equals("ACME_KEY") ? ACME : null)
        .parse(params, null)
        .build();
  }

  private void images() {
    Fixtures.write(root.resolve("partners/acme/logo.png"), Fixtures.png(20, 10));
    Fixtures.write(root.resolve("partners/acme/deep/er/a.png"), Fixtures.png(20, 10));
    Fixtures.write(root.resolve("partners/beta/logo.png"), Fixtures.png(20, 10));
    Fixtures.write(root.resolve("shared/a.png"), Fixtures.png(20, 10));
    Fixtures.write(root.resolve("shared/sub/b.png"), Fixtures.png(20, 10));
    Fixtures.write(root.resolve("public.png"), Fixtures.png(20, 10));
  }

  private static UrlSigner signer(String key) {
    return UrlSigner.builder().urlEndpoint("/img").privateKey(key).build();
  }

  @Test
  void scopedKey_inScope200_outOfScope401_evenWithAValidHmac() throws Exception {
    images();
    try (TestServer server = new TestServer(settings(Map.of("require-signature", "true")))) {
      int port = server.port();
      UrlSigner acme = signer(ACME);
      assertThat(RawHttp.get(port, acme.url("partners/acme/logo.png").sign()).status())
          .isEqualTo(200);
      assertThat(RawHttp.get(port, acme.url("partners/acme/deep/er/a.png").sign()).status())
          .isEqualTo(200);
      assertThat(RawHttp.get(port, acme.url("shared/a.png").sign()).status()).isEqualTo(200);
      assertThat(
              RawHttp.get(port, acme.url("partners/acme/logo.png").transformation("w-10").sign())
                  .status())
          .isEqualTo(200);

      for (String outside :
          new String[] {"partners/beta/logo.png", "shared/sub/b.png", "public.png"}) {
        RawHttp.Response refused = RawHttp.get(port, acme.url(outside).sign());
        assertThat(refused.status()).as(outside).isEqualTo(401);
        assertThat(refused.text()).contains("signature_out_of_scope").doesNotContain(ACME);
      }
      // The primary key still signs everywhere.
      assertThat(RawHttp.get(port, signer(PRIMARY).url("partners/beta/logo.png").sign()).status())
          .isEqualTo(200);
      // A key nobody configured is just invalid.
      assertThat(RawHttp.get(port, signer(BETA).url("partners/acme/logo.png").sign()).text())
          .contains("signature_invalid");
    }
  }

  @Test
  void overlayOutOfScope401_andASymlinkOutOfTheFolder401() throws Exception {
    images();
    Files.createSymbolicLink(
        root.resolve("partners/acme/link.png"), root.resolve("partners/beta/logo.png"));
    try (TestServer server = new TestServer(settings(Map.of()))) {
      int port = server.port();
      UrlSigner acme = signer(ACME);
      String inScope =
          acme.url("partners/acme/deep/er/a.png")
              .transformation("l-image,i-partners@@acme@@logo.png,w-5,l-end")
              .sign();
      assertThat(RawHttp.get(port, inScope).status()).isEqualTo(200);
      String outside =
          acme.url("partners/acme/deep/er/a.png")
              .transformation("l-image,i-partners@@beta@@logo.png,w-5,l-end")
              .sign();
      RawHttp.Response overlay = RawHttp.get(port, outside);
      assertThat(overlay.status()).isEqualTo(401);
      assertThat(overlay.text())
          .contains("signature_out_of_scope")
          .contains("partners/beta/logo.png");
      String legacy =
          acme.url("partners/acme/deep/er/a.png").transformation("oi-shared@@sub@@b.png").sign();
      assertThat(RawHttp.get(port, legacy).text()).contains("signature_out_of_scope");
      // The same overlay on the primary key's URL is fine.
      assertThat(
              RawHttp.get(
                      port,
                      signer(PRIMARY)
                          .url("partners/acme/deep/er/a.png")
                          .transformation("l-image,i-partners@@beta@@logo.png,w-5,l-end")
                          .sign())
                  .status())
          .isEqualTo(200);

      RawHttp.Response link = RawHttp.get(port, acme.url("partners/acme/link.png").sign());
      assertThat(link.status()).as("a symlink out of the folder").isEqualTo(401);
      assertThat(link.text()).contains("signature_out_of_scope");
    }
  }

  @Test
  void fontFileOutOfScope401() throws Exception {
    images();
    byte[] font;
    try (java.io.InputStream in =
        ScopedKeyTest.class.getResourceAsStream("/io/imagegate/fonts/DejaVuSans-Bold.ttf")) {
      font = in.readAllBytes();
    }
    Fixtures.write(root.resolve("partners/acme/fonts/brand.ttf"), font);
    Fixtures.write(root.resolve("fonts/house.ttf"), font);
    try (TestServer server = new TestServer(settings(Map.of()))) {
      UrlSigner acme = signer(ACME);
      String own =
          acme.url("partners/acme/logo.png")
              .transformation("l-text,i-Hi,fs-8,ff-partners@@acme@@fonts@@brand.ttf,l-end")
              .sign();
      assertThat(RawHttp.get(server.port(), own).status()).isEqualTo(200);
      String house =
          acme.url("partners/acme/logo.png")
              .transformation("l-text,i-Hi,fs-8,ff-fonts@@house.ttf,l-end")
              .sign();
      RawHttp.Response refused = RawHttp.get(server.port(), house);
      assertThat(refused.status()).isEqualTo(401);
      assertThat(refused.text()).contains("signature_out_of_scope").contains("fonts/house.ttf");
    }
    KeyRing.Entry entry = settings(Map.of()).keys().scoped("acme").orElseThrow();
    UrlSigner scoped =
        UrlSigner.builder().urlEndpoint("/img").key(entry.key()).scope(entry.scope().get()).build();
    assertThatThrownBy(
            () ->
                scoped
                    .url("partners/acme/logo.png")
                    .transformation("l-text,i-Hi,ff-fonts@@house.ttf,l-end")
                    .sign())
        .hasMessageContaining("overlay 'fonts/house.ttf'");
  }

  @Test
  void outOfScope_isRefusedEvenWhereNoSignatureIsNeeded() throws Exception {
    images();
    try (TestServer server = new TestServer(settings(Map.of()))) {
      assertThat(RawHttp.get(server.port(), "/img/public.png").status()).isEqualTo(200);
      assertThat(RawHttp.get(server.port(), signer(ACME).url("public.png").sign()).status())
          .as("a partner key signs nothing outside its folder, not even a public file")
          .isEqualTo(401);
    }
  }

  @Test
  void verifier_saysWhichKeyMatched() {
    ImageGateSettings settings =
        settings(Map.of("previous-keys", "imagegate-scope-test-old-key-0123456789abcdef"));
    SignatureVerifier verifier =
        new SignatureVerifier(
            settings.keys(), settings.algorithms(), settings.clock(), settings.expiryLeeway());
    VerifiedKey acme = verifier.verify(parse(signer(ACME).url("partners/acme/logo.png").sign()));
    assertThat(acme.key().name()).isEqualTo("key-scope.acme.key");
    assertThat(acme.key().index()).isEqualTo(2);
    assertThat(acme.key().scope()).isPresent();
    assertThat(acme.algorithm()).isEqualTo(SignatureAlgorithm.HMAC_SHA1);
    VerifiedKey primary = verifier.verify(parse(signer(PRIMARY).url("a.png").sign()));
    assertThat(primary.key().name()).isEqualTo("key");
    assertThat(primary.key().scope()).isEmpty();
    String old = signer("imagegate-scope-test-old-key-0123456789abcdef").url("a.png").sign();
    assertThat(verifier.verify(parse(old)).key().name()).isEqualTo("previous-keys[1]");
  }

  private static io.imagegate.request.ImageRequest parse(String url) {
    int q = url.indexOf('?');
    return new io.imagegate.request.RequestParser("/img")
        .parse(url.substring(0, q), url.substring(q + 1))
        .orElseThrow();
  }

  @Test
  void signer_refusesOutsideTheScope_pathAndOverlay() {
    KeyRing.Entry acme = settings(Map.of()).keys().scoped("acme").orElseThrow();
    UrlSigner signer =
        UrlSigner.builder().urlEndpoint("/img").key(acme.key()).scope(acme.scope().get()).build();
    assertThat(signer.url("partners/acme/logo.png").transformation("w-10").sign())
        .contains("ik-s=");
    assertThat(
            signer
                .url("partners/acme/logo.png")
                .transformation("l-image,i-partners@@acme@@logo.png,l-end")
                .sign())
        .contains("ik-s=");
    assertThatThrownBy(() -> signer.url("partners/beta/logo.png").sign())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("key-scope.acme")
        .hasMessageContaining("partners/beta/logo.png")
        .hasMessageNotContaining(ACME);
    assertThatThrownBy(
            () ->
                signer
                    .url("partners/acme/logo.png")
                    .transformation("l-image,i-partners@@beta@@logo.png,l-end")
                    .sign())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("overlay 'partners/beta/logo.png'");
  }

  @Test
  void configuration_errorsNameTheKey() throws Exception {
    assertThatThrownBy(() -> settings(Map.of("key-scope.acme.paths", "")))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("key-scope.acme.paths:");
    assertThatThrownBy(() -> settings(Map.of("key-scope.beta.paths", "/beta/**")))
        .hasMessageStartingWith("key-scope.beta.key:");
    assertThatThrownBy(() -> settings(Map.of("key-scope.beta.key", BETA)))
        .hasMessageStartingWith("key-scope.beta.paths:");
    assertThatThrownBy(() -> settings(Map.of("key-scope.acme.path", "/x/**")))
        .hasMessageContaining("unknown key-scope setting 'path'");
    assertThatThrownBy(() -> settings(Map.of("key-scope.acme.paths", "/a/[**")))
        .hasMessageStartingWith("key-scope.acme.paths: '/a/[**' is not a valid glob");
    assertThatThrownBy(() -> settings(Map.of("key-scope.acme.key", PRIMARY)))
        .hasMessageStartingWith("key-scope.acme.key: the same key")
        .hasMessageNotContaining(PRIMARY);
    assertThatThrownBy(() -> settings(Map.of("key-scope.acme.key", "short-secret")))
        .hasMessageStartingWith("key-scope.acme.key:")
        .hasMessageNotContaining("short-secret");
    Path keyFile = Files.writeString(root.resolve("beta.key"), BETA + "\n");
    ImageGateSettings fromFile =
        settings(Map.of("key-scope.beta.key", "file:" + keyFile, "key-scope.beta.paths", "/b/**"));
    assertThat(fromFile.keys().scoped("beta").orElseThrow().key()).isEqualTo(SigningKey.of(BETA));
    assertThat(fromFile.keys().toString()).doesNotContain(BETA).doesNotContain(ACME);
    assertThat(ConfigParser.watchedFiles(Map.of("key-scope.beta.key", "file:" + keyFile)))
        .containsExactly(keyFile);
  }
}
