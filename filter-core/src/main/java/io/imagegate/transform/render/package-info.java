/**
 * One variant from one source: {@link io.imagegate.transform.render.VariantRenderer} decodes
 * (reduced when the plan allows), runs the pipeline and encodes.
 */
package io.imagegate.transform.render;
