/**
 * Training of neural estimators: {@link io.mist.train.Trainer} (Adam, shuffled batches, validation split,
 * early stopping with restore-best, divergence detection; a loop over small package-private parts: the
 * split, the plan, the batch source, three step strategies, the improvement rule and the best-parameter
 * copy), {@link io.mist.train.TrainConfig} (whose training-loop options are described once in its schema),
 * {@link io.mist.train.DeviceChoice}, {@link io.mist.train.internal.EngineThreads} (the one engine-wide setting, made
 * at most once per JVM), {@link io.mist.train.TrainListener} (the core {@link io.mist.core.TrainingListener}
 * with the fit's result; the console progress bar lives in the CLI) and {@link io.mist.train.internal.Ema}. Plots and
 * files of the training history are in {@code mist-plot}.
 */
package io.mist.train;
