package io.imagegate.containers;

import io.imagegate.security.UrlSigner;
import io.imagegate.testing.TestGate;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;

/**
 * The hostile-URL table every container test runs, and the web apps it runs against: the README's
 * own {@code web.xml} (read from README.md), the images inside the web app ({@code <webapp>/img}),
 * deployed three ways: without {@code root} (the default), with {@code root} set to that folder,
 * and with {@code root} set to the whole web app, which must stop the filter from starting.
 *
 * <p>Protected files: a private folder (empty marker), a file listed in a marker (saved with a BOM
 * and CRLF), a rule path, a dotfile, the marker files themselves, images in {@code WEB-INF}, {@code
 * Web-Inf} and {@code META-INF} folders under the root, the web app's own {@code WEB-INF/web.xml},
 * a public symlink to a private image, and {@code /etc/passwd} behind a file and a folder symlink.
 */
final class HostileUrls {

  /** The deployments, by context path: what each is for. */
  static final Map<String, String> DEPLOYMENTS =
      Map.of(
          "plain", "the README's web.xml without root: images in the web app's /img folder",
          "rooted", "the README's web.xml with root = <webapp>/img",
          "refused", "the README's web.xml with root = the whole web app: must not start");

  /** Protected files: path inside the web app, and the bytes no response may carry. */
  static final Map<String, byte[]> PROTECTED = new LinkedHashMap<>();

  /** Files that are served: path inside the web app, and their bytes. */
  static final Map<String, byte[]> PUBLIC = new LinkedHashMap<>();

  static {
    PROTECTED.put("img/private/p.png", png(31, 17, 0x11AA33));
    PROTECTED.put("img/private/deeper/q.png", png(29, 19, 0x2233CC));
    PROTECTED.put("img/listed/secret-1.png", png(27, 21, 0xCC3322));
    PROTECTED.put("img/originals/o.png", png(25, 23, 0x884422));
    PROTECTED.put("img/.hidden.png", png(23, 25, 0x448822));
    PROTECTED.put("img/public/.dot/d.png", png(21, 27, 0x228844));
    PROTECTED.put(
        "img/listed/.private",
        ("\uFEFF# listed files\r\nsecret-*.png \r\n").getBytes(StandardCharsets.UTF_8));
    PROTECTED.put("img/private/.private", "# the whole folder\n".getBytes(StandardCharsets.UTF_8));
    PROTECTED.put(
        "img/private/notes.txt", "private notes, not an image\n".getBytes(StandardCharsets.UTF_8));
    PROTECTED.put("img/WEB-INF/w.png", png(19, 29, 0x992299));
    PROTECTED.put("img/Web-Inf/x.png", png(17, 31, 0x229999));
    PROTECTED.put("img/META-INF/m.png", png(15, 33, 0x999922));
    PUBLIC.put("img/public/ok.png", png(40, 30, 0x3366FF));
    PUBLIC.put("img/listed/open.png", png(38, 28, 0x66FF33));
    PUBLIC.put(
        "img/public/drawing.svg",
        ("<?xml version=\"1.0\"?>\n<!-- "
                + "licence text ".repeat(300)
                + "-->\n<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>")
            .getBytes(StandardCharsets.UTF_8));
  }

