/**
 * Training of neural estimators: {@link io.mist.train.Trainer} (Adam, shuffled batches, validation split,
 * early stopping with restore-best, divergence detection), {@link io.mist.train.TrainConfig}, listeners
 * (console progress bar, SLF4J logging), {@link io.mist.train.Ema} and export of the training history.
 */
package io.mist.train;
