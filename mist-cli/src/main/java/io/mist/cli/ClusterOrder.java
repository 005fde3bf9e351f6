package io.mist.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * The order of {@code mist matrix --cluster}'s heat map: average-linkage agglomerative clustering on MI as
 * the similarity. Starting from one cluster per variable, the two clusters with the largest mean MI between
 * their members are merged (ties: the first such pair in index order), the one holding the smaller index
 * first, until one cluster is left; its members in order are the leaf order, so strongly dependent variables
 * sit next to each other. Deterministic.
 */
final class ClusterOrder {
    private ClusterOrder() {
    }

    /**
     * The leaf order of a symmetric {@code m x m} MI matrix (the diagonal is ignored; a NaN entry counts as no
     * dependence).
     */
    static int[] of(double[][] mi) {
        List<List<Integer>> clusters = new ArrayList<>();
        for (int i = 0; i < mi.length; i++) {
            clusters.add(new ArrayList<>(List.of(i)));
        }
        while (clusters.size() > 1) {
            int bestA = 0;
            int bestB = 1;
            double best = Double.NEGATIVE_INFINITY;
            for (int a = 0; a < clusters.size(); a++) {
                for (int b = a + 1; b < clusters.size(); b++) {
                    double s = meanSimilarity(mi, clusters.get(a), clusters.get(b));
                    if (s > best) {
                        best = s;
                        bestA = a;
                        bestB = b;
                    }
                }
            }
            clusters.get(bestA).addAll(clusters.remove(bestB));
        }
        return clusters.get(0).stream().mapToInt(Integer::intValue).toArray();
    }

    private static double meanSimilarity(double[][] mi, List<Integer> a, List<Integer> b) {
        double sum = 0;
        for (int i : a) {
            for (int j : b) {
                double v = mi[i][j];
                sum += Double.isNaN(v) ? 0 : v;
            }
        }
        return sum / (a.size() * b.size());
    }
}
