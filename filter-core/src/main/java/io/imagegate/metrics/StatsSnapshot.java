package io.imagegate.metrics;

import java.util.Map;

/**
 * A point-in-time copy of the counters, for {@code /stats}, JMX and Micrometer.
 *
 * @param requests requests by outcome (lower-case names)
 * @param denials refusals by stable error code
 * @param renders variants rendered
 * @param renderMillis total time spent rendering
 * @param cacheHits result-cache hits
 * @param cacheMisses result-cache misses
 * @param cacheEvictions entries evicted for size
 * @param cacheBytes bytes held now
 * @param cacheEntries entries held now
 * @param cacheMaxBytes the bound
 * @param reloads configuration reloads that took effect
 * @param reloadFailures reloads refused because the new configuration was invalid
 * @param lastReloadError the message of the last refused reload (naming the key), or empty
 */
public record StatsSnapshot(
    Map<String, Long> requests,
    Map<String, Long> denials,
    long renders,
    long renderMillis,
    long cacheHits,
    long cacheMisses,
    long cacheEvictions,
    long cacheBytes,
    long cacheEntries,
    long cacheMaxBytes,
    long reloads,
    long reloadFailures,
    String lastReloadError) {

  /** A snapshot without reload counters (settings that are not reloaded). */
  public StatsSnapshot(
      Map<String, Long> requests,
      Map<String, Long> denials,
      long renders,
      long renderMillis,
      long cacheHits,
      long cacheMisses,
      long cacheEvictions,
      long cacheBytes,
      long cacheEntries,
      long cacheMaxBytes) {
    this(
        requests,
        denials,
        renders,
        renderMillis,
        cacheHits,
        cacheMisses,
        cacheEvictions,
        cacheBytes,
        cacheEntries,
        cacheMaxBytes,
        0,
        0,
        "");
  }

  /** The snapshot as a JSON object. */
  public String toJson() {
    StringBuilder json = new StringBuilder("{");
    json.append("\"renders\":")
        .append(renders)
        .append(",\"renderMillis\":")
        .append(renderMillis)
        .append(",\"cacheHits\":")
        .append(cacheHits)
        .append(",\"cacheMisses\":")
        .append(cacheMisses)
        .append(",\"cacheEvictions\":")
        .append(cacheEvictions)
        .append(",\"cacheBytes\":")
        .append(cacheBytes)
        .append(",\"cacheEntries\":")
        .append(cacheEntries)
        .append(",\"cacheMaxBytes\":")
        .append(cacheMaxBytes)
        .append(",\"reloads\":")
        .append(reloads)
        .append(",\"reloadFailures\":")
        .append(reloadFailures)
        .append(",\"lastReloadError\":");
    appendString(json, lastReloadError);
    json.append(",\"requests\":");
    appendMap(json, requests);
    json.append(",\"denials\":");
    appendMap(json, denials);
    return json.append('}').toString();
  }

  private static void appendString(StringBuilder json, String text) {
    json.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"' || c == '\\') {
        json.append('\\').append(c);
      } else if (c < 0x20) {
        json.append(String.format("\\u%04x", (int) c));
      } else {
        json.append(c);
      }
    }
    json.append('"');
  }

  private static void appendMap(StringBuilder json, Map<String, Long> map) {
    json.append('{');
    boolean first = true;
    for (Map.Entry<String, Long> entry : map.entrySet()) {
      if (!first) {
        json.append(',');
      }
      first = false;
      json.append('"').append(entry.getKey()).append("\":").append(entry.getValue());
    }
    json.append('}');
  }
}
