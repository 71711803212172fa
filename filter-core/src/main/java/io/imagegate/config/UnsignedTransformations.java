package io.imagegate.config;

/** Which transformations an unsigned URL may ask for ({@code unsigned-transformations}). */
public enum UnsignedTransformations {
  /** Any transformation; signatures then guard only protected paths. */
  ANY,
  /** Only named transformations ({@code n-thumb}), so the site decides the variants (default). */
  NAMED,
  /** None: every transformation needs a signed URL. */
  NONE
}
