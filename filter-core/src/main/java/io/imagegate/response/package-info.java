/**
 * Writing responses: success headers only with bytes that exist, conditional requests, ranges,
 * {@code Cache-Control} and {@code Expires}, file bodies through the container's own path, and
 * error responses without success headers.
 *
 * <p><b>Internal to imagegate.</b> Not API: its public types are public only for the packages of
 * ours that use them (ArchitectureTest lists which), and may change in any release.
 */
package io.imagegate.response;
