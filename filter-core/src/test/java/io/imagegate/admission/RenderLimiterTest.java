package io.imagegate.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imagegate.failure.Failure;
import io.imagegate.failure.ImageGateException;
import io.imagegate.testing.HeldRender;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Render admission: a permit per render and a budget for decoded pixels, always given back. */
class RenderLimiterTest {

  @Test
  void limiter_refusesWhenSaturated_andAlwaysReleases() throws Exception {
    RenderLimiter limiter = new RenderLimiter(1, Duration.ofMillis(100));
    HeldRender busy = HeldRender.hold(limiter, 0);
    assertThatThrownBy(() -> limiter.run(() -> "late"))
        .isInstanceOf(ImageGateException.class)
        .extracting(e -> ((ImageGateException) e).failure())
        .isEqualTo(Failure.OVERLOADED);
    busy.close();
    assertThat(limiter.available()).isEqualTo(1);
    assertThatThrownBy(
            () ->
                limiter.run(
                    () -> {
                      throw new IllegalStateException("render failed");
                    }))
        .isInstanceOf(IllegalStateException.class);
    assertThat(limiter.available()).as("a failed render frees its permit").isEqualTo(1);
  }

  @Test
  void limiter_keepsDecodedPixelsWithinTheMemoryBudget() throws Exception {
    RenderLimiter limiter = new RenderLimiter(4, Duration.ofMillis(150), 1 << 20);
    assertThatThrownBy(() -> limiter.run(2 << 20, () -> "never"))
        .isInstanceOf(ImageGateException.class)
        .extracting(e -> ((ImageGateException) e).failure())
        .isEqualTo(Failure.UNPROCESSABLE_IMAGE);
    try (HeldRender big = HeldRender.hold(limiter, 700 << 10)) {
      assertThat(limiter.run(100 << 10, () -> "small fits")).isEqualTo("small fits");
      assertThatThrownBy(() -> limiter.run(700 << 10, () -> "too much at once"))
          .isInstanceOf(ImageGateException.class)
          .extracting(e -> ((ImageGateException) e).failure())
          .isEqualTo(Failure.OVERLOADED);
      assertThat(limiter.available()).as("the refused render gave its slot back").isEqualTo(3);
    }
    assertThat(limiter.availableBytes()).isEqualTo(1 << 20);
  }
}
