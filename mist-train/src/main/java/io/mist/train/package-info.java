/**
 * Training of neural estimators: {@link io.mist.train.Trainer} (Adam, shuffled batches, validation split,
 * early stopping with restore-best, divergence detection; a loop over small package-private parts: the
 * split, the plan, the batch source, three step strategies, the improvement rule and the best-parameter
 * copy), {@link io.mist.train.TrainConfig}, {@link io.mist.train.EngineThreads} (the one engine-wide
 * setting, made at most once per JVM), listeners (console progress bar, SLF4J logging) and
 * {@link io.mist.train.Ema}. Plots and files of the training history are in {@code mist-plot}.
 */
package io.mist.train;
