/**
 * Internals of mist-train, not API: the exponential moving average of a tracked value
 * ({@link io.mist.train.internal.Ema}), the one engine-wide setting
 * ({@link io.mist.train.internal.EngineThreads}, made at most once per JVM) and the one NPY header parser
 * ({@link io.mist.train.internal.NpyHeader}, shared by {@code NpyData} and the CLI's reader). Exported only to
 * {@code io.mist.estimators}; it may change in any release.
 */
package io.mist.train.internal;
