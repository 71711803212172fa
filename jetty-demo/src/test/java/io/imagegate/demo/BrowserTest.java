package io.imagegate.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.imagegate.testing.SystemPackages;
import java.awt.Graphics2D;
import java.awt.Image;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The page in a real browser: headless Chromium at device scale factor 2 picks the {@code dpr-2}
 * thumbnails, the paid sign-in works with a real cookie, and an original downloads at full size.
 * Saves a screenshot to {@code target/gallery.png}; with {@code -Dimagegate.screenshot=docs} it
 * refreshes the one the README shows ({@code docs/gallery.png}), so ordinary runs leave the work
 * tree clean.
 *
 * <p>Needs Debian's {@code chromium} and {@code chromium-driver} packages; without them the test is
 * skipped with one line naming them, or fails under {@code -Dimagegate.require-system-tests=true}
 * (CI installs them and sets it). Selenium Manager never runs: the driver and browser paths are
 * given.
 */
class BrowserTest {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final Path SCREENSHOT =
      "docs".equals(System.getProperty("imagegate.screenshot"))
          ? Path.of("..", "docs", "gallery.png")
          : Path.of("target", "gallery.png");
  static final Duration WAIT = Duration.ofSeconds(30);

  /** True once every image has settled: thumbnails decoded, the tampered one refused. */
  static final String IMAGES_SETTLED =
      "return Array.from(document.images).every(i => i.complete"
          + " && (i.classList.contains('tampered') || i.naturalWidth > 0));";

  @TempDir static Path profile;
  static DemoServer server;
  static String base;
  static ChromeDriver browser;

  @BeforeAll
  static void start() throws Exception {
    SystemPackages.assumeInstalled("chromium chromium-driver", CHROMIUM, CHROMEDRIVER);
    System.setProperty("SE_OFFLINE", "true");
    server =
        DemoServer.start(
            new DemoOptions(0, "127.0.0.1", Optional.empty(), Optional.empty()), Clock.systemUTC());
    base = "http://127.0.0.1:" + server.port();
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .withLogOutput(OutputStream.nullOutputStream())
            .build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--force-device-scale-factor=2",
        "--window-size=1280,1600",
        "--user-data-dir=" + profile);
    browser = new ChromeDriver(service, options);
    browser.manage().timeouts().pageLoadTimeout(WAIT);
  }

  @AfterAll
  static void stop() throws Exception {
    try {
      if (browser != null) {
        browser.quit();
      }
    } finally {
      if (server != null) {
        server.close();
      }
    }
  }

  @Test
  void gallery_atScale2_showsDpr2Thumbnails_andAPaidUserOpensAnOriginal() throws Exception {
    browser.get(base + "/");
    waitForImages();
    assertThat(script("return window.devicePixelRatio;")).isEqualTo(2L);
    // The stylesheet is allowed by its hash in the CSP; if the hash were wrong the header would be
    // plain.
    assertThat(
            script("return getComputedStyle(document.querySelector('.masthead')).backgroundImage;"))
        .asString()
        .contains("linear-gradient");

    List<Map<String, Object>> thumbs = thumbnails();
    assertThat(thumbs).hasSizeGreaterThanOrEqualTo(3);
    for (Map<String, Object> thumb : thumbs) {
      String twice = PageHtml.srcsetCandidate((String) thumb.get("srcset"), "2x").orElseThrow();
      assertThat(thumb.get("currentSrc")).as("the browser's choice").isEqualTo(base + twice);
      // naturalWidth is in CSS pixels: a 2x candidate's pixel width divided by its density.
      assertThat(thumb.get("naturalWidth")).as(twice).isEqualTo(300L);
      assertThat(pixelWidth(base + twice)).as("device pixels of " + twice).isEqualTo(600L);
    }
    assertThat(script("return document.querySelector('img.tampered').naturalWidth;"))
        .as("tampered image")
        .isEqualTo(0L);
    assertThat(browser.findElement(By.className("status")).getText()).isEqualTo("401");

    browser.findElement(By.xpath("//button[normalize-space()='Sign in as a paid user']")).click();
    new WebDriverWait(browser, WAIT)
        .until(d -> !d.findElements(By.cssSelector("a.original")).isEmpty());
    waitForImages();
    assertThat(browser.findElements(By.cssSelector("a.original"))).hasSameSizeAs(thumbs);
    saveScreenshot();

    String href = browser.findElement(By.cssSelector("a.original")).getAttribute("href");
    String path = href.replaceFirst("^.*?/img/", "").replaceFirst("\\?.*$", "");
    BufferedImage source = ImageIO.read(server.settings().root().resolve(path).toFile());
    // The link downloads (ik-attachment=true), so following it leaves the page: the browser loads
    // it as an image (the page's CSP allows images only), and its headers offer it as a file under
    // the photo's name.
    HttpResponse<Void> download =
        HttpClient.newHttpClient()
            .send(HttpRequest.newBuilder(URI.create(href)).build(), BodyHandlers.discarding());
    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.headers().firstValue("Content-Disposition"))
        .contains("attachment; filename=\"" + path.substring(path.lastIndexOf('/') + 1) + "\"");
    assertThat(pixelWidth(href)).as("original's pixels").isEqualTo((long) source.getWidth());
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> thumbnails() {
    return (List<Map<String, Object>>)
        script(
            "return Array.from(document.querySelectorAll('img.thumb')).map(i =>"
                + " ({srcset: i.getAttribute('srcset'), currentSrc: i.currentSrc, naturalWidth: i.naturalWidth}));");
  }

  /**
   * The width in image pixels of what the browser fetches for {@code url}, loaded without a
   * density.
   */
  static Object pixelWidth(String url) {
    return browser.executeAsyncScript(
        "const done = arguments[arguments.length - 1]; const i = new Image();"
            + " i.onload = () => done(i.naturalWidth); i.onerror = () => done(-1); i.src = arguments[0];",
        url);
  }

  static Object script(String js) {
    return ((JavascriptExecutor) browser).executeScript(js);
  }

  static void waitForImages() {
    new WebDriverWait(browser, WAIT)
        .withMessage(
            () ->
                "images did not load: "
                    + script(
                        "return Array.from(document.images).map(i =>"
                            + " i.currentSrc + ' complete=' + i.complete + ' naturalWidth=' + i.naturalWidth).join('\\n');"))
        .until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(IMAGES_SETTLED)));
  }

  /** The whole signed-in page, captured at 2x and averaged down to 1x, for the README. */
  static void saveScreenshot() throws Exception {
    long width = (Long) script("return document.documentElement.clientWidth;");
    long height = (Long) script("return Math.ceil(document.documentElement.scrollHeight);");
    Map<String, Object> shot =
        browser.executeCdpCommand(
            "Page.captureScreenshot",
            Map.of(
                "format",
                "png",
                "captureBeyondViewport",
                true,
                "clip",
                Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
    BufferedImage large =
        ImageIO.read(
            new ByteArrayInputStream(Base64.getDecoder().decode((String) shot.get("data"))));
    assertThat(large.getWidth()).as("captured at device scale factor 2").isEqualTo(2 * width);
    BufferedImage small = new BufferedImage((int) width, (int) height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = small.createGraphics();
    g.drawImage(
        large.getScaledInstance((int) width, (int) height, Image.SCALE_AREA_AVERAGING), 0, 0, null);
    g.dispose();
    Files.createDirectories(SCREENSHOT.getParent());
    assertThat(ImageIO.write(small, "png", SCREENSHOT.toFile())).isTrue();
  }
}
