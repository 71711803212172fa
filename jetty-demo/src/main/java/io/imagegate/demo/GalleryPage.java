package io.imagegate.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Renders the gallery page from a {@link Gallery.View}; the markup lives in {@code /templates}. */
final class GalleryPage {
  /** The attribution line for the bundled photos, as NOTICE gives it. */
  static final String CREDITS =
      "Photos: Trevor 'Freespace', Jakub Mede (CC BY 4.0, via UBports lomiri-wallpapers); "
          + "Dmitri Popov (LGPLv3, KDE Plasma wallpapers); Pascal Riesinger / nononsense.cooking (CC BY 4.0).";

  private final Template page = Template.load("page.html");
  private final Template photo = Template.load("photo.html");
  private final Template original = Template.load("original.html");
  private final Template empty = Template.load("empty.html");
  private final Template signedOut = Template.load("account-out.html");
  private final Template signedIn = Template.load("account-in.html");
  private final Template tamper = Template.load("tamper.html");
  private final Template answer = Template.load("answer.html");
  private final Template noAnswer = Template.load("no-answer.html");
  private final Template credits = Template.load("credits.html");
  private final String css = resource("/templates/gallery.css");
  private final String contentSecurityPolicy;
  private final boolean bundledPhotos;

  /**
   * @param bundledPhotos whether the page shows the bundled photos, whose credits it then lists
   */
  GalleryPage(boolean bundledPhotos) {
    this.bundledPhotos = bundledPhotos;
    // The inline style is allowed by its hash: no script, no other style, no third party.
    this.contentSecurityPolicy =
        "default-src 'none'; img-src 'self'; style-src 'sha256-"
            + sha256Base64(css)
            + "'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
  }

  /**
   * The tamper section's content.
   *
   * @param tampered the altered URL
   * @param answer what the server answered for it, or empty if nothing came in time
   */
  record TamperSection(TamperProbe.Tampered tampered, Optional<TamperProbe.Answer> answer) {}

  /** The {@code Content-Security-Policy} header that goes with the page. */
  String contentSecurityPolicy() {
    return contentSecurityPolicy;
  }

  /** The whole page. */
  Html render(Gallery.View view, Optional<TamperSection> tamperSection) {
    List<Html> cards = new ArrayList<>();
    for (Photo p : view.photos()) {
      Html link =
          p.original().map(href -> original.render(Map.of("href", href))).orElse(Html.EMPTY);
      cards.add(
          photo.render(
              Map.of(
                  "src",
                  p.thumbnail(),
                  "src2x",
                  p.thumbnail2x(),
                  "alt",
                  p.title(),
                  "original",
                  link)));
    }
    Html photos =
        cards.isEmpty() ? empty.render(Map.of("folder", Gallery.FOLDER)) : Html.join(cards);
    Html account =
        view.originalsExpire()
            .map(at -> signedIn.render(Map.of("expires", DateTimeFormatter.ISO_INSTANT.format(at))))
            .orElseGet(() -> signedOut.render(Map.of()));
    return page.render(
        Map.of(
            "css",
            new Html(css),
            "account",
            account,
            "photos",
            photos,
            "tamper",
            tamperSection.map(this::tamper).orElse(Html.EMPTY),
            "credits",
            bundledPhotos ? credits.render(Map.of("credits", CREDITS)) : Html.EMPTY));
  }

  private Html tamper(TamperSection section) {
    TamperProbe.Tampered t = section.tampered();
    Html verdict =
        section
            .answer()
            .map(
                a ->
                    answer.render(Map.of("status", Integer.toString(a.status()), "code", a.code())))
            .orElseGet(
                () ->
                    noAnswer.render(
                        Map.of("seconds", Long.toString(TamperProbe.TIMEOUT.toSeconds()))));
    return tamper.render(
        Map.of(
            "url", t.url(),
            "signed", t.signed(),
            "before", t.url().substring(0, t.index()),
            "changed", t.url().substring(t.index(), t.index() + 1),
            "after", t.url().substring(t.index() + 1),
            "answer", verdict));
  }

  private static String resource(String name) {
    try (InputStream in = GalleryPage.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + name, e);
    }
  }

  private static String sha256Base64(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
