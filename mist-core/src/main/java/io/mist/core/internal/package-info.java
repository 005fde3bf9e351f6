/**
 * Internals of mist-core shared with the sibling mist modules, not API: input checks
 * ({@link io.mist.core.internal.Checks}), seeds and the named random streams
 * ({@link io.mist.core.internal.Seeds}, {@link io.mist.core.internal.RandomStream}), the call-local thread pool
 * ({@link io.mist.core.internal.Parallel}), small dense linear algebra and special functions
 * ({@link io.mist.core.internal.Matrices}, {@link io.mist.core.internal.Special},
 * {@link io.mist.core.internal.Statistics}) and the one JSON writer ({@link io.mist.core.internal.JsonWriter}).
 * The module exports this package only to {@code io.mist.train}, {@code io.mist.estimators} and
 * {@code io.mist.plot}; it may change in any release.
 */
package io.mist.core.internal;
