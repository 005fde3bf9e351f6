/**
 * ND4J interoperability: {@link io.mist.nd4j.Nd4jSamples} hands the {@code INDArray}s of a DL4J/ND4J
 * pipeline to mist-jvm as {@link io.mist.core.Samples}. A separate module, so that mist-core does not carry
 * ND4J or its native libraries; the ND4J backend (CPU or CUDA) is the user's choice.
 *
 * <p><b>No {@code module-info.java}</b> (the jar names itself {@code io.mist.nd4j} through
 * {@code Automatic-Module-Name}; use it on the class path). ND4J 1.0.0-M2.1's jars are not automatic modules but
 * carry descriptors of their own ({@code META-INF/versions/9/module-info.class}), and these cannot be resolved:
 * the JVM refuses {@code nd4j-api}'s descriptor outright ({@code InvalidModuleDescriptorException: Package
 * org.nd4j.autodiff.validation.listeners not found in module}, checked with
 * {@code java -p <these jars> --add-modules io.mist.nd4j}), and it {@code requires} the modules {@code lombok}
 * (an annotation processor, absent at run time), {@code slf4j.api} and {@code commons.io} (SLF4J 2 and
 * Commons IO 2.16, which mist-jvm uses, are the modules {@code org.slf4j} and {@code org.apache.commons.io}). A
 * descriptor here would compile but no application could start with it on the module path.
 */
package io.mist.nd4j;
