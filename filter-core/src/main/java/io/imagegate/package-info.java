/**
 * The filter and its request flow. API: {@link io.imagegate.ImageGateFilter} (the drop-in filter),
 * {@link io.imagegate.ImageGate} (the gate itself, for frameworks that wire it without {@code
 * web.xml}). {@code ImageGate} parses, verifies and authorizes a request, then hands it to the
 * originals or the variants; everything else here is package-private.
 */
package io.imagegate;
