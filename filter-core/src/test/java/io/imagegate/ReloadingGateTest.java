package io.imagegate;

import static org.assertj.core.api.Assertions.assertThat;

import io.imagegate.config.ConfigException;
import io.imagegate.config.FileWatch;
import io.imagegate.testing.MutableClock;
import io.imagegate.testing.TestGate;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reload rhythm with a fake file watch and an injected clock: how often the files are looked
 * at, when a change is taken, and what a refused reload leaves in place.
 */
class ReloadingGateTest {
  static final Path FILE = Path.of("/config/imagegate.properties");

  @TempDir Path root;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final Map<Path, FileWatch.Stamp> disk = new ConcurrentHashMap<>();
  private final AtomicInteger looks = new AtomicInteger();
  private final AtomicInteger builds = new AtomicInteger();
  private volatile boolean broken;

  private ReloadingGate start() {
    disk.put(FILE, new FileWatch.Stamp(1, 10, "inode"));
    FileWatch watch =
        file -> {
          looks.incrementAndGet();
          return disk.getOrDefault(file, FileWatch.Stamp.MISSING);
        };
    return ReloadingGate.start(
        () -> List.of(FILE),
        previous -> {
          if (broken) {
            throw new ConfigException("limits.max-steps: 'x' is not a whole number");
          }
          builds.incrementAndGet();
          return new ImageGate(TestGate.settings(root).clock(clock).build(), "/img", previous);
        },
        watch,
        clock,
        gate -> {});
  }

  private void write(long modified) {
    disk.put(FILE, new FileWatch.Stamp(modified, 10, "inode"));
  }

  @Test
  void theFilesAreLookedAtAtMostOnceASecond_whateverTheRequestRate() {
    ReloadingGate gates = start();
    int afterStart = looks.get();
    for (int i = 0; i < 1000; i++) {
      gates.current();
      clock.advance(Duration.ofMillis(5));
    }
    // A thousand requests over 5 s (the last at 4.995 s): looks at 1, 2, 3 and 4 s only.
    assertThat(looks.get() - afterStart).isEqualTo(4);
    assertThat(builds.get()).isEqualTo(1);
  }

  @Test
  void aChangeIsTakenOnceItHeldStillForOneLook_andStatisticsCarryOver() {
    ReloadingGate gates = start();
    ImageGate first = gates.current();
    write(2);
    clock.advance(Duration.ofSeconds(1));
    assertThat(gates.current()).as("seen changing").isSameAs(first);
    write(3);
    clock.advance(Duration.ofSeconds(1));
    assertThat(gates.current()).as("still changing").isSameAs(first);
    clock.advance(Duration.ofSeconds(1));
    ImageGate second = gates.current();
    assertThat(second).as("held still").isNotSameAs(first);
    assertThat(second.stats().reloads()).isEqualTo(1);
    assertThat(second.counters()).isSameAs(first.counters());
    clock.advance(Duration.ofSeconds(5));
    assertThat(gates.current()).as("no change, no reload").isSameAs(second);
  }

  @Test
  void aRefusedReload_keepsTheGate_andIsNotRetriedUntilTheFileChangesAgain() {
    ReloadingGate gates = start();
    ImageGate first = gates.current();
    broken = true;
    write(2);
    for (int i = 0; i < 10; i++) {
      clock.advance(Duration.ofSeconds(1));
      assertThat(gates.current()).isSameAs(first);
    }
    assertThat(first.stats().reloadFailures()).isEqualTo(1);
    assertThat(first.stats().lastReloadError()).startsWith("limits.max-steps:");
    broken = false;
    write(3);
    clock.advance(Duration.ofSeconds(1));
    gates.current();
    clock.advance(Duration.ofSeconds(1));
    assertThat(gates.current()).isNotSameAs(first);
    assertThat(gates.current().stats().reloads()).isEqualTo(1);
    assertThat(gates.current().stats().reloadFailures()).isEqualTo(1);
  }
}
