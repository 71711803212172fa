package io.imagegate.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imagegate.failure.Failure;
import io.imagegate.failure.ImageGateException;
import io.imagegate.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Confinement to the root, the same 404 for everything hidden, identities and formats. */
class SourceResolverTest {
  @TempDir Path tmp;
  Path root;
  SourceResolver resolver;

  @BeforeEach
  void layOut() throws Exception {
    root = Files.createDirectories(tmp.resolve("images")).toRealPath();
    Fixtures.write(root.resolve("food/a.jpg"), Fixtures.jpeg(10, 8));
    Fixtures.write(root.resolve("notes.txt"), "text".getBytes());
    Fixtures.write(root.resolve(".hidden/x.jpg"), Fixtures.jpeg(4, 4));
    Fixtures.write(root.resolve("WEB-INF/w.jpg"), Fixtures.jpeg(4, 4));
    Fixtures.write(root.resolve("meta-inf/m.jpg"), Fixtures.jpeg(4, 4));
    Fixtures.write(tmp.resolve("images-private/p.jpg"), Fixtures.jpeg(4, 4));
    Fixtures.write(tmp.resolve("outside.jpg"), Fixtures.jpeg(4, 4));
    Files.createSymbolicLink(root.resolve("out.jpg"), tmp.resolve("outside.jpg"));
    Files.createSymbolicLink(root.resolve("passwd.jpg"), Path.of("/etc/passwd"));
    Files.createSymbolicLink(root.resolve("sibling"), tmp.resolve("images-private"));
    Files.createSymbolicLink(root.resolve("to-hidden.jpg"), root.resolve(".hidden/x.jpg"));
    Files.createSymbolicLink(root.resolve("to-webinf.jpg"), root.resolve("WEB-INF/w.jpg"));
    Files.createSymbolicLink(root.resolve("alias.jpg"), root.resolve("food/a.jpg"));
    Files.createSymbolicLink(root.resolve("loop.jpg"), root.resolve("loop.jpg"));
    resolver = new SourceResolver(root);
  }

  @Test
  void resolve_findsAFileWithItsRootRelativeIdentity() {
    Source source = resolver.resolve("food/a.jpg");
    assertThat(source.format()).isEqualTo(ImageFormat.JPEG);
    assertThat(source.identity()).isEqualTo("food/a.jpg");
    assertThat(source.realPath()).isEqualTo(root.resolve("food/a.jpg"));
  }

  @Test
  void symlinkInsideTheRoot_isIdentifiedByItsTarget() {
    assertThat(resolver.resolve("alias.jpg").identity()).isEqualTo("food/a.jpg");
  }

  @Test
  void nonImage_isResolvedWithoutAFormat() {
    assertThat(resolver.resolve("notes.txt").isImage()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "missing.jpg",
        "food",
        "out.jpg",
        "passwd.jpg",
        "sibling/p.jpg",
        "to-hidden.jpg",
        ".hidden/x.jpg",
        "to-webinf.jpg",
        "WEB-INF/w.jpg",
        "meta-inf/m.jpg",
        "loop.jpg",
        "../outside.jpg",
        "food/../../outside.jpg"
      })
  void hiddenOrOutside_isTheSame404(String path) {
    assertThatThrownBy(() -> resolver.resolve(path))
        .isInstanceOfSatisfying(
            ImageGateException.class, e -> assertThat(e.failure()).isEqualTo(Failure.NOT_FOUND));
  }

  @Test
  void etag_holdsNoAbsolutePathAndIsTheSameUnderAnotherRoot() throws Exception {
    Source here = resolver.resolve("food/a.jpg");
    Path otherRoot = Files.createDirectories(tmp.resolve("elsewhere/copy")).toRealPath();
    Path copy =
        Fixtures.write(otherRoot.resolve("food/a.jpg"), Files.readAllBytes(here.realPath()));
    Files.setLastModifiedTime(copy, FileTime.from(here.lastModified()));
    Source there = new SourceResolver(otherRoot).resolve("food/a.jpg");
    assertThat(here.etag()).isEqualTo(there.etag());
    assertThat(here.etag())
        .doesNotContain(Integer.toHexString(here.realPath().hashCode()))
        .doesNotContain(Integer.toHexString(root.hashCode()))
        .matches("\"o[0-9a-f]{24}\"");
  }

  @Test
  void etag_changesWithTheVersion() throws Exception {
    String before = resolver.resolve("food/a.jpg").etag();
    Files.setLastModifiedTime(
        root.resolve("food/a.jpg"), FileTime.from(Instant.parse("2001-01-01T00:00:00Z")));
    assertThat(resolver.resolve("food/a.jpg").etag()).isNotEqualTo(before);
  }

  @Test
  void svgAfterALongProlog_isRecognised() throws Exception {
    String svg =
        "<?xml version=\"1.0\"?>\n<!-- "
            + "x".repeat(5000)
            + " -->\n<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>";
    Fixtures.write(root.resolve("long.svg"), svg.getBytes());
    assertThat(resolver.resolve("long.svg").format()).isEqualTo(ImageFormat.SVG);
  }

  @Test
  void withAClock_answersAreReusedForUnderASecond_andNeverLonger() throws Exception {
    io.imagegate.testing.MutableClock clock =
        new io.imagegate.testing.MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    SourceResolver cached = new SourceResolver(root, clock);
    Path file = root.resolve("food/a.jpg");
    Source first = cached.resolve("food/a.jpg");
    assertThatThrownBy(() -> cached.resolve("food/new.jpg")).isInstanceOf(ImageGateException.class);

    Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2001-01-01T00:00:00Z")));
    Fixtures.write(root.resolve("food/new.jpg"), Fixtures.jpeg(4, 4));
    clock.advance(SourceResolver.FRESHNESS.minusMillis(1));
    assertThat(cached.resolve("food/a.jpg")).as("within the freshness").isEqualTo(first);
    assertThatThrownBy(() -> cached.resolve("food/new.jpg")).isInstanceOf(ImageGateException.class);

    clock.advance(Duration.ofMillis(1));
    assertThat(cached.resolve("food/a.jpg").lastModified())
        .isEqualTo(Instant.parse("2001-01-01T00:00:00Z"));
    assertThat(cached.resolve("food/new.jpg").size()).isPositive();

    Files.delete(file);
    clock.advance(SourceResolver.FRESHNESS);
    assertThatThrownBy(() -> cached.resolve("food/a.jpg"))
        .isInstanceOf(ImageGateException.class)
        .satisfies(e -> assertThat(((ImageGateException) e).failure().status()).isEqualTo(404));
  }
}
