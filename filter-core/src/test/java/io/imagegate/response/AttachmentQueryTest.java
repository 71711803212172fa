package io.imagegate.response;

import static org.assertj.core.api.Assertions.assertThat;

import io.imagegate.testing.Fixtures;
import io.imagegate.testing.RawHttp;
import io.imagegate.testing.TestGate;
import io.imagegate.testing.TestServer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ik-attachment} is looked for in the raw query before the container is asked to parse it:
 * the shortcut must not miss the parameter however the query spells it.
 */
class AttachmentQueryTest {
  @TempDir Path root;

  @Test
  void theParameter_isFoundPlainOrEscaped_andNothingElseCounts() throws Exception {
    Fixtures.write(root.resolve("a.jpg"), Fixtures.jpeg(20, 10));
    try (TestServer server = new TestServer(TestGate.settings(root).build())) {
      for (String query :
          new String[] {"ik-attachment=true", "ik%2Dattachment=true", "x=1&ik-attachment=true"}) {
        assertThat(RawHttp.get(server.port(), "/img/a.jpg?" + query).header("Content-Disposition"))
            .as(query)
            .isEqualTo("attachment; filename=\"a.jpg\"");
      }
      for (String query : new String[] {"x=1", "ik-attachment=false", "x=%41"}) {
        assertThat(RawHttp.get(server.port(), "/img/a.jpg?" + query).header("Content-Disposition"))
            .as(query)
            .isNull();
      }
      assertThat(RawHttp.get(server.port(), "/img/a.jpg").header("Content-Disposition")).isNull();
    }
  }
}
