package io.imagegate.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** The key's MACs: cloned from a keyed prototype and pooled, never kept per thread. */
class SigningKeyTest {
  private static final String KEY = "signing-key-test-0123456789-abcdefghijkl";

  /** The MAC as the JDK computes it with a fresh, freshly keyed instance. */
  private static String reference(SignatureAlgorithm algorithm, String message) throws Exception {
    Mac mac = Mac.getInstance(algorithm.jcaName());
    mac.init(new SecretKeySpec(KEY.getBytes(StandardCharsets.UTF_8), algorithm.jcaName()));
    return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void repeatedMacs_ofEitherAlgorithm_areTheJdksEveryTime() throws Exception {
    SigningKey key = SigningKey.of(KEY);
    for (int i = 0; i < 50; i++) {
      for (SignatureAlgorithm algorithm : SignatureAlgorithm.values()) {
        String message = "tr:w-" + i + "/photo.jpg9999999999";
        assertThat(key.sign(algorithm, message)).isEqualTo(reference(algorithm, message));
      }
    }
  }

  /**
   * More threads than the pool keeps, each with its own messages, all at once: a MAC handed to two
   * requests at a time, or put back in the middle of a message, gives a wrong MAC here.
   */
  @Test
  void concurrentMacs_neverMixMessages() throws Exception {
    SigningKey key = SigningKey.of(KEY);
    int threads = SigningKey.POOLED * 3;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<Integer>> results = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  int checked = 0;
                  for (int i = 0; i < 500; i++) {
                    SignatureAlgorithm algorithm =
                        SignatureAlgorithm.values()[
                            (thread + i) % SignatureAlgorithm.values().length];
                    String message = "thread-" + thread + "/image-" + i + ".jpg";
                    assertThat(key.sign(algorithm, message))
                        .isEqualTo(reference(algorithm, message));
                    checked++;
                  }
                  return checked;
                }));
      }
      start.countDown();
      for (Future<Integer> result : results) {
        assertThat(result.get(60, TimeUnit.SECONDS)).isEqualTo(500);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * No JVM-global side effects: a {@code ThreadLocal} would leave a keyed MAC (and through it the
   * key's bytes and the web app's classes) in every container thread after the filter is gone.
   */
  @Test
  void holdsNoThreadLocal() {
    for (Field field : SigningKey.class.getDeclaredFields()) {
      assertThat(ThreadLocal.class.isAssignableFrom(field.getType()))
          .as("field %s", field.getName())
          .isFalse();
    }
  }

  @Test
  void toString_neverShowsTheKey() {
    assertThat(SigningKey.of(KEY).toString()).doesNotContain(KEY).contains("redacted");
  }
}
