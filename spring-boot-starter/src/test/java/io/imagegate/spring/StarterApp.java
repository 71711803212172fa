package io.imagegate.spring;

import io.imagegate.security.UrlSigner;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A Boot application as a user writes one: the starter on the class path, a controller. */
@SpringBootConfiguration
@EnableAutoConfiguration
class StarterApp {
  /** A page that signs with the starter's UrlSigner bean (registered as a member class). */
  @RestController
  static class GalleryController {
    private final UrlSigner signer;

    GalleryController(UrlSigner signer) {
      this.signer = signer;
    }

    @GetMapping("/gallery/link")
    String link(@RequestParam String path, @RequestParam(required = false) String tr) {
      return signer.url(path).transformation(tr).sign();
    }
  }
}
