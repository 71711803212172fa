/**
 * The request as sent: the raw URI split into path, transformation and signature parameters,
 * checked against the container's mapped path; decoding and the canonical signed string.
 *
 * <p><b>Internal to imagegate.</b> Not API: its public types are public only for the packages of
 * ours that use them (ArchitectureTest lists which), and may change in any release.
 */
package io.imagegate.request;
