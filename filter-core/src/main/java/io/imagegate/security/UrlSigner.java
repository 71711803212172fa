package io.imagegate.security;

import io.imagegate.keys.KeyScope;
import io.imagegate.keys.SignatureAlgorithm;
import io.imagegate.keys.SigningKey;
import io.imagegate.limits.Limits;
import io.imagegate.request.ImageRequest;
import io.imagegate.request.UriText;
import io.imagegate.transform.Transformation;
import io.imagegate.transform.TransformationParser;
import io.imagegate.transform.model.Overlay;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Builds signed image URLs, byte for byte as ImageKit's SDKs build them for the same private key
 * and URL endpoint, so that either can sign for the other. Needs no servlet container: call it from
 * templates, controllers or scripts.
 *
 * <pre>{@code
 * UrlSigner signer = UrlSigner.builder()
 *     .urlEndpoint("https://shop.example/img")
 *     .privateKey(System.getenv("IMAGEGATE_KEY"))
 *     .build();
 * String thumb = signer.url("food/burger.jpg").transformation("w-300,h-300").sign();
 * // https://shop.example/img/food/burger.jpg?tr=w-300,h-300&ik-s=...
 * String original = signer.url("food/burger.jpg").expiresIn(Duration.ofHours(1)).sign();
 * }</pre>
 *
 * <p>The string signed is the URL after the endpoint and its slash, then the expiry ({@code ik-t},
 * or {@code 9999999999} for none); {@code ik-t} and {@code ik-s} are appended as the last query
 * parameters. Instances are immutable and thread-safe.
 */
public final class UrlSigner {
  private final String urlEndpoint;
  private final SigningKey key;
  private final SignatureAlgorithm algorithm;
  private final Clock clock;
  private final Optional<KeyScope> scope;

  private UrlSigner(Builder builder) {
    String endpoint = Objects.requireNonNull(builder.urlEndpoint, "urlEndpoint");
    this.urlEndpoint =
        endpoint.endsWith("/") ? endpoint.substring(0, endpoint.length() - 1) : endpoint;
    this.key = Objects.requireNonNull(builder.key, "privateKey");
    this.algorithm = builder.algorithm;
    this.clock = builder.clock;
    this.scope = Optional.ofNullable(builder.scope);
  }

  /** Starts a signer; {@code urlEndpoint} and {@code privateKey} are required. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Starts a URL for an image.
   *
   * @param path the image path below the root, not encoded ({@code food/crème brûlée.jpg}); a
   *     leading slash is ignored
   */
  public UrlBuilder url(String path) {
    return new UrlBuilder(path.startsWith("/") ? path.substring(1) : path);
  }

  /** Where this signer's key may sign; empty for an unscoped key (everywhere). */
  public Optional<KeyScope> scope() {
    return scope;
  }

  /** The algorithm this signer uses. */
  public SignatureAlgorithm algorithm() {
    return algorithm;
  }

  /** The URL prefix signed URLs start with, without a trailing slash. */
  public String urlEndpoint() {
    return urlEndpoint;
  }

  /**
   * The same signer counting expiry from {@code clock} (e.g. one fixed instant per page, so every
   * link on it expires together).
   */
  public UrlSigner withClock(Clock clock) {
    return builder()
        .urlEndpoint(urlEndpoint)
        .key(key)
        .algorithm(algorithm)
        .clock(Objects.requireNonNull(clock, "clock"))
        .build();
  }

  /** Where the transformation goes in the URL. */
  public enum TransformationPosition {
    /** {@code /endpoint/tr:w-300/a.jpg}: the form most CDNs cache best. */
    PATH,
    /** {@code /endpoint/a.jpg?tr=w-300}. */
    QUERY
  }

  /** One URL being built; not thread-safe, use once. */
  public final class UrlBuilder {
    private final String path;
    private String transformation;
    private TransformationPosition position = TransformationPosition.QUERY;
    private final Map<String, String> query = new LinkedHashMap<>();
    private Duration lifetime;

    private UrlBuilder(String path) {
      this.path = path;
    }

    /** The transformation, e.g. {@code w-300,h-300:e-grayscale}. */
    public UrlBuilder transformation(String transformation) {
      this.transformation =
          transformation == null || transformation.isEmpty() ? null : transformation;
      return this;
    }

    /**
     * Where to put the transformation (default {@link TransformationPosition#QUERY}, as ImageKit's
     * SDKs).
     */
    public UrlBuilder position(TransformationPosition position) {
      this.position = Objects.requireNonNull(position, "position");
      return this;
    }

    /** Adds a query parameter; it is signed too. */
    public UrlBuilder queryParameter(String name, String value) {
      if (name.equals("ik-s") || name.equals("ik-t") || name.equals("tr")) {
        throw new IllegalArgumentException("'" + name + "' is reserved");
      }
      query.put(name, value);
      return this;
    }

