/**
 * The one {@link io.imagegate.limits.Limits} record: the {@code limits.*} configuration keys, read
 * by the configuration, the transformation parser and planner, and the codecs. Depends on nothing
 * else in imagegate.
 */
package io.imagegate.limits;
