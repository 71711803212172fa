/**
 * Signing keys and where they may sign: key material ({@link io.imagegate.keys.SigningKey}), the
 * accepted algorithms, the key ring with its scoped keys, and the path globs scopes and rules are
 * written in. Depends on nothing else in imagegate, so that both the configuration (which builds
 * the ring) and the security code (which verifies with it) can use it without importing each other.
 */
package io.imagegate.keys;
