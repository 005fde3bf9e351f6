package io.mist.registry;

import io.mist.core.internal.Checks;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * A family of estimators, by which {@code mist list} and the generated documentation group them: its id (the
 * string {@link EstimatorProvider#family()} returns), a title and a one-line summary. The families of this
 * library are listed in {@link #known()}, in the order of the documentation; any other id is a family too
 * ({@link #of} makes one titled by its id and listed after the known ones), so a provider of a new family needs
 * nothing but its id.
 *
 * @param id the id, lower case, e.g. {@code "discriminative"}
 * @param title a title for headings, e.g. {@code "Discriminative (variational lower bounds)"}
 * @param summary one sentence on what the family has in common (empty for a family not in {@link #known()})
 * @param rank position in the documentation: known families by their place in {@link #known()}, others after
 */
public record EstimatorFamily(String id, String title, String summary, int rank) {
    private static final List<EstimatorFamily> KNOWN = List.of(
            known(0, "nonparametric", "Nonparametric (k-NN, histogram, Gaussian, discrete)",
                    "Classical estimators computed directly from the samples: no training, few options."),
            known(1, "gmm", "Gaussian mixtures (GMM-MI)",
                    "A Gaussian mixture fitted to the joint sample; MI of the fitted model, error from bootstrap refits."),
            known(2, "discriminative", "Discriminative (variational bounds with a critic)",
                    "A neural critic f(x, y) trained to tell joint pairs from shuffled ones; the value is a bound or "
                            + "an estimate built from the critic's scores."),
            known(3, "generative", "Generative (learned densities)",
                    "Learned densities q(y | x) and q(y) (or q(x, y)) whose log ratio estimates the MI."),
            known(4, "hybrid", "Hybrid (generative proposal, discriminative correction)",
                    "A generative model supplies negatives or a baseline; a critic corrects it."),
            known(5, "quantized", "Quantized (MI of learned discretizations)",
                    "X and Y are mapped to finitely many cells; the MI of the cells is a lower bound."),
            known(6, "rmi", "Renormalized MI (RMI)",
                    "The MI of a deterministic feature y = f(x), renormalized by the feature's Jacobian."),
            known(7, "latent", "Latent MI (LMI)",
                    "MI estimated in a jointly learned low-dimensional latent space, for high-dimensional data."),
            known(8, "auto", "Automatic choice",
                    "Chooses an estimator from the data and names it in the diagnostics."));

    /** Checks the parts. */
    public EstimatorFamily {
        Checks.notNull("id", id);
        Checks.notNull("title", title);
        Checks.notNull("summary", summary);
        if (id.isBlank() || !id.equals(id.toLowerCase(Locale.ROOT))) {
            throw Checks.fail("a family id is a non-blank lower-case word, got '%s'", id);
        }
    }

    private static EstimatorFamily known(int rank, String id, String title, String summary) {
        return new EstimatorFamily(id, title, summary, rank);
    }

    /** The families of this library, in the order of the documentation. */
    public static List<EstimatorFamily> known() {
        return KNOWN;
    }

    /**
     * The family with this id: a {@link #known()} one, or a new family titled by its id, ranked after them.
     *
     * @throws IllegalArgumentException if {@code id} is blank or not lower case
     */
    public static EstimatorFamily of(String id) {
        Checks.notNull("id", id);
        for (EstimatorFamily f : KNOWN) {
            if (f.id.equals(id)) {
                return f;
            }
        }
        return new EstimatorFamily(id, id, "", KNOWN.size());
    }

    /** Documentation order: by rank, then by id. */
    public static Comparator<EstimatorFamily> order() {
        return Comparator.comparingInt(EstimatorFamily::rank).thenComparing(EstimatorFamily::id);
    }
}
