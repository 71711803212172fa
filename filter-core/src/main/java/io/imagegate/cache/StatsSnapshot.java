package io.imagegate.cache;

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
    long cacheMaxBytes) {

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
        .append(",\"requests\":");
    appendMap(json, requests);
    json.append(",\"denials\":");
    appendMap(json, denials);
    return json.append('}').toString();
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
