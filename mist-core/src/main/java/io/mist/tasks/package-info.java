/**
 * Ground-truth tasks: seeded samplers of {@code (x, y)} whose mutual information is known exactly in nats,
 * shared by tests, benchmarks, examples and {@code mist demo}. Multivariate Gaussians (MI from
 * log-determinants), independent data (MI 0), multivariate Student-t (closed form with digamma terms;
 * Czyz et al. 2023, "Beyond Normal") and invertible per-variable transforms that leave MI unchanged.
 */
package io.mist.tasks;
