package io.imagegate.metrics;

import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.function.Supplier;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/** Publishes a filter's statistics as a JMX MXBean; every read takes a fresh snapshot. */
public final class ImageGateStats implements ImageGateStatsMXBean {
  private static final System.Logger LOG = System.getLogger(ImageGateStats.class.getName());

  private final Supplier<StatsSnapshot> snapshots;

  /**
   * @param snapshots where snapshots come from ({@code gate::stats})
   */
  public ImageGateStats(Supplier<StatsSnapshot> snapshots) {
    this.snapshots = snapshots;
  }

  /**
   * Registers the bean as {@code io.imagegate:type=ImageGate,context=<context path>,name=<filter
   * name>}, adding {@code instance=N} when that name is taken; a JVM without JMX only logs.
   *
   * @return the name it was registered under, or null
   */
  public ObjectName register(String contextPath, String filterName) {
    try {
      MBeanServer server = ManagementFactory.getPlatformMBeanServer();
      String base =
          "io.imagegate:type=ImageGate,context="
              + ObjectName.quote(contextPath.isEmpty() ? "/" : contextPath)
              + ",name="
              + ObjectName.quote(filterName);
      ObjectName name = ObjectName.getInstance(base);
      for (int instance = 2; server.isRegistered(name); instance++) {
        name = ObjectName.getInstance(base + ",instance=" + instance);
      }
      server.registerMBean(this, name);
      return name;
    } catch (JMException | SecurityException e) {
      LOG.log(
          System.Logger.Level.WARNING,
          () -> "statistics not published over JMX: " + e.getClass().getSimpleName());
      return null;
    }
  }

  /** Removes a registration made by {@link #register}. */
  public static void unregister(ObjectName name) {
    if (name == null) {
      return;
    }
    try {
      ManagementFactory.getPlatformMBeanServer().unregisterMBean(name);
    } catch (JMException | SecurityException e) {
      // Already gone.
    }
  }

  /**
   * Binds the statistics to Micrometer's global registry when Micrometer is on the classpath, with
   * the filter's context path and name as tags; otherwise does nothing. (This class never names a
   * Micrometer type, so it loads without it.)
   *
   * @return what removes the meters again (on the filter's destroy)
   */
  public static Runnable bindToMicrometerIfPresent(
      Supplier<StatsSnapshot> snapshots, String contextPath, String filterName) {
    try {
      Class.forName(
          "io.micrometer.core.instrument.Metrics", false, ImageGateStats.class.getClassLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      return () -> {};
    }
    return MicrometerBridge.bind(snapshots, contextPath, filterName);
  }

  @Override
  public Map<String, Long> getRequests() {
    return snapshots.get().requests();
  }

  @Override
  public Map<String, Long> getDenials() {
    return snapshots.get().denials();
  }

  @Override
  public long getRenders() {
    return snapshots.get().renders();
  }

  @Override
  public long getRenderMillis() {
    return snapshots.get().renderMillis();
  }

  @Override
  public long getCacheHits() {
    return snapshots.get().cacheHits();
  }

  @Override
  public long getCacheMisses() {
    return snapshots.get().cacheMisses();
  }

  @Override
  public long getCacheEvictions() {
    return snapshots.get().cacheEvictions();
  }

  @Override
  public long getCacheBytes() {
    return snapshots.get().cacheBytes();
  }

  @Override
  public long getReloads() {
    return snapshots.get().reloads();
  }

  @Override
  public long getReloadFailures() {
    return snapshots.get().reloadFailures();
  }

  @Override
  public String getLastReloadError() {
    return snapshots.get().lastReloadError();
  }
}
