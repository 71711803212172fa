/**
 * Configuration: {@link io.imagegate.config.ImageGateSettings} and its builder, {@link
 * io.imagegate.config.ConfigParser} for the filter's init parameters and {@code config-file}, with
 * one table of configuration keys ({@code ConfigKeys}) behind parsing, unknown-key refusal and the
 * README's configuration table. API, apart from the types ArchitectureTest lists as internal.
 */
package io.imagegate.config;
