/**
 * The variant cache (Caffeine, bounded by bytes, one render per key) and its keys.
 *
 * <p><b>Internal to imagegate.</b> Not API: its public types are public only for the packages of
 * ours that use them (ArchitectureTest lists which), and may change in any release.
 */
package io.imagegate.cache;