    /** Makes the URL expire after {@code lifetime} from now (the signer's clock). */
    public UrlBuilder expiresIn(Duration lifetime) {
      if (lifetime.isNegative() || lifetime.isZero()) {
        throw new IllegalArgumentException("lifetime must be positive");
      }
      this.lifetime = lifetime;
      return this;
    }

    /**
     * The absolute signed URL.
     *
     * @throws IllegalArgumentException if the signer's key is scoped and the path, or an overlay
     *     the transformation names, lies outside its scope
     */
    public String sign() {
      checkScope();
      StringBuilder relative = new StringBuilder();
      StringBuilder params = new StringBuilder();
      if (transformation != null && position == TransformationPosition.PATH) {
        relative.append("tr:").append(UriText.encodeQueryComponent(transformation)).append('/');
      }
      relative.append(UriText.encodePath(path));
      query.forEach((name, value) -> appendParam(params, name, value));
      // ImageKit's SDKs put tr after the other parameters.
      if (transformation != null && position == TransformationPosition.QUERY) {
        appendParam(params, "tr", transformation);
      }
      if (params.length() > 0) {
        relative.append('?').append(params);
      }
      String expiry =
          lifetime == null
              ? ImageRequest.NO_EXPIRY
              : Long.toString(clock.instant().plus(lifetime).getEpochSecond());
      String signature = key.sign(algorithm, relative + expiry);
      StringBuilder url = new StringBuilder(urlEndpoint).append('/').append(relative);
      url.append(params.length() > 0 ? '&' : '?');
      if (lifetime != null) {
        url.append("ik-t=").append(expiry).append('&');
      }
      return url.append("ik-s=").append(signature).toString();
    }

    private void checkScope() {
      if (scope.isEmpty()) {
        return;
      }
      KeyScope keyScope = scope.get();
      if (!keyScope.permits(path)) {
        throw new IllegalArgumentException(
            "the key of key-scope."
                + keyScope.name()
                + " may sign only paths matching "
                + keyScope.paths()
                + ", not '"
                + path
                + "'");
      }
      if (transformation == null) {
        return;
      }
      Transformation parsed;
      try {
        parsed = new TransformationParser(Map.of(), Limits.defaults()).parse(transformation);
      } catch (RuntimeException e) {
        // Named or invalid: the filter checks every overlay against the scope anyway.
        return;
      }
      for (Overlay overlay : parsed.overlays()) {
        Optional<String> file = Authorizer.fileRead(overlay);
        if (file.isPresent() && !keyScope.permits(file.get())) {
          throw new IllegalArgumentException(
              "the key of key-scope."
                  + keyScope.name()
                  + " may sign only paths matching "
                  + keyScope.paths()
                  + ", not the overlay '"
                  + file.get()
                  + "'");
        }
      }
    }

    private void appendParam(StringBuilder params, String name, String value) {
      if (params.length() > 0) {
        params.append('&');
      }
      params
          .append(UriText.encodeQueryComponent(name))
          .append('=')
          .append(UriText.encodeQueryComponent(value));
    }
  }

  /** Configures a {@link UrlSigner}. */
  public static final class Builder {
    private String urlEndpoint;
    private SigningKey key;
    private SignatureAlgorithm algorithm = SignatureAlgorithm.HMAC_SHA1;
    private Clock clock = Clock.systemUTC();
    private KeyScope scope;

    private Builder() {}

    /**
     * Makes this a signer for a scoped key ({@code key-scope.<name>.key}): it refuses to sign a
     * path, or an overlay, outside the scope, as the filter would refuse to serve it.
     */
    public Builder scope(KeyScope scope) {
      this.scope = Objects.requireNonNull(scope, "scope");
      return this;
    }

    /** The public URL prefix of the filter's endpoint, e.g. {@code https://shop.example/img}. */
    public Builder urlEndpoint(String urlEndpoint) {
      this.urlEndpoint = urlEndpoint;
      return this;
    }

    /** The private key (at least 32 bytes). */
    public Builder privateKey(String privateKey) {
      this.key = SigningKey.of(privateKey);
      return this;
    }

    /** The key, already made. */
    public Builder key(SigningKey key) {
      this.key = key;
      return this;
    }

    /** The HMAC (default {@link SignatureAlgorithm#HMAC_SHA1}, what ImageKit uses). */
    public Builder algorithm(SignatureAlgorithm algorithm) {
      this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
      return this;
    }

    /** The clock expiry is counted from (default the system clock). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Builds the signer. */
    public UrlSigner build() {
      return new UrlSigner(this);
    }
  }
}
