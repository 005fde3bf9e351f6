/**
 * ND4J interoperability: {@link io.mist.nd4j.Nd4jSamples} hands the {@code INDArray}s of a DL4J/ND4J
 * pipeline to mist-jvm as {@link io.mist.core.Samples}. A separate module, so that mist-core does not carry
 * ND4J or its native libraries; the ND4J backend (CPU or CUDA) is the user's choice.
 */
package io.mist.nd4j;
