/**
 * Failures: {@link io.imagegate.failure.Failure} (each with its HTTP status and stable code) and
 * {@link io.imagegate.failure.ImageGateException}, which carries one to the error response. API.
 */
package io.imagegate.failure;
