package io.imagegate.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.imagegate.testing.MutableClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Marker files are read exactly or fail closed: BOM, CRLF and any whitespace are understood; a
 * symlink, a directory, an oversized, non-UTF-8 or unreadable marker makes its folder private, with
 * one warning.
 */
class PrivateMarkersTest {
  @TempDir Path root;
  final MutableClock clock = new MutableClock(java.time.Instant.parse("2026-01-01T00:00:00Z"));
  final List<LogRecord> warnings = new ArrayList<>();
  final Logger logger = Logger.getLogger(PrivateMarkers.class.getName());
  final Handler capture =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
            warnings.add(record);
          }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };
  PrivateMarkers markers;

  @BeforeEach
  void setUp() throws Exception {
    root = root.toRealPath();
    Files.createDirectories(root.resolve("f/sub"));
    logger.addHandler(capture);
    markers = new PrivateMarkers(root, ".private", clock);
  }

  @AfterEach
  void tearDown() {
    logger.removeHandler(capture);
  }

  private void marker(String folder, byte[] content) throws Exception {
    Files.write(root.resolve(folder).resolve(".private"), content);
  }

  private void marker(String folder, String content) throws Exception {
    marker(folder, content.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void noMarker_isPublic() {
    assertThat(markers.isPrivate("f/a.jpg")).isFalse();
  }

  @Test
  void emptyMarker_marksTheFolderAndBelow() throws Exception {
    marker("f", "");
    assertThat(markers.isPrivate("f/a.jpg")).isTrue();
    assertThat(markers.isPrivate("f/sub/b.jpg")).isTrue();
    assertThat(markers.isPrivate("g/a.jpg")).isFalse();
    assertThat(warnings).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "secret.jpg",
        "\uFEFFsecret.jpg",
        "\uFEFFsecret.jpg\r\nother.jpg\r\n",
        "other.jpg\rsecret.jpg\r",
        "  secret.jpg  \t",
        "\u00A0secret.jpg\u00A0",
        "\u2003secret.jpg\u3000\u2007\u202F",
        "# a comment\n\nsecret.jpg\n",
        "/secret.jpg",
        "secret.*"
      })
  void globs_areReadExactly(String content) throws Exception {
    marker("f", content);
    assertThat(markers.isPrivate("f/secret.jpg")).as(content).isTrue();
    assertThat(markers.isPrivate("f/public.jpg")).as(content).isFalse();
    assertThat(warnings).isEmpty();
  }

  @Test
  void globs_matchBelowTheMarkersFolder() throws Exception {
    marker("f", "**/raw/*\n");
    assertThat(markers.isPrivate("f/x/raw/a.jpg")).isTrue();
    assertThat(markers.isPrivate("f/raw.jpg")).isFalse();
  }

  @Test
  void symlinkMarker_marksTheWholeFolder() throws Exception {
    Path elsewhere = Files.writeString(root.resolve("f/sub/list.txt"), "nothing.jpg\n");
    Files.createSymbolicLink(root.resolve("f/.private"), elsewhere);
    assertFailsClosed("symbolic link");
  }

  @Test
  void directoryMarker_marksTheWholeFolder() throws Exception {
    Files.createDirectories(root.resolve("f/.private"));
    assertFailsClosed("not a regular file");
  }

  @Test
  void oversizedMarker_marksTheWholeFolder() throws Exception {
    StringBuilder text = new StringBuilder("nothing.jpg\n");
    while (text.length() <= 64 * 1024) {
      text.append("# padding padding padding padding padding padding\n");
    }
    text.append("secret.jpg\n");
    marker("f", text.toString());
    assertFailsClosed("larger than");
  }

  @Test
  void notUtf8_marksTheWholeFolder() throws Exception {
    marker("f", new byte[] {'n', 'o', (byte) 0xFF, '.', 'j', 'p', 'g', '\n'});
    assertFailsClosed("not UTF-8");
  }

  @Test
  void unreadable_marksTheWholeFolder() throws Exception {
    marker("f", "nothing.jpg\n");
    Path file = root.resolve("f/.private");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
    try {
      org.junit.jupiter.api.Assumptions.assumeFalse(
          Files.isReadable(file), "running as root: permissions do not stop reading");
      assertFailsClosed("cannot be read");
    } finally {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    }
  }

  @Test
  void badGlob_marksTheWholeFolder() throws Exception {
    marker("f", "nothing.jpg\n[unclosed\n");
    assertFailsClosed("glob");
  }

  @Test
  void warning_isLoggedOncePerProblem_andAFixTakesEffect() throws Exception {
    Files.createDirectories(root.resolve("f/.private"));
    for (int i = 0; i < 5; i++) {
      clock.advance(Duration.ofSeconds(2));
      assertThat(markers.isPrivate("f/public.jpg")).isTrue();
    }
    assertThat(warnings).hasSize(1);
    Files.delete(root.resolve("f/.private"));
    marker("f", "secret.jpg\n");
    clock.advance(Duration.ofSeconds(2));
    assertThat(markers.isPrivate("f/public.jpg")).isFalse();
    assertThat(markers.isPrivate("f/secret.jpg")).isTrue();
  }

  private void assertFailsClosed(String problem) {
    assertThat(markers.isPrivate("f/public.jpg")).as("the whole folder is private").isTrue();
    assertThat(markers.isPrivate("f/sub/deeper.jpg")).isTrue();
    assertThat(markers.isPrivate("g.jpg")).isFalse();
    assertThat(warnings).hasSize(1);
    assertThat(warnings.get(0).getMessage()).contains(problem).contains("'f'");
  }

  @Test
  void aPathsAnswer_isNeverStalerThanTheMarkersItCameFrom() throws Exception {
    // The root's marker is read at t=0 (for f/a.jpg); f/b.jpg is first asked at t=500 ms, from
    // that same reading. A marker written at t=600 must count for f/b.jpg at t=900, not t=1400.
    assertThat(markers.isPrivate("f/a.jpg")).isFalse();
    clock.advance(Duration.ofMillis(500));
    assertThat(markers.isPrivate("f/b.jpg")).isFalse();
    clock.advance(Duration.ofMillis(100));
    marker("", "f/b.jpg\n");
    assertThat(markers.isPrivate("f/b.jpg")).as("within the freshness").isFalse();
    clock.advance(Duration.ofMillis(PrivateMarkers.FRESHNESS_MILLIS - 600));
    assertThat(markers.isPrivate("f/b.jpg")).isTrue();
    assertThat(markers.isPrivate("f/a.jpg")).isFalse();
  }
}
