package io.imagegate.response;

import static org.assertj.core.api.Assertions.assertThat;

import io.imagegate.testing.Fixtures;
import io.imagegate.testing.RawHttp;
import io.imagegate.testing.RawHttp.Response;
import io.imagegate.testing.TestGate;
import io.imagegate.testing.TestServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 5 MB original on Jetty goes through Jetty's own content path from a file channel ({@link
 * FileBody.Way#JETTY_CHANNEL}), whole and as a range, with exactly the file's bytes; a small one
 * through the stream.
 */
class LargeOriginalTest {
  @TempDir Path root;
  byte[] large;
  byte[] small;
  TestServer server;
  final List<String> logged = new ArrayList<>();
  final Logger logger = Logger.getLogger(FileBody.class.getName());
  final Handler capture =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          logged.add(record.getMessage());
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  @BeforeEach
  void start() throws Exception {
    logger.addHandler(capture);
    large = largeJpeg(5 * 1024 * 1024);
    small = Fixtures.jpeg(40, 30);
    Fixtures.write(root.resolve("large.jpg"), large);
    Fixtures.write(root.resolve("small.jpg"), small);
    server = new TestServer(TestGate.settings(root).build());
  }

  @AfterEach
  void stop() {
    server.close();
    logger.removeHandler(capture);
  }

  /** A real JPEG header (the format comes from the bytes) followed by incompressible noise. */
  static byte[] largeJpeg(int size) {
    byte[] head = Fixtures.jpeg(64, 48);
    byte[] bytes = Arrays.copyOf(head, size);
    byte[] noise = new byte[size - head.length];
    new Random(12).nextBytes(noise);
    System.arraycopy(noise, 0, bytes, head.length, noise.length);
    return bytes;
  }

  @Test
  void wholeFile_isSentByJettysContentPath() throws Exception {
    Response r = RawHttp.get(server.port(), "/img/large.jpg");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.header("Content-Length")).isEqualTo(String.valueOf(large.length));
    assertThat(r.body()).isEqualTo(large);
    assertThat(logged).anyMatch(m -> m.contains("Jetty's own content path"));
    assertThat(logged).noneMatch(m -> m.contains("output stream"));
  }

  @Test
  void ranges_areExactlyTheirBytes() throws Exception {
    Response middle = RawHttp.get(server.port(), "/img/large.jpg", "Range: bytes=1000000-3999999");
    assertThat(middle.status()).isEqualTo(206);
    assertThat(middle.header("Content-Range")).isEqualTo("bytes 1000000-3999999/" + large.length);
    assertThat(middle.body()).isEqualTo(Arrays.copyOfRange(large, 1_000_000, 4_000_000));

    Response tail = RawHttp.get(server.port(), "/img/large.jpg", "Range: bytes=-70000");
    assertThat(tail.status()).isEqualTo(206);
    assertThat(tail.body())
        .isEqualTo(Arrays.copyOfRange(large, large.length - 70_000, large.length));

    Response head = RawHttp.send(server.port(), "HEAD", "/img/large.jpg");
    assertThat(head.header("Content-Length")).isEqualTo(String.valueOf(large.length));
    assertThat(head.body()).isEmpty();
  }

  @Test
  void smallFile_goesThroughTheStream() throws Exception {
    Response r = RawHttp.get(server.port(), "/img/small.jpg");
    assertThat(r.body()).isEqualTo(small);
    assertThat(logged).anyMatch(m -> m.contains("output stream"));
    assertThat(logged).noneMatch(m -> m.contains("Jetty"));
  }
}
