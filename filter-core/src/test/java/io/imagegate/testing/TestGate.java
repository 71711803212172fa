package io.imagegate.testing;

import io.imagegate.config.ConfigParser;
import io.imagegate.config.ImageGateSettings;
import io.imagegate.config.ImageGateSettingsBuilder;
import io.imagegate.security.UrlSigner;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The gate the end-to-end tests start from: one test key, settings for an image root signed with
 * it, the same as configuration parameters, and a signer for the filter at {@code /img}. A test
 * that is about keys (several, rotated, leaked) keeps its own.
 */
public final class TestGate {
  /** The key the settings and the signer share; long enough for every signature algorithm. */
  public static final String KEY = "imagegate-test-gate-key-0123456789abcdef0123";

  /** Where {@link TestServer} maps the filter. */
  public static final String ENDPOINT = "/img";

  private TestGate() {}

  /** Settings serving {@code root} with {@link #KEY}, everything else at its default. */
  public static ImageGateSettingsBuilder settings(Path root) {
    return ImageGateSettings.builder().root(root).key(KEY);
  }

  /**
   * Configuration parameters ({@code root}, {@code key}) for the same gate, in a map the caller may
   * add to, as a web.xml or a properties file would give them.
   */
  public static Map<String, String> params(Path root) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("root", root.toString());
    params.put("key", KEY);
    return params;
  }

  /** {@link #params(Path)} and more, given as name, value, name, value... */
  public static Map<String, String> params(Path root, String... namesAndValues) {
    if (namesAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("a name without a value: " + namesAndValues.length);
    }
    Map<String, String> params = params(root);
    for (int i = 0; i < namesAndValues.length; i += 2) {
      if (params.put(namesAndValues[i], namesAndValues[i + 1]) != null) {
        throw new IllegalArgumentException("given twice: " + namesAndValues[i]);
      }
    }
    return params;
  }

  /** Settings parsed from configuration parameters, as the filter's init would (no environment). */
  public static ImageGateSettingsBuilder parse(Map<String, String> params) {
    return new ConfigParser(name -> null).parse(params, null);
  }

  /** A signer for {@link #ENDPOINT} with {@link #KEY} on the system clock. */
  public static UrlSigner signer() {
    return signerAt(ENDPOINT);
  }

  /** A signer with {@link #KEY} for the filter at {@code endpoint} (a path or a full URL). */
  public static UrlSigner signerAt(String endpoint) {
    return UrlSigner.builder().urlEndpoint(endpoint).privateKey(KEY).build();
  }

  /** A signer for {@link #ENDPOINT} with {@link #KEY} whose expiries count from {@code clock}. */
  public static UrlSigner signer(Clock clock) {
    return UrlSigner.builder().urlEndpoint(ENDPOINT).privateKey(KEY).clock(clock).build();
  }
}
