package io.imagegate.transform.render;

import io.imagegate.source.ImageFormat;

/**
 * A rendered image held in memory: what the renderer returns and the variant cache keeps.
 *
 * @param bytes the encoded image
 * @param format its format
 * @param width pixels
 * @param height pixels
 */
public record Variant(byte[] bytes, ImageFormat format, int width, int height) {}
