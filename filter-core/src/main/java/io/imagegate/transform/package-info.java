/**
 * Transformations, and here their grammar: {@link io.imagegate.transform.TransformationParser}
 * turns the text of a URL into an immutable {@link io.imagegate.transform.Transformation} of {@link
 * io.imagegate.transform.model.Step}s, whose canonical text keys the result cache. One table,
 * {@code Keys}, lists every key's row in canonical order; a row ({@code Key}, kept with its concern
 * in {@code GeometryKeys}, {@code OutputKeys}, {@code EffectKeys}, {@code LayerKeys}, {@code
 * TextKeys}) says where the key is allowed (step, image layer, text layer), how its value is read
 * and how it is written back, and is the param its value is kept under in the step. {@link
 * io.imagegate.limits.Limits} bounds what a URL may ask.
 *
 * <p>The sub-packages, each depending only on those before it: {@code model} (the steps, layers and
 * value types), this package (parsing), {@code geometry} (a step and an image size give a {@link
 * io.imagegate.transform.geometry.ResizePlan}), {@code ops} (pure pixel operations), {@code codec}
 * (decoding and encoding), {@code pipeline} (the stages that apply a step to pixels) and {@code
 * render} (decode, pipeline, encode: one variant from one source).
 *
 * <p><b>Internal to imagegate.</b> Not API: its public types are public only for the packages of
 * ours that use them (ArchitectureTest lists which), and may change in any release.
 */
package io.imagegate.transform;
