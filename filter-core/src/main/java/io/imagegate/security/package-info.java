/**
 * Verification and the one authorization decision: {@code SignatureVerifier} (constant-time,
 * throwing), {@code AccessPolicy} and the private markers, and {@code Authorizer}, whose {@code
 * Grant} is all that the serving code may act on. {@link io.imagegate.security.UrlSigner} is API.
 *
 * <p><b>Internal to imagegate.</b> Not API: its public types are public only for the packages of
 * ours that use them (ArchitectureTest lists which), and may change in any release.
 */
package io.imagegate.security;
