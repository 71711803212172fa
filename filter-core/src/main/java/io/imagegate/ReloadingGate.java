package io.imagegate;

import io.imagegate.config.ConfigException;
import io.imagegate.config.FileWatch;
import io.imagegate.config.ImageGateSettings;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The current {@link ImageGate}, rebuilt when the files its settings came from change (the {@code
 * config-file} and the {@code file:} key files). There is no watcher thread that could outlive the
 * filter: the first request at least {@link #CHECK_INTERVAL} after the last look compares the
 * files' {@link FileWatch.Stamp stamps}. A change is taken once it has held still for one interval
 * (so a file caught half-written is never loaded), which puts new settings in force within two
 * intervals. The new settings are parsed and validated whole, a new gate is built from them, and
 * one atomic swap puts it in place: a request that has taken the old gate finishes on it, with old
 * settings throughout. A file that fails to parse or validate leaves the old gate in place and logs
 * one line naming the key; reloads and refusals are counted in the statistics.
 */
final class ReloadingGate {
  private static final System.Logger LOG = System.getLogger(ImageGate.class.getName());

  /** How often, at most, the files are looked at. */
  static final Duration CHECK_INTERVAL = Duration.ofSeconds(1);

  /** What is in force: a gate and the stamps of the files its settings were read from. */
  private record Loaded(ImageGate gate, Map<Path, FileWatch.Stamp> stamps) {}

  /** Reads the settings (again) and builds a gate from them. */
  @FunctionalInterface
  interface Builder {
    /**
     * @param previous the gate in force, or null at start-up
     * @throws ConfigException naming the first bad key
     */
    ImageGate build(ImageGate previous);
  }

  private final Supplier<List<Path>> files;
  private final Builder builder;
  private final FileWatch watch;
  private final Clock clock;
  private final Consumer<ImageGate> onSwap;
  private final AtomicReference<Loaded> current;
  private final AtomicLong nextCheck;
  private Map<Path, FileWatch.Stamp> pending;

  private ReloadingGate(
      Supplier<List<Path>> files,
      Builder builder,
      FileWatch watch,
      Clock clock,
      Consumer<ImageGate> onSwap) {
    this.files = files;
    this.builder = builder;
    this.watch = watch;
    this.clock = clock;
    this.onSwap = onSwap;
    // Stamped before reading: a change made while reading shows as a change at the next look.
    Map<Path, FileWatch.Stamp> stamps = stamps(files.get());
    this.current = new AtomicReference<>(new Loaded(builder.build(null), stamps));
    this.nextCheck = new AtomicLong(clock.millis() + CHECK_INTERVAL.toMillis());
  }

  /**
   * Builds the first gate and watches its files.
   *
   * @param files the files the settings are read from; asked again at each reload (a new
   *     configuration may name other key files)
   * @param builder reads the settings and builds a gate (from {@code null} at start-up)
   * @param watch how a file's stamp is read
   * @param clock when to look again
   * @param onSwap told of every new gate once it is in place (to publish a new signer)
   * @throws ConfigException if the first settings are invalid
   */
  static ReloadingGate start(
      Supplier<List<Path>> files,
      Builder builder,
      FileWatch watch,
      Clock clock,
      Consumer<ImageGate> onSwap) {
    return new ReloadingGate(files, builder, watch, clock, onSwap);
  }

  /** A gate that is never reloaded (settings given in code). */
  static ReloadingGate fixed(ImageGate gate) {
    return new ReloadingGate(
        List::of, previous -> gate, file -> FileWatch.Stamp.MISSING, Clock.systemUTC(), g -> {});
  }

  /**
   * The gate for one request: take it once and use it for the whole request. Looks at the files
   * first when an interval has passed; one request does, the others go on with the gate in force.
   */
  ImageGate current() {
    Loaded loaded = current.get();
    if (loaded.stamps().isEmpty()) {
      return loaded.gate();
    }
    long now = clock.millis();
    long next = nextCheck.get();
    if (now >= next && nextCheck.compareAndSet(next, now + CHECK_INTERVAL.toMillis())) {
      check();
    }
    return current.get().gate();
  }

  /** Compares the stamps, and reloads a change that has held still since the last look. */
  private synchronized void check() {
    Loaded loaded = current.get();
    Map<Path, FileWatch.Stamp> observed = stamps(List.copyOf(loaded.stamps().keySet()));
    if (observed.equals(loaded.stamps())) {
      pending = null;
      return;
    }
    if (!observed.equals(pending)) {
      // Changed since the last look: perhaps still being written. Take it once it holds still.
      pending = observed;
      return;
    }
    pending = null;
    reload(loaded, observed);
  }

  private void reload(Loaded loaded, Map<Path, FileWatch.Stamp> observed) {
    ImageGate old = loaded.gate();
    Map<Path, FileWatch.Stamp> stamps = observed;
    try {
      stamps = stamps(files.get());
      ImageGate next = builder.build(old);
      current.set(new Loaded(next, stamps));
      next.counters().recordReload();
      LOG.log(Level.INFO, () -> "imagegate: settings reloaded from " + loaded.stamps().keySet());
      onSwap.accept(next);
    } catch (ConfigException e) {
      refuse(loaded, merged(observed, stamps), e.getMessage());
    } catch (RuntimeException e) {
      refuse(loaded, merged(observed, stamps), "reload failed: " + e.getClass().getName());
    }
  }

  /** Keeps the old gate; remembers the stamps so that the same bad file is not read again. */
  private void refuse(Loaded loaded, Map<Path, FileWatch.Stamp> stamps, String error) {
    current.set(new Loaded(loaded.gate(), stamps));
    loaded.gate().counters().recordReloadFailure(error);
    LOG.log(
        Level.WARNING,
        () -> "imagegate: reload refused, the previous settings stay in force: " + error);
  }

  private static Map<Path, FileWatch.Stamp> merged(
      Map<Path, FileWatch.Stamp> a, Map<Path, FileWatch.Stamp> b) {
    Map<Path, FileWatch.Stamp> all = new LinkedHashMap<>(a);
    all.putAll(b);
    return all;
  }

  private Map<Path, FileWatch.Stamp> stamps(List<Path> paths) {
    Map<Path, FileWatch.Stamp> stamps = new LinkedHashMap<>();
    for (Path path : paths) {
      stamps.put(path, Objects.requireNonNull(watch.stamp(path), "stamp"));
    }
    return stamps;
  }

  /** The settings in force. */
  ImageGateSettings settings() {
    return current.get().gate().settings();
  }
}
