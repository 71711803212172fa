package io.imagegate.transform.codec;

/**
 * Test kit: makes every encoder fail, as a broken codec or an allocation failure inside it does.
 */
public final class EncoderFaults {
  private EncoderFaults() {}

  /** From now on every encode throws {@code failure} (inside the encoder's error handling). */
  public static void failWith(RuntimeException failure) {
    ImageEncoder.injectedFailure = failure;
  }

  /** Encoders work again. */
  public static void clear() {
    ImageEncoder.injectedFailure = null;
  }

  /** Reloads the native libraries by the current {@code imagegate.codecs} (nobody holding them). */
  public static void reloadBackend() {
    NativeCodecs.reloadForTests();
  }
}
