package io.imagegate.transform.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.imagegate.failure.Failure;
import io.imagegate.failure.ImageGateException;
import io.imagegate.limits.Limits;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Hostile, lying and broken sources are refused with their documented 415/422, never worse. */
class HostileDecodeTest {
  @TempDir Path dir;

  static List<HostileFixtures.Hostile> hostile() {
    return HostileFixtures.all();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostile")
  void decode_givesDocumentedOutcome(HostileFixtures.Hostile fixture) {
    Path file = CodecFixtures.write(dir, fixture.name(), fixture.bytes());

    String outcome;
    String message;
    try {
      DecodedImage decoded = ImageCodecs.decode(file, Limits.defaults());
      outcome = HostileFixtures.outcome(decoded);
      message = decoded.image().getWidth() + "x" + decoded.image().getHeight();
    } catch (ImageGateException refusal) {
      outcome = HostileFixtures.outcome(refusal);
      message = refusal.getMessage();
    }

    assertThat(outcome).isEqualTo(fixture.expected());
    assertThat(message).contains(fixture.message()).doesNotContain(dir.toString());
  }

  /**
   * The fixtures per category. The tests below select fixtures by their outcome or message text; a
   * fixture renamed or reworded out of its category fails here instead of silently dropping out of
   * the tests that select it.
   */
  @Test
  void fixtures_perCategory() {
    Map<String, Long> byCategory =
        HostileFixtures.all().stream()
            .collect(
                Collectors.groupingBy(
                    f -> f.expected().startsWith("OK ") ? "OK" : f.expected(),
                    TreeMap::new,
                    Collectors.counting()));
    assertThat(byCategory)
        .containsExactly(
            entry(HostileFixtures.UNSUPPORTED, 7L),
            entry(HostileFixtures.UNPROCESSABLE, 17L),
            entry("OK", 3L));
    assertThat(headerPixelLimitFixtures()).hasSize(7);
    assertThat(HostileFixtures.all().stream().map(HostileFixtures.Hostile::name).distinct())
        .as("names are unique (the child JVM reports by name)")
        .hasSize(27);
  }

  /** Refused from the header for their pixel count, before any pixel is decoded. */
  private static List<HostileFixtures.Hostile> headerPixelLimitFixtures() {
    return HostileFixtures.all().stream()
        .filter(f -> f.message().startsWith("the source is ") && f.message().contains("pixels"))
        .toList();
  }

  /** Header-level refusals come from probe as well, which never touches pixel data. */
  @Test
  void probe_refusesLyingHeadersLikeDecode() {
    List<HostileFixtures.Hostile> lying = headerPixelLimitFixtures();
    assertThat(lying).as("the header-limit category (see fixtures_perCategory)").hasSize(7);
    for (HostileFixtures.Hostile fixture : lying) {
      Path file = CodecFixtures.write(dir, fixture.name(), fixture.bytes());
      assertThatThrownBy(() -> ImageCodecs.probe(file, Limits.defaults()))
          .as(fixture.name())
          .isInstanceOf(ImageGateException.class)
          .hasMessageContaining(fixture.message());
    }
  }

  @Test
  void decode_refusesFileAboveByteLimit() {
    Path file =
        CodecFixtures.write(dir, "q.png", CodecFixtures.jdkEncode(CodecFixtures.upright(), "png"));
    long size = file.toFile().length();

    assertThatThrownBy(
            () ->
                ImageCodecs.decode(
                    file,
                    Limits.defaults().withMaxSourcePixels(50_000_000).withMaxFileBytes(size - 1)))
        .isInstanceOfSatisfying(
            ImageGateException.class,
            e -> assertThat(e.failure()).isEqualTo(Failure.UNPROCESSABLE_IMAGE))
        .hasMessage("the source is %d bytes; the limit is %d", size, size - 1);
  }

  @Test
  void decode_checksPixelLimitOnUprightSize() {
    Path file =
        CodecFixtures.write(
            dir,
            "q.jpg",
            CodecFixtures.jpegWithExif(
                CodecFixtures.jdkJpeg(CodecFixtures.upright(48, 64), 0.9f),
                CodecFixtures.exifOrientation(6)));

    assertThatThrownBy(
            () ->
                ImageCodecs.decode(
                    file,
                    Limits.defaults().withMaxSourcePixels(64 * 48 - 1).withMaxFileBytes(1_000_000)))
        .hasMessage("the source is 64x48 pixels; the limit is 3071");
    assertThat(
            ImageCodecs.decode(
                    file,
                    Limits.defaults().withMaxSourcePixels(64 * 48).withMaxFileBytes(1_000_000))
                .image()
                .getWidth())
        .isEqualTo(64);
  }

  /**
   * The real proof that limits come before allocation: with a 64 MB heap, decoding any of the bombs
   * would need hundreds of megabytes to gigabytes.
   */
  @Test
  void decode_hostileFilesInSmallHeapChildJvm() throws IOException, InterruptedException {
    // The fixtures alone in their folder: the child decodes every file it finds there.
    Path fixtures = Files.createDirectories(dir.resolve("fixtures"));
    for (HostileFixtures.Hostile fixture : HostileFixtures.all()) {
      CodecFixtures.write(fixtures, fixture.name(), fixture.bytes());
    }
    Path output = dir.resolve("child.out");
    Process child =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m",
                "-Djava.awt.headless=true",
                "-cp",
                System.getProperty("java.class.path"),
                HostileDecodeMain.class.getName(),
                fixtures.toString())
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .start();
    boolean finished = child.waitFor(60, TimeUnit.SECONDS);
    if (!finished) {
      child.destroyForcibly();
    }
    String printed = Files.readString(output, StandardCharsets.UTF_8);

    assertThat(finished).as("child finished within 60 s").isTrue();
    assertThat(child.exitValue()).as(printed).isZero();
    assertThat(printed).doesNotContain("OutOfMemoryError").doesNotContain("THROWN");
    Map<String, String> outcomes =
        printed
            .lines()
            .filter(line -> line.contains("\t"))
            .collect(
                Collectors.toMap(
                    line -> line.substring(0, line.indexOf('\t')),
                    line -> line.substring(line.indexOf('\t') + 1),
                    (a, b) -> a));
    assertThat(outcomes.keySet())
        .as("one outcome per fixture")
        .containsExactlyInAnyOrderElementsOf(
            HostileFixtures.all().stream().map(HostileFixtures.Hostile::name).toList());
    for (HostileFixtures.Hostile fixture : HostileFixtures.all()) {
      // the message matters too: a bomb caught by running out of memory says so, not its size
      assertThat(outcomes.get(fixture.name()))
          .as(fixture.name())
          .startsWith(fixture.expected() + "\t")
          .contains(fixture.message());
    }
  }
}