  /** The first bytes of /etc/passwd: never in a response. */
  static byte[] passwd() {
    try {
      byte[] all = Files.readAllBytes(Path.of("/etc/passwd"));
      return java.util.Arrays.copyOf(all, Math.min(all.length, 24));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private HostileUrls() {}

  /** Lays out one web app for a deployment. */
  static WebApp webApp(Path dir, String deployment, Path keyFile) {
    WebApp app = WebApp.in(dir);
    PROTECTED.forEach(app::file);
    PUBLIC.forEach(app::file);
    app.symlink("img/public/passwd.png", Path.of("/etc/passwd"));
    app.symlink("img/etc", Path.of("/etc"));
    app.symlink("img/public/alias.png", Path.of("../private/p.png"));
    String root =
        switch (deployment) {
          case "plain" -> null;
          case "rooted" -> dir.resolve("img").toString();
          case "refused" -> dir.toString();
          default -> throw new IllegalArgumentException(deployment);
        };
    return app.webXml(webXml(root, "file:" + keyFile));
  }

  /**
   * The README's web.xml example (its first {@code xml} block holding a {@code <filter>}), inside a
   * {@code <web-app>}, with the key read from a file and {@code root} replaced or removed.
   */
  static String webXml(String root, String key) {
    String readme = readme();
    Matcher block = Pattern.compile("```xml\n(<filter>.*?)```", Pattern.DOTALL).matcher(readme);
    if (!block.find()) {
      throw new IllegalStateException("README.md has no ```xml block starting with <filter>");
    }
    String fragment = block.group(1);
    String rootParam =
        "<init-param><param-name>root</param-name><param-value>/srv/images</param-value></init-param>";
    String keyValue = "<param-value>env:IMAGEGATE_KEY</param-value>";
    if (!fragment.contains(rootParam) || !fragment.contains(keyValue)) {
      throw new IllegalStateException("the README's web.xml changed shape: " + fragment);
    }
    fragment =
        fragment
            .replace(keyValue, "<param-value>" + key + "</param-value>")
            .replace(
                rootParam,
                root == null ? "" : rootParam.replace("/srv/images", root.replace("&", "&amp;")));
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">
        %s</web-app>
        """
        .formatted(fragment);
  }

  static String readme() {
    for (Path candidate : List.of(Path.of("../README.md"), Path.of("README.md"))) {
      if (Files.isRegularFile(candidate)) {
        try {
          return Files.readString(candidate);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    throw new IllegalStateException("README.md not found from " + Path.of("").toAbsolutePath());
  }

  /** One request of the table. */
  record Row(String deployment, String method, String target, List<String> headers) {
    @Override
    public String toString() {
      return deployment + ": " + method + " " + target + (headers.isEmpty() ? "" : " " + headers);
    }
  }

  /** Every hostile request, for every deployment. */
  static List<Row> rows() {
    List<Row> rows = new ArrayList<>();
    List<String> targets = new ArrayList<>(PROTECTED.keySet());
    targets.add("img/public/passwd.png");
    targets.add("img/etc/passwd");
    targets.add("img/public/alias.png");
    targets.add("WEB-INF/web.xml");
    targets.add("img/web-inf/w.png");
    targets.add("img/META-INF/../WEB-INF/w.png");
    for (String deployment : List.of("plain", "rooted", "refused")) {
      for (String target : targets) {
        for (String url : variants("/" + deployment, target)) {
          rows.add(new Row(deployment, "GET", url, List.of()));
        }
        String plain = "/" + deployment + "/" + target;
        rows.add(new Row(deployment, "HEAD", plain, List.of()));
        rows.add(new Row(deployment, "GET", plain, List.of("Range: bytes=0-")));
        rows.add(new Row(deployment, "POST", plain, List.of("Content-Length: 0")));
        rows.add(new Row(deployment, "GET", plain, List.of("If-None-Match: *")));
      }
    }
    return rows;
  }

  /** The ways of writing one path: encodings, normalisations, parameters, cases, forms. */
  static List<String> variants(String context, String path) {
    String rest = path.startsWith("img/") ? path.substring(4) : path;
    List<String> urls = new ArrayList<>();
    urls.add(context + "/" + path);
    urls.add(context + "/%69mg/" + rest);
    urls.add(context + "/i%6Dg/" + rest);
    urls.add(context + "/" + rest);
    urls.add(context + "/./" + path);
    urls.add(context + "//" + path);
    urls.add(context + "/img/./" + rest);
    urls.add(context + "/img//" + rest);
    urls.add(context + "/img/x/../" + rest);
    urls.add(context + "/img/%2e/" + rest);
    urls.add(context + "/img/%2e%2e/" + path);
    urls.add(context + "/img/%2e%2e/" + rest);
    urls.add(context + "/img/../" + rest);
    urls.add(context + "/img/" + rest.replace("/", "%2F"));
    urls.add(context + "/img/" + rest.replace("/", "%5C"));
    urls.add(context + "/img%5C" + rest);
    urls.add(context + "/img/" + rest + ";x=1");
    urls.add(context + "/img;x=1/" + rest);
    urls.add(context + "/img/" + rest.replaceFirst("/", ";x=1/"));
    urls.add(context + "/IMG/" + rest);
    urls.add(context + "/img/" + rest.toUpperCase(Locale.ROOT));
    urls.add(context + "/img/" + rest.toLowerCase(Locale.ROOT));
    urls.add(context + "/img/" + rest + "/");
    urls.add(context + "/img/" + rest + "%00");
    urls.add(context + "/img/" + rest + "%20");
    urls.add(context + "/img/" + rest + ".");
    urls.add(context + "/img/" + rest + "::$DATA");
    urls.add(context + "/img/" + rest + "%3B");
    urls.add(context + "/img/" + rest + "%2F");
    urls.add(context + "/img/%252e/" + rest);
    urls.add(context + "/img/" + encodeAll(rest));
    urls.add(context + "/img/" + rest + "?tr=orig-true");
    urls.add(context + "/img/tr:orig-true/" + rest);
    urls.add(context + "/img/" + rest + "?tr=b-300_FFFFFF");
    urls.add(context + "/img/" + rest + "?tr=n-thumb");
    urls.add(context + "/img/" + rest + "?ik-s=" + "0".repeat(40));
    urls.add(context + "/img/public/ok.png?tr=oi-" + rest.replace("/", "@@"));
    urls.add(context + "/img/public/ok.png?tr=l-image,i-" + rest.replace("/", "@@") + ",l-end");
    return urls;
  }

  /** Every character as a percent-escape, slashes included. */
  private static String encodeAll(String path) {
    StringBuilder out = new StringBuilder();
    for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
      out.append('%').append(String.format("%02X", b & 0xFF));
    }
    return out.toString();
  }

  /** A signer for one deployment. */
  static UrlSigner signer(String deployment) {
    return TestGate.signerAt("/" + deployment + "/img");
  }

  /** Whether {@code needle} occurs in {@code haystack}. */
  static boolean contains(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }

  static byte[] png(int width, int height, int rgb) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        image.setRGB(x, y, rgb ^ (x * 7 + y * 13));
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
