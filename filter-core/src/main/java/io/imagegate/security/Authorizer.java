package io.imagegate.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.imagegate.config.ImageGateSettings;
import io.imagegate.failure.Failure;
import io.imagegate.failure.ImageGateException;
import io.imagegate.request.ImagePaths;
import io.imagegate.request.ImageRequest;
import io.imagegate.response.CacheControl;
import io.imagegate.source.Source;
import io.imagegate.source.SourceResolver;
import io.imagegate.transform.Transformation;
import io.imagegate.transform.TransformationParser;
import io.imagegate.transform.model.CropMode;
import io.imagegate.transform.model.Overlay;
import io.imagegate.transform.model.Step;
import io.imagegate.transform.model.TextLayer;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The one place where a request is authorized. Given a parsed request (its signature, if any,
 * already verified), it resolves the source, checks every path the request touches (the URL's path,
 * the real path behind a symlink, every overlay) against the {@link AccessPolicy}, parses the
 * transformation, applies a rule's forced watermark to unsigned requests, and returns one {@link
 * Grant}. Nothing is rendered, cached or served before this returns.
 *
 * <p>The forced watermark ({@code rule.<name>.unsigned-transformation}) holds for every unsigned
 * response that contains pixels of a file under the rule: it is appended as the last step, so it is
 * drawn on whatever the request's own steps produced; those steps may only produce an image made of
 * the source's own pixels (no border, padding, corner radius or rotation by other than a right
 * angle, each of which adds a canvas the watermark could land on instead), and such a file may not
 * be an overlay of an unsigned request at all. Both are 401 {@code unsigned_transformation}.
 */
public final class Authorizer {
  private final ImageGateSettings settings;
  private final AccessPolicy policy;
  private final SourceResolver resolver;
  private final TransformationParser transformations;
  private final Clock clock;

  /**
   * Parsed transformations by their raw text (the parse is a function of the text and the
   * configuration): a thumbnail URL asked again is not parsed again. Texts that do not parse are
   * not kept.
   */
  private final Cache<String, Transformation> parsed =
      Caffeine.newBuilder().maximumSize(1_000).build();

  /** The headers of every URL without {@code ik-t}: the same for all of them. */
  private final CacheControl steady;

  /**
   * @param settings the root, cache lifetime and clock
   * @param policy what each path demands
   * @param resolver confines paths to the root
   * @param transformations parses the request's and the rules' transformations
   */
  public Authorizer(
      ImageGateSettings settings,
      AccessPolicy policy,
      SourceResolver resolver,
      TransformationParser transformations) {
    this.settings = settings;
    this.policy = policy;
    this.resolver = resolver;
    this.transformations = transformations;
    this.clock = settings.clock();
    this.steady = CacheControl.of(settings.cacheMaxAge(), OptionalLong.empty(), clock);
  }

  /**
   * Authorizes a request that is unsigned, or signed with an unscoped key.
   *
   * @see #authorize(ImageRequest, Optional)
   */
  Grant authorize(ImageRequest request) {
    return authorize(request, Optional.empty());
  }

