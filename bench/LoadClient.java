import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * A bounded load client for bench/scaleout.sh: {@code java bench/LoadClient.java URLS CLIENTS
 * SECONDS [Header: value ...]}. Sends every line of the file URLS once, in the file's order, from
 * CLIENTS concurrent clients (each one request at a time, keep-alive), and stops at the deadline of
 * SECONDS whatever is left. Prints one line of key=value: requests sent and answered, wall time,
 * requests/s, p50 and p99 latency, status counts and the counts of the proxy's X-Cache-Status.
 */
public final class LoadClient {
  public static void main(String[] args) throws Exception {
    if (args.length < 3) {
      System.err.println("usage: java LoadClient.java URLS CLIENTS SECONDS [Header: value ...]");
      System.exit(2);
    }
    List<String> urls = Files.readAllLines(Path.of(args[0])).stream().filter(s -> !s.isBlank()).toList();
    int clients = Integer.parseInt(args[1]);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(Long.parseLong(args[2]));
    List<String[]> headers = new ArrayList<>();
    for (int i = 3; i < args.length; i++) {
      int colon = args[i].indexOf(':');
      headers.add(new String[] {args[i].substring(0, colon).trim(), args[i].substring(colon + 1).trim()});
    }
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .executor(Executors.newFixedThreadPool(2))
            .build();
    long[] latencies = new long[urls.size()];
    Arrays.fill(latencies, -1);
    AtomicInteger next = new AtomicInteger();
    Map<String, LongAdder> statuses = new ConcurrentHashMap<>();
    Map<String, LongAdder> cache = new ConcurrentHashMap<>();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    long start = System.nanoTime();
    for (int c = 0; c < clients; c++) {
      pool.execute(
          () -> {
            for (int i = next.getAndIncrement(); i < urls.size(); i = next.getAndIncrement()) {
              long left = deadline - System.nanoTime();
              if (left <= 0) {
                return;
              }
              HttpRequest.Builder request =
                  HttpRequest.newBuilder(URI.create(urls.get(i)))
                      .timeout(Duration.ofNanos(Math.min(left, TimeUnit.SECONDS.toNanos(90))));
              headers.forEach(h -> request.header(h[0], h[1]));
              long sent = System.nanoTime();
              String status;
              String cacheStatus = "none";
              try {
                HttpResponse<byte[]> response =
                    http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
                latencies[i] = System.nanoTime() - sent;
                status = Integer.toString(response.statusCode());
                cacheStatus = response.headers().firstValue("X-Cache-Status").orElse("none");
              } catch (Exception e) {
                status = e.getClass().getSimpleName();
              }
              statuses.computeIfAbsent(status, k -> new LongAdder()).increment();
              cache.computeIfAbsent(cacheStatus, k -> new LongAdder()).increment();
            }
          });
    }
    pool.shutdown();
    pool.awaitTermination(Math.max(1, deadline - System.nanoTime()) + TimeUnit.SECONDS.toNanos(95), TimeUnit.NANOSECONDS);
    pool.shutdownNow();
    double seconds = (System.nanoTime() - start) / 1e9;
    long[] answered = Arrays.stream(latencies).filter(l -> l >= 0).sorted().toArray();
    System.out.printf(
        "sent=%d answered=%d seconds=%.2f rps=%.1f p50_ms=%.2f p99_ms=%.2f status=%s cache=%s%n",
        Math.min(next.get(), urls.size()),
        answered.length,
        seconds,
        answered.length / seconds,
        percentile(answered, 0.50),
        percentile(answered, 0.99),
        counts(statuses),
        counts(cache));
    System.exit(0);
  }

  private static double percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int index = (int) Math.ceil(p * sorted.length) - 1;
    return sorted[Math.max(0, index)] / 1e6;
  }

  private static String counts(Map<String, LongAdder> counts) {
    StringBuilder out = new StringBuilder();
    new TreeMap<>(counts).forEach((k, v) -> out.append(out.length() == 0 ? "" : ",").append(k).append(':').append(v.sum()));
    return out.length() == 0 ? "-" : out.toString();
  }
}
