/**
 * The {@code mist} command line: {@code estimate}, {@code list} and {@code demo} on CSV and NPY files.
 * Flags, estimator names, option names and {@code --json} fields are a public contract: add, never rename.
 * User errors end with exit code 2 and a one-line message on standard error, never a stack trace.
 */
package io.mist.cli;