  /**
   * Authorizes a request.
   *
   * @param request parsed, its signature verified if it has one
   * @param key the key the signature was verified with; a scoped key's globs must hold the image's
   *     path, its real path and every overlay the request asks for
   * @throws ImageGateException 400 (bad transformation or overlay path), 401 (the request falls
   *     short of what a path demands, or leaves its key's scope), 404 (missing, hidden or outside
   *     the root), 415 (a transformation of a file that is not an image)
   */
  public Grant authorize(ImageRequest request, Optional<VerifiedKey> key) {
    key.ifPresent(k -> k.checkScope(request.path(), "this image"));
    Requirement requirement = policy.requirementFor(request.path());
    policy.enforce(request, requirement);
    Source source = resolver.resolve(request.path());
    // A symlink inside the partner's folder may not lead out of it.
    key.ifPresent(k -> k.checkScope(relative(source), "this image"));
    requirement = withTarget(request, request.path(), source, requirement);

    Optional<String> requested = request.transformation().filter(t -> !t.isEmpty());
    if (!request.signed() && requested.isPresent()) {
      policy.checkUnsignedTransformation(requested.get());
    }
    Transformation own = requested.map(this::parse).orElse(Transformation.empty());
    Optional<String> forced =
        request.signed() ? Optional.empty() : requirement.unsignedTransformation();

    if (!source.isImage()) {
      if (!own.isEmpty()) {
        throw new ImageGateException(
            Failure.UNSUPPORTED_MEDIA_TYPE, "the file is not an image that can be transformed");
      }
      if (forced.isPresent()) {
        // What cannot carry the watermark is not served unsigned.
        throw new ImageGateException(
            Failure.UNSUPPORTED_MEDIA_TYPE,
            "this file cannot carry the watermark its folder requires on unsigned URLs");
      }
      return new Grant(source, Optional.empty(), Map.of(), cacheControl(request));
    }

    Map<String, Source> overlays = new LinkedHashMap<>();
    for (Overlay overlay : own.overlays()) {
      Optional<String> file = fileRead(overlay);
      if (file.isPresent() && !overlays.containsKey(file.get())) {
        Source read = authorizeOverlay(request, key, file.get());
        overlays.put(file.get(), overlay.isImage() ? image(file.get(), read) : read);
      }
    }
    Optional<Transformation> effective;
    if (forced.isPresent()) {
      Transformation watermark = parse(forced.get());
      // The rule's own overlays (the logo) are configured, not asked for: confined, not policed.
      for (Overlay overlay : watermark.overlays()) {
        Optional<String> file = fileRead(overlay);
        if (file.isPresent() && !overlays.containsKey(file.get())) {
          Source read = resolveConfined(file.get());
          overlays.put(file.get(), overlay.isImage() ? image(file.get(), read) : read);
        }
      }
      if (own.isEmpty() || own.original()) {
        // orig-true would discard the watermark: an unsigned request never escapes it.
        effective = Optional.of(watermark);
      } else {
        checkKeepsSourcePixels(own);
        effective = Optional.of(parse(requested.get() + ":" + forced.get()));
      }
    } else {
      effective = own.isEmpty() || own.original() ? Optional.empty() : Optional.of(own);
    }
    return new Grant(source, effective, overlays, cacheControl(request));
  }

  private Transformation parse(String raw) {
    return parsed.get(raw, transformations::parse);
  }

  /**
   * Authorizes one file a transformation reads besides its source (an overlay image; a font file
   * goes through the same gate): the path is checked and confined to the root, denied names are
   * 404, a protected file needs a signed request, and a file under a forced watermark cannot be
   * read by an unsigned request (its pixels would come out clean).
   *
   * @param request the request asking for it, its signature verified if it has one
   * @param path the file's path below the root, as written in the transformation
   * @return the resolved file (any type: the caller checks that it is what it needs)
   * @throws ImageGateException 400, 401 or 404
   */
  Source authorizeOverlay(ImageRequest request, String path) {
    return authorizeOverlay(request, Optional.empty(), path);
  }

  /**
   * Authorizes one file a transformation reads besides its source, for a request verified with
   * {@code key}: as {@link #authorizeOverlay(ImageRequest, String)}, and a scoped key's globs must
   * hold the file's path and its real path.
   */
  Source authorizeOverlay(ImageRequest request, Optional<VerifiedKey> key, String path) {
    String checked = ImagePaths.check(path);
    key.ifPresent(k -> k.checkScope(checked, "the overlay '" + checked + "'"));
    Requirement requirement = policy.requirementFor(checked);
    checkOverlay(request, checked, requirement);
    Source source;
    try {
      source = resolver.resolve(checked);
    } catch (ImageGateException e) {
      throw new ImageGateException(
          e.failure(), "no such overlay image or font file: '" + checked + "'");
    }
    String real = relative(source);
    key.ifPresent(k -> k.checkScope(real, "the overlay '" + checked + "'"));
    if (!real.equals(checked)) {
      checkOverlay(request, checked, requirement.and(policy.requirementFor(real)));
    }
    return source;
  }

