package io.mist.tasks;

import io.mist.core.Samples;

/**
 * Paired samples drawn from a task.
 *
 * @param x {@code [n, dx]} samples of X
 * @param y {@code [n, dy]} samples of Y
 */
public record TaskSample(Samples x, Samples y) {
}
