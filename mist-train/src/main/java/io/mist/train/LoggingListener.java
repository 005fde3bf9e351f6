package io.mist.train;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs each validation evaluation (debug) and the end of training (info) through SLF4J. */
public final class LoggingListener implements TrainListener {
    private static final Logger LOG = LoggerFactory.getLogger(LoggingListener.class);
    private String name = "";

    /** A listener that logs through the SLF4J logger of this class. */
    public LoggingListener() {
    }

    @Override
    public void onStart(String estimator, int maxIterations, int trainSize, int validSize) {
        this.name = estimator;
        LOG.info("{}: training up to {} iterations on {} rows ({} validation)", estimator, maxIterations, trainSize,
                validSize);
    }

    @Override
    public void onEvaluation(int iteration, double value, double best) {
        LOG.debug("{}: iteration {} validation estimate {} (best {})", name, iteration, value, best);
    }

    @Override
    public void onEnd(FitResult r) {
        LOG.info("{}: {} after {} iterations, {} s ({} it/s), best validation {} at iteration {}", name,
                r.stopReason(), r.iterations(), String.format(java.util.Locale.ROOT, "%.2f", r.seconds()),
                String.format(java.util.Locale.ROOT, "%.0f", r.iterationsPerSecond()), r.bestValidation(),
                r.bestIteration());
    }
}
