/**
 * Quantized estimators: quantizers ({@link io.mist.core.Quantizer}: {@link io.mist.estimators.quantized.KMeansQuantizer}
 * and the per-column {@link io.mist.estimators.quantized.GridQuantizer}) fitted in the library, and the
 * estimators that work on bin indices ({@code binned}: the plug-in MI of quantized x and y).
 */
package io.mist.estimators.quantized;
