/**
 * Internals of mist-train used by {@code io.mist.estimators}, not API: the exponential moving average of a
 * tracked value ({@link io.mist.train.internal.Ema}) and the one engine-wide setting
 * ({@link io.mist.train.internal.EngineThreads}, made at most once per JVM). Exported only to
 * {@code io.mist.estimators}; it may change in any release.
 */
package io.mist.train.internal;
