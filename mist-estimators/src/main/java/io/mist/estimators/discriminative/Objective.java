package io.mist.estimators.discriminative;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A bound's formula, written once as {@link Term}s: the per-sample values {@code r_i}, the training loss and
 * the batch estimate. Evaluates them on NDArrays ({@link #pointwise}, {@link #loss}: evaluation and the
 * autograd path) and on the JVM with the gradient of the loss ({@link #gradient}: the explicit step). Shared
 * sub-terms are evaluated once per call (the formula is a DAG, ordered once here). Immutable; the only state
 * is what a term itself carries (MINE's moving average).
 */
final class Objective {
    private final Program pointwise;
    private final Program training;

    /**
     * @param pointwise {@code r_i}, {@code [B]}
     * @param loss the training loss, a scalar
     * @param estimate the batch estimate, a scalar (reported, never differentiated)
     */
    Objective(Term pointwise, Term loss, Term estimate) {
        this.pointwise = new Program(pointwise);
        this.training = new Program(loss, estimate);
    }

    /** The usual form: loss {@code -mean r}, estimate {@code mean r}. */
    static Objective meanOf(Term pointwise) {
        Term estimate = pointwise.mean();
        return new Objective(pointwise, estimate.neg(), estimate);
    }

    /** Per-sample values {@code r_i}, {@code [B]}. */
    NDArray pointwise(Scores s) {
        return (NDArray) pointwise.nd(s)[0];
    }

    /** {@code [loss, estimate]} of a training batch; the estimate detached. */
    NDList loss(Scores s) {
        Object[] out = training.nd(s);
        return new NDList((NDArray) out[0], ((NDArray) out[1]).stopGradient());
    }

    /**
     * The loss, the estimate and the gradient of the loss with respect to the scores (and the baseline and
     * FLO's {@code u} where the bound has them), on the JVM: the same values as {@link #loss}.
     */
    void gradient(HostScores s) {
        double[][] out = training.hostWithGradient(s);
        s.result(out[0][0], out[1][0]);
    }

    /**
     * Whether the loss and estimate read the negatives only through each column's log-mean-exp (so
     * {@link HostScores#columns} suffices): InfoNCE, alpha-TUBA and FLO.
     */
    boolean columnwise() {
        return training.maxAccess() != Term.Access.ROWS;
    }

    /** Whether a baseline {@code b_i} is part of the formula. */
    boolean needsBaseline() {
        return training.usesBaseline() || pointwise.usesBaseline();
    }

    /** Terms in evaluation order (arguments first) with the roots' positions. */
    private static final class Program {
        private final Term[] order;
        private final int[][] args;
        private final int[] roots;

        Program(Term... roots) {
            Map<Term, Integer> index = new IdentityHashMap<>();
            List<Term> list = new ArrayList<>();
            this.roots = new int[roots.length];
            for (int r = 0; r < roots.length; r++) {
                this.roots[r] = visit(roots[r], index, list);
            }
            this.order = list.toArray(new Term[0]);
            this.args = new int[order.length][];
            for (int t = 0; t < order.length; t++) {
                Term[] a = order[t].args();
                args[t] = new int[a.length];
                for (int j = 0; j < a.length; j++) {
                    args[t][j] = index.get(a[j]);
                }
            }
        }

        private static int visit(Term t, Map<Term, Integer> index, List<Term> list) {
            Integer known = index.get(t);
            if (known != null) {
                return known;
            }
            for (Term a : t.args()) {
                visit(a, index, list);
            }
            index.put(t, list.size());
            list.add(t);
            return list.size() - 1;
        }

        Term.Access maxAccess() {
            Term.Access max = Term.Access.NONE;
            for (Term t : order) {
                if (t.access().compareTo(max) > 0) {
                    max = t.access();
                }
            }
            return max;
        }

        boolean usesBaseline() {
            for (Term t : order) {
                if (t.isBaseline()) {
                    return true;
                }
            }
            return false;
        }

        Object[] nd(Scores s) {
            Object[] v = new Object[order.length];
            for (int t = 0; t < order.length; t++) {
                v[t] = order[t].nd(s, gather(v, args[t], new Object[args[t].length]));
            }
            Object[] out = new Object[roots.length];
            for (int r = 0; r < roots.length; r++) {
                out[r] = v[roots[r]];
            }
            return out;
        }

        /** The roots' values, back-propagating the first root (the loss) into {@code s}. */
        double[][] hostWithGradient(HostScores s) {
            HostPass p = new HostPass(s, order.length);
            double[][] v = new double[order.length][];
            for (int t = 0; t < order.length; t++) {
                p.at(t);
                v[t] = order[t].host(p, gather(v, args[t], new double[args[t].length][]));
            }
            double[][] adjoint = new double[order.length][];
            adjoint[roots[0]] = new double[] {1};
            for (int t = order.length - 1; t >= 0; t--) {
                if (adjoint[t] == null || !order[t].passesGradient()) {
                    continue;
                }
                int[] a = args[t];
                double[][] argAdjoint = new double[a.length][];
                for (int j = 0; j < a.length; j++) {
                    if (adjoint[a[j]] == null) {
                        adjoint[a[j]] = new double[v[a[j]].length];
                    }
                    argAdjoint[j] = adjoint[a[j]];
                }
                p.at(t);
                order[t].backward(p, gather(v, a, new double[a.length][]), v[t], adjoint[t], argAdjoint);
            }
            double[][] out = new double[roots.length][];
            for (int r = 0; r < roots.length; r++) {
                out[r] = v[roots[r]];
            }
            return out;
        }

        private static <T> T[] gather(T[] values, int[] idx, T[] into) {
            for (int j = 0; j < idx.length; j++) {
                into[j] = values[idx[j]];
            }
            return into;
        }
    }
}
