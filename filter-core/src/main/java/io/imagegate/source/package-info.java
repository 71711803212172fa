/**
 * Sources confined to the image root: {@code SourceResolver} ({@code toRealPath} and {@code
 * Path.startsWith}, never a write), what a source is, and format sniffing. {@link
 * io.imagegate.source.ImageFormat} is API.
 *
 * <p><b>Internal to imagegate.</b> Not API: its public types are public only for the packages of
 * ours that use them (ArchitectureTest lists which), and may change in any release.
 */
package io.imagegate.source;
