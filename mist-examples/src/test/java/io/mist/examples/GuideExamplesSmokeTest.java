package io.mist.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mist.core.MIEstimate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The user guide's examples: each result against its exact value, tolerances from the estimators' errors. */
class GuideExamplesSmokeTest {
    /**
     * 2+2-D Gaussian, rho 0.5, n 1000: truth 0.2877. Each estimate is within 4 of its own standard errors (the
     * delta-method error is sqrt(2 * 0.25 / 1000) = 0.022; ksg's bias at k = 5 is below 0.01 here), every
     * error bar is present, and dependence this strong gives the smallest p-value 99 permutations can give.
     */
    @Test
    void quickstart() {
        QuickstartExample.Result r = QuickstartExample.runExample("1000");
        assertEquals(-Math.log(1 - 0.25), r.truth(), 1e-12);
        assertEquals(List.of("gaussian", "ksg", "gmm"), List.copyOf(r.estimates().keySet()));
        for (MIEstimate e : r.estimates().values()) {
            assertTrue(e.hasStandardError(), e::toString);
            assertEquals(r.truth(), e.value(), 4 * e.standardError() + 0.01, e::toString);
        }
        assertEquals(0.01, r.estimates().get("ksg").pValue(), 1e-12);
        assertTrue(r.estimates().get("gaussian").pValue() < 1e-6);
    }

    /**
     * n = 2000. Marginal and conditional MI of the common-cause model within 4 bootstrap errors (about 0.008) of
     * 0.1438 and 0: the errors measured at seed 1 were -0.003 and +0.0006. Categorical MI and the KL divergence:
     * within 0.05 of their exact values (measured +0.025 and +0.032 at seed 1, about 2 bootstrap errors: the
     * bootstrap spread of 10 refits leaves out the bias of a mixture fitted to 2000 rows). The PNG is written.
     */
    @Test
    void gmmWalkthrough(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("fit.png");
        GmmWalkthroughExample.Result r = GmmWalkthroughExample.runExample(png.toString());
        assertEquals(r.fit().truth(), r.fit().estimate().value(), 4 * 0.6 / Math.sqrt(2000));
        assertTrue(Files.size(png) > 10_000);
        assertEquals(GmmWalkthroughExample.COMMON_CAUSE_MI, r.marginal().value(), 4 * 0.008);
        assertEquals(0.0, r.conditional().value(), 4 * 0.008);
        assertTrue(r.conditional().value() < r.marginal().value() / 4);
        assertEquals(r.categoricalTruth(), r.categorical().value(), 0.05);
        assertEquals(GmmWalkthroughExample.KL_TRUTH, r.kl().value(), 0.05);
        assertEquals(0.349910, GmmWalkthroughExample.KL_TRUTH, 1e-5);
    }

    /**
     * n = 2000. The four informative columns have MI 0.09 (each linear one) to 0.3 with the target; ksg's
     * spread on a noise column is about 0.015, so ksg's top four are exactly them. The Gaussian estimate sees the
     * two linear columns first; x2 and x3 are uncorrelated with the target, so its value for them is the noise of
     * r^2 / 2 with r ~ N(0, 1/n): below 0.01 with probability above 0.999 each.
     */
    @Test
    void featureScreening() {
        FeatureScreeningExample.Result r = FeatureScreeningExample.runExample();
        assertEquals(FeatureScreeningExample.COLUMNS, r.columns().size());
        Set<Integer> ksgTop = r.columns().stream().filter(c -> c.ksgRank() <= 4)
                .map(FeatureScreeningExample.Column::column).collect(Collectors.toSet());
        assertEquals(Set.of(0, 1, 2, 3), ksgTop);
        for (FeatureScreeningExample.Column c : r.columns()) {
            if (c.column() <= 1) {
                assertTrue(c.gaussianRank() <= 2, c::toString);
            }
            if (c.column() == 2 || c.column() == 3) {
                assertTrue(c.gaussian() < 0.01 && c.ksg() > 0.1, c::toString);
            }
        }
        assertTrue(r.disputed().stream().anyMatch(c -> c.column() == 2 || c.column() == 3), r.toString());
    }

    /**
     * The population MI of script and category over the JDK's Unicode tables lies between 0 and the entropy of
     * 27 categories; a random sample of 5000 estimates it with Miller-Madow within 4 bootstrap errors (measured
     * -0.0014 +/- 0.014), and the plug-in value exceeds the corrected one (its upward bias).
     */
    @Test
    void unicodeRealData() {
        UnicodeExample.Result r = UnicodeExample.runExample();
        assertTrue(r.population() > 100_000 && r.scripts() > 100 && r.categories() > 20, r::toString);
        assertTrue(r.populationMi() > 0.1 && r.populationMi() < Math.log(r.categories()), r::toString);
        assertEquals(r.populationMi(), r.millerMadow().value(), 4 * r.millerMadow().standardError());
        assertTrue(r.plugIn().value() > r.millerMadow().value());
    }
}
