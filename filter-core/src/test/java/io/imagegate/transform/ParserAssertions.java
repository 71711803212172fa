package io.imagegate.transform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imagegate.failure.Failure;
import io.imagegate.failure.ImageGateException;
import io.imagegate.limits.Limits;
import io.imagegate.transform.model.Step;
import java.util.Map;

/** Shared helpers: a default parser and the "400 naming these words" assertion. */
public final class ParserAssertions {
  public static final TransformationParser DEFAULT =
      new TransformationParser(Map.of(), Limits.defaults());

  private ParserAssertions() {}

  public static Transformation parse(String raw) {
    return DEFAULT.parse(raw);
  }

  public static Step step(String raw) {
    Transformation t = DEFAULT.parse(raw);
    assertThat(t.steps()).hasSize(1);
    return t.steps().get(0);
  }

  /** Asserts a 400 bad_transformation whose message contains every fragment. */
  public static void assertRejected(TransformationParser parser, String raw, String... fragments) {
    assertThatThrownBy(() -> parser.parse(raw))
        .isInstanceOfSatisfying(
            ImageGateException.class,
            e -> {
              assertThat(e.failure()).isEqualTo(Failure.BAD_TRANSFORMATION);
              for (String fragment : fragments) {
                assertThat(e.getMessage()).contains(fragment);
              }
            });
  }

  public static void assertRejected(String raw, String... fragments) {
    assertRejected(DEFAULT, raw, fragments);
  }
}
