/**
 * What {@code explain} reports about a URL ({@link io.imagegate.explain.Explanation}, as text or
 * JSON): never a key. API.
 */
package io.imagegate.explain;
