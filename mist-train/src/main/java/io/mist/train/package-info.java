/**
 * Training of neural estimators: {@link io.mist.train.Trainer} (Adam, shuffled batches, validation split,
 * early stopping with restore-best, divergence detection), {@link io.mist.train.TrainConfig}, listeners
 * (console progress bar, SLF4J logging) and {@link io.mist.train.Ema}. Plots and files of the training
 * history are in {@code mist-plot}.
 */
package io.mist.train;