  /**
   * The file below the root a layer reads, if any: an image layer's image, a text layer's {@code
   * ff-} font file; a colour block ({@code i-ik_canvas}) and a text in a built-in font read none.
   */
  public static Optional<String> fileRead(Overlay overlay) {
    if (overlay.isImage()) {
      return Optional.of(overlay.path());
    }
    return overlay.text().flatMap(TextLayer::fontFile);
  }

  private void checkOverlay(ImageRequest request, String path, Requirement requirement) {
    if (request.signed()) {
      policy.enforce(request, requirement);
      return;
    }
    if (requirement.signatureRequired()) {
      throw new ImageGateException(
          Failure.SIGNATURE_MISSING, "the overlay '" + path + "' needs a signed URL");
    }
    if (requirement.unsignedTransformation().isPresent()) {
      throw new ImageGateException(
          Failure.UNSIGNED_TRANSFORMATION,
          "the overlay '" + path + "' is watermarked on unsigned URLs; use it on a signed URL");
    }
  }

  private static Source image(String path, Source source) {
    if (!source.isImage() || !source.format().renderable()) {
      throw new ImageGateException(
          Failure.UNSUPPORTED_MEDIA_TYPE, "the overlay '" + path + "' is not an image");
    }
    return source;
  }

  private Source resolveConfined(String path) {
    String checked = ImagePaths.check(path);
    if (AccessPolicy.denied(checked)) {
      throw new ImageGateException(
          Failure.NOT_FOUND, "no such overlay image or font file: '" + path + "'");
    }
    try {
      return resolver.resolve(checked);
    } catch (ImageGateException e) {
      throw new ImageGateException(
          e.failure(), "no such overlay image or font file: '" + checked + "'");
    }
  }

  /** A symlink may lead into a protected folder: the target's rules and markers apply too. */
  private Requirement withTarget(
      ImageRequest request, String path, Source source, Requirement requirement) {
    String real = relative(source);
    if (real.equals(path)) {
      return requirement;
    }
    Requirement combined = requirement.and(policy.requirementFor(real));
    policy.enforce(request, combined);
    return combined;
  }

  /** The real path below the root: the resolver has worked it out already. */
  private static String relative(Source source) {
    return source.identity();
  }

  /**
   * An unsigned request under a forced watermark may only produce pixels of its source: anything
   * that adds a canvas around them (border, padding, corner radius, a rotation that is not a right
   * angle) could leave the watermark on the canvas and the photo clean.
   */
  static void checkKeepsSourcePixels(Transformation transformation) {
    for (Step step : transformation.steps()) {
      String what = null;
      if (step.border().isPresent()) {
        what = "a border (b)";
      } else if (step.radius().isPresent()) {
        what = "a corner radius (r)";
      } else if (step.cropMode().map(m -> m != CropMode.EXTRACT).orElse(false)) {
        what = "padding (cm-" + step.cropMode().get().token() + ")";
      } else if (step.rotation().map(r -> !r.auto() && !r.rightAngle()).orElse(false)) {
        what = "a rotation by other than a right angle (rt)";
      }
      if (what != null) {
        throw new ImageGateException(
            Failure.UNSIGNED_TRANSFORMATION,
            "this image is watermarked on unsigned URLs; " + what + " needs a signed URL");
      }
    }
  }

  private CacheControl cacheControl(ImageRequest request) {
    return request.expiresAt().isEmpty()
        ? steady
        : CacheControl.of(settings.cacheMaxAge(), request.expiresAt(), clock);
  }
}
