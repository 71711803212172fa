package io.imagegate.transform.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imagegate.limits.Limits;
import io.imagegate.source.ImageFormat;
import io.imagegate.testing.SystemPackages;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The backend switch and the native libraries' lifetime: {@code imagegate.codecs} picks the
 * libraries (a bad value names the property), a missing library means the Java path, and the last
 * {@link ImageCodecs#release()} closes them and stops JNA's cleaner thread.
 */
class NativeCodecsTest {
  private static final String INITIAL = System.getProperty(NativeCodecs.PROPERTY);
  @TempDir Path dir;

  @AfterEach
  void restore() {
    if (INITIAL == null) {
      System.clearProperty(NativeCodecs.PROPERTY);
    } else {
      System.setProperty(NativeCodecs.PROPERTY, INITIAL);
    }
    NativeCodecs.reloadForTests();
  }

  @Test
  void badSwitchValue_namesTheProperty() {
    System.setProperty(NativeCodecs.PROPERTY, "fast");
    NativeCodecs.reloadForTests();
    assertThatThrownBy(ImageCodecs::acquire)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("imagegate.codecs")
        .hasMessageContaining("fast");
    System.setProperty(NativeCodecs.PROPERTY, "java");
    NativeCodecs.reloadForTests();
    assertThat(ImageCodecs.acquire()).contains("imagegate.codecs=java");
    ImageCodecs.release();
  }

  @Test
  void javaSwitch_loadsNothingAndJpegStillRoundTrips() throws Exception {
    System.setProperty(NativeCodecs.PROPERTY, "java");
    NativeCodecs.reloadForTests();
    String backend = ImageCodecs.acquire();
    try {
      assertThat(backend).contains("JPEG pure Java").contains("libraries: none");
      assertThat(ImageCodecs.nativeJpeg()).isFalse();
      assertThat(ImageCodecs.canEncode(ImageFormat.WEBP)).isFalse();
      assertThat(ImageCodecs.canEncode(ImageFormat.AVIF)).isFalse();
      assertRoundTrip();
    } finally {
      ImageCodecs.release();
    }
  }

  @Test
  void onlyTurboJpeg_webpAndAvifUnavailable() throws Exception {
    SystemPackages.assumeInstalled(
        "libturbojpeg0", Path.of("/usr/lib/x86_64-linux-gnu/libturbojpeg.so.0"));
    org.junit.jupiter.api.Assumptions.assumeTrue(INITIAL == null, "native backend is off");
    System.setProperty(NativeCodecs.PROPERTY, "turbojpeg");
    NativeCodecs.reloadForTests();
    String backend = ImageCodecs.acquire();
    try {
      assertThat(backend).contains("JPEG native").contains("WebP unavailable");
      assertThat(ImageCodecs.canEncode(ImageFormat.WEBP)).isFalse();
      assertRoundTrip();
    } finally {
      ImageCodecs.release();
    }
  }

  @Test
  void lastRelease_closesTheLibrariesAndStopsJnasThread() throws Exception {
    SystemPackages.assumeInstalled(
        "libturbojpeg0 libwebp7",
        Path.of("/usr/lib/x86_64-linux-gnu/libturbojpeg.so.0"),
        Path.of("/usr/lib/x86_64-linux-gnu/libwebp.so.7"));
    org.junit.jupiter.api.Assumptions.assumeTrue(INITIAL == null, "native backend is off");
    NativeCodecs.reloadForTests();
    ImageCodecs.acquire();
    try {
      ImageCodecs.acquire(); // a second filter
      ImageCodecs.release();
      // One holder left: the libraries are still open.
      assertRoundTrip();
      ImageCodecs.encode(picture(), EncodeOptions.of(ImageFormat.WEBP, 80));
    } finally {
      ImageCodecs.release();
    }
    assertThat(jnaCleanerAlive()).as("after the last release").isFalse();
  }

  private void assertRoundTrip() throws Exception {
    byte[] jpeg = ImageCodecs.encode(picture(), EncodeOptions.of(ImageFormat.JPEG, 90));
    Path file = Files.write(dir.resolve("p" + System.nanoTime() + ".jpg"), jpeg);
    BufferedImage decoded = ImageCodecs.decode(file, Limits.defaults()).image();
    assertThat(decoded.getWidth()).isEqualTo(64);
    int rgb = decoded.getRGB(10, 10);
    assertThat(Math.abs((rgb >> 16 & 0xFF) - 200)).isLessThan(8);
    assertThat(Math.abs((rgb & 0xFF) - 40)).isLessThan(8);
  }

  private static BufferedImage picture() {
    BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < 48; y++) {
      for (int x = 0; x < 64; x++) {
        image.setRGB(x, y, 200 << 16 | 120 << 8 | 40);
      }
    }
    return image;
  }

  private static boolean jnaCleanerAlive() {
    ClassLoader jna = com.sun.jna.Native.class.getClassLoader();
    return Thread.getAllStackTraces().keySet().stream()
        .anyMatch(
            t ->
                t.isAlive()
                    && t.getName().equals("JNA Cleaner")
                    && t.getClass().getClassLoader() == jna);
  }
}
