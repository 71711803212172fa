/**
 * Decoding and encoding without JVM-global state: ImageIO readers and writers made from their
 * providers privately, libjpeg-turbo, libwebp and libavif through JNA when present (pure Java
 * otherwise), limits checked from the header before any pixel is decoded.
 *
 * <p><b>Internal to imagegate.</b> Not API: its public types are public only for the packages of
 * ours that use them (ArchitectureTest lists which), and may change in any release.
 */
package io.imagegate.transform.codec;
