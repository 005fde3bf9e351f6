/**
 * The one-line entry point {@link io.mist.EstimateMI}: {@code EstimateMI.estimate(x, y, "ksg")}, or
 * {@code EstimateMI.with("mine").option("hidden_dims", "64,64").seed(7).estimate(x, y)}.
 */
package io.mist;
