/**
 * Plots and exports for people looking at results: {@link io.mist.plot.GmmPlots} (a fitted GMM-MI model's
 * 1-sigma ellipses and density contours, PNG or SVG) and {@link io.mist.plot.HistoryExport} (a training
 * history as CSV or as a PNG training curve), {@link io.mist.plot.MatrixPlots} (a matrix of MI values
 * as a labelled PNG heat map), {@link io.mist.plot.LatentPlots} (the first two latent coordinates of a
 * latent-MI fit's embeddings). Drawn with XChart, which only this module brings; the library
 * modules ({@code mist-core}, {@code mist-train}, {@code mist-estimators}) never plot or write files
 * unless asked through an API made for it.
 */
package io.mist.plot;
