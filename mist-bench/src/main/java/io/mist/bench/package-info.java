/**
 * Benchmarks, never run as tests: ground-truth accuracy/speed reports (each a class with {@code main},
 * run through {@code mvn -pl mist-bench exec:java -Dexec.mainClass=...} or the classpath) and JMH
 * microbenchmarks. Speed goals are reported here, never asserted in unit tests.
 */
package io.mist.bench;
