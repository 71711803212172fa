/**
 * The model of a transformation: {@link io.imagegate.transform.model.Step} (one {@code :}-separated
 * step), {@link io.imagegate.transform.model.Overlay} and {@link
 * io.imagegate.transform.model.TextLayer} (its layers), the value types they hold and {@link
 * io.imagegate.transform.model.Arithmetic} expressions with their evaluation. A step keeps its
 * values by {@link io.imagegate.transform.model.Param} (the parser's key table rows are params);
 * {@link io.imagegate.transform.model.StepParams} names the ones the model and the geometry read.
 * Immutable, validated, no parsing of whole URLs and no pixels.
 *
 * <p><b>Internal to imagegate.</b> Not API: its public types are public only for the packages of
 * ours that use them (ArchitectureTest lists which), and may change in any release.
 */
package io.imagegate.transform.model;
