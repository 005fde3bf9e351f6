package io.mist.estimators.gmm;

import io.mist.core.internal.Checks;
import io.mist.core.internal.Parallel;
import io.mist.core.internal.RandomStream;
import io.mist.core.internal.Seeds;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Chooses the number of mixture components as GMM-MI does (Piras et al. 2023, sec. 2.2): components are
 * added one at a time from 1; for each count {@code k}, {@code n_inits} initialisations are fitted and
 * scored, the best initialisation's score is the score of {@code k}. Scores are per sample, higher is
 * better: the mean held-out log-likelihood over {@code n_folds} folds ({@code valid}), or {@code -AIC / 2n}
 * / {@code -BIC / 2n} of a fit on all data (both on the scale of a mean log-likelihood). The search stops once the score has failed {@code patience}
 * times in a row to beat the best so far by {@code threshold_components}; the best {@code k} wins.
 */
final class ComponentSelection {
    private ComponentSelection() {
    }

    /**
     * The outcome.
     *
     * @param components chosen number of components
     * @param bestInit index of the best initialisation at that count
     * @param scores score of each tried count ({@code scores[k-1]})
     * @param capped whether the search stopped at its cap while still improving
     * @param diagnostics warnings in words
     */
    record Outcome(int components, int bestInit, double[] scores, boolean capped, List<String> diagnostics) {
    }

    /** Seed of initialisation {@code init} at {@code k} components. */
    static long initSeed(long seed, int k, int init) {
        return Seeds.derive(seed, RandomStream.GMM_INIT, 1_000L * (k - 1) + init);
    }

    static Outcome select(double[] data, int n, int d, GmmConfig cfg, long seed, Parallel workers) {
        int folds = cfg.nFolds();
        if (n < 2 * folds) {
            throw Checks.fail("gmm needs at least %d samples for %d-fold cross-validation, got n = %d", 2 * folds,
                    folds, n);
        }
        int[] perm = Seeds.permutation(n, Seeds.rng(seed, RandomStream.GMM_FOLDS));
        int minTrain = n - (n + folds - 1) / folds;
        boolean fixed = cfg.fixedComponents() > 0;
        int first = fixed ? cfg.fixedComponents() : 1;
        int last = fixed ? cfg.fixedComponents() : cfg.maxComponents();
        if (first > minTrain) {
            throw Checks.fail("fixed_components = %d exceeds the %d training samples per fold", first, minTrain);
        }
        List<String> diag = new ArrayList<>();
        List<Double> scores = new ArrayList<>();
        double best = Double.NEGATIVE_INFINITY;
        int bestK = first;
        int bestInit = 0;
        int bad = 0;
        boolean stopped = fixed;
        int nonConverged = 0;
        for (int k = first; k <= last; k++) {
            if (k > minTrain) {
                diag.add(Checks.format("component search stopped at %d components: no more training samples", k - 1));
                stopped = true;
                break;
            }
            int kk = k;
            double[] initScores = new double[cfg.nInits()];
            if (cfg.metric() == GmmConfig.Metric.VALID) {
                List<double[]> r = workers.map(cfg.nInits() * folds, task -> {
                    int init = task / folds;
                    int fold = task % folds;
                    return heldOut(data, n, d, perm, folds, fold, kk, cfg, Seeds.rng(initSeed(seed, kk, init), fold));
                });
                for (int init = 0; init < cfg.nInits(); init++) {
                    double s = 0;
                    for (int fold = 0; fold < folds; fold++) {
                        double[] v = r.get(init * folds + fold);
                        s += v[0];
                        nonConverged += (int) v[1];
                    }
                    initScores[init] = s / folds;
                }
            } else {
                List<double[]> r = workers.map(cfg.nInits(), init -> {
                    try {
                        Mixture start = cfg.initType().initial(data, n, d, kk, cfg.scale(), cfg.regCovar(),
                                Seeds.rng(initSeed(seed, kk, init), folds));
                        EmFitter.Result f = EmFitter.fit(data, n, d, start, cfg.regCovar(), cfg.thresholdFit(),
                                cfg.maxIter());
                        double p = f.mixture().freeParameters();
                        double penalty = cfg.metric() == GmmConfig.Metric.AIC ? 2 * p : p * Math.log(n);
                        return new double[] {f.meanLogLikelihood() - penalty / (2.0 * n), f.converged() ? 0 : 1};
                    } catch (IllegalArgumentException e) {
                        return new double[] {Double.NEGATIVE_INFINITY, 0};
                    }
                });
                for (int init = 0; init < cfg.nInits(); init++) {
                    initScores[init] = r.get(init)[0];
                    nonConverged += (int) r.get(init)[1];
                }
            }
            int arg = 0;
            for (int i = 1; i < initScores.length; i++) {
                if (initScores[i] > initScores[arg]) {
                    arg = i;
                }
            }
            double score = initScores[arg];
            scores.add(score);
            if (k == first || score - best >= cfg.thresholdComponents()) {
                if (k > first || Double.isFinite(score)) {
                    best = score;
                    bestK = k;
                    bestInit = arg;
                }
                bad = 0;
            } else {
                bad++;
                if (bad >= cfg.patience()) {
                    stopped = true;
                    break;
                }
            }
        }
        if (!Double.isFinite(best)) {
            throw Checks.fail("gmm: no initialisation produced a finite score; increase reg_covar");
        }
        boolean capped = !stopped;
        if (capped) {
            diag.add(Checks.format("component search reached max_components = %d while the %s score was still "
                    + "improving; the mixture may underfit (raise max_components)", last, cfg.metric().label()));
        }
        if (nonConverged > 0) {
            diag.add(Checks.format("%d selection fits stopped at max_iter = %d before threshold_fit", nonConverged,
                    cfg.maxIter()));
        }
        double[] sc = new double[scores.size()];
        for (int i = 0; i < sc.length; i++) {
            sc[i] = scores.get(i);
        }
        return new Outcome(bestK, bestInit, sc, capped, diag);
    }

