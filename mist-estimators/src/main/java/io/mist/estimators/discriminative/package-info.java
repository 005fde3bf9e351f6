/**
 * Discriminative neural estimators (torch_mist's family): NWJ, MINE, InfoNCE, TUBA, alpha-TUBA, JS, SMILE and
 * FLO ({@link io.mist.estimators.discriminative.Bound}), critics (joint and separable MLPs on flat
 * parameters, any DJL block), the learned baseline, and their registry entries.
 */
package io.mist.estimators.discriminative;
