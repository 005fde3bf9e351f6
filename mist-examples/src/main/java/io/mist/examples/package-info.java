/**
 * Small runnable programs. Each is a {@code final} class with a {@code main} that prints what it found and a
 * {@code runExample(String...)} that returns the result, so that a smoke test can check it.
 */
package io.mist.examples;