    /** {held-out mean log-likelihood, 1 if not converged}. */
    private static double[] heldOut(double[] data, int n, int d, int[] perm, int folds, int fold, int k,
            GmmConfig cfg, org.apache.commons.rng.UniformRandomProvider rng) {
        int from = (int) ((long) n * fold / folds);
        int to = (int) ((long) n * (fold + 1) / folds);
        int nv = to - from;
        int nt = n - nv;
        double[] train = new double[nt * d];
        double[] valid = new double[nv * d];
        int ti = 0;
        for (int p = 0; p < n; p++) {
            int row = perm[p];
            if (p >= from && p < to) {
                System.arraycopy(data, row * d, valid, (p - from) * d, d);
            } else {
                System.arraycopy(data, row * d, train, ti * d, d);
                ti++;
            }
        }
        try {
            Mixture start = cfg.initType().initial(train, nt, d, k, cfg.scale(), cfg.regCovar(), rng);
            EmFitter.Result f = EmFitter.fit(train, nt, d, start, cfg.regCovar(), cfg.thresholdFit(), cfg.maxIter());
            double v = EmFitter.meanLogLikelihood(valid, nv, d, f.mixture());
            return new double[] {Double.isNaN(v) ? Double.NEGATIVE_INFINITY : v, f.converged() ? 0 : 1};
        } catch (IllegalArgumentException e) {
            return new double[] {Double.NEGATIVE_INFINITY, 0};
        }
    }

    static String describe(double[] scores, int first) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < scores.length; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(first + i).append(": ").append(String.format(java.util.Locale.ROOT, "%.5f", scores[i]));
        }
        return sb.toString();
    }

    static double[] copy(double[] a) {
        return Arrays.copyOf(a, a.length);
    }
}
