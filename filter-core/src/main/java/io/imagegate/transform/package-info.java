/**
 * Transformations: the parsed, validated model of ImageKit's URL grammar and the geometry it
 * implies. {@link io.imagegate.transform.TransformationParser} turns the text of a URL into an
 * immutable {@link io.imagegate.transform.Transformation} of {@link io.imagegate.transform.Step}s
 * (with {@link io.imagegate.transform.Overlay}s), whose canonical text keys the result cache;
 * {@link io.imagegate.transform.GeometryPlanner} turns a step and an image size into a {@link
 * io.imagegate.transform.ResizePlan}. No pixels here: the pixel operations and codecs live in the
 * sub-packages.
 */
package io.imagegate.transform;
