package io.mist.core.internal;

/**
 * Every random stream the library draws from a call's seed, in one place. A stream is a range of stream
 * ids {@code [first, first + count)} of {@link Seeds#derive(long, long)}; an indexed stream (replicate
 * {@code r}, block {@code b}, ...) uses id {@code first + index}. No two streams share an id, so two steps of
 * one call (say, the k-NN noise of an estimate and the row draw of the subsampling round that calls it)
 * never use the same generator; {@code RandomStreamTest} checks this.
 *
 * <p>The ground-truth tasks ({@code io.mist.tasks}) draw their data from the task's own seed and are not
 * listed here.
 */
public enum RandomStream {
    /**
     * Neural estimators with cross-fitting: the seed of fold {@code j}'s fit (at most 77 folds, the ids below
     * {@link #GMM_MONTE_CARLO}).
     */
    CROSS_FIT_FOLD(0, 77),
    /** GMM: Monte-Carlo integration of the fitted mixture (replicate {@code r} as a sub-stream). */
    GMM_MONTE_CARLO(77, 1),
    /** GMM plots: density-contour samples. */
    GMM_PLOT_DENSITY(90, 1),
    /** GMM plots: scatter samples. */
    GMM_PLOT_SAMPLE(91, 1),
    /** Trainer: the train/validation split. */
    TRAIN_SPLIT(101, 1),
    /** Trainer: the batch shuffle. */
    TRAIN_SHUFFLE(102, 1),
    /** Neural estimators: initial weights. */
    CRITIC_INIT(200, 1),
    /** Neural estimators: draws during training (negative pairs, ...). */
    CRITIC_TRAINING(201, 1),
    /** Neural estimators: draws during evaluation. */
    CRITIC_EVALUATION(202, 1),
    /** Neural estimators with cross-fitting: the assignment of rows to folds. */
    CROSS_FIT_ASSIGNMENT(211, 1),
    /** Quantized estimators: the fit of the quantizer of x (index 0) or y (index 1), e.g. k-means++ seeding. */
    QUANTIZER(230, 2),
    /** Neural estimators with reference distributions (MI-NEE): draws from the references. */
    REFERENCE(232, 1),
    /**
     * k-NN estimators: uniform noise added to block {@code b} (x = 0, y = 1, z = 2). (Until the streams were
     * named it used ids 0-2, the first subsampling rounds' generators.)
     */
    KNN_NOISE(300, 16),
    /** RMI: the initial weights of a feature network ({@code FeatureExtraction}). */
    RMI_FEATURE_INIT(410, 1),
    /** RMI: the batches a feature network is trained on, when drawn from in-memory samples. */
    RMI_FEATURE_BATCHES(411, 1),
    /** RMI: the rows of in-memory samples held out to choose a feature network's weights. */
    RMI_FEATURE_VALIDATION(412, 1),
    /** GMM: the cross-validation fold permutation. */
    GMM_FOLDS(-1, 1),
    /** GMM: initialisation {@code init} at {@code k} components, index {@code 1000 k + init - 1000}. */
    GMM_INIT(1_000, 999_000),
    /** GMM: refit of bootstrap resample {@code b}. */
    GMM_BOOTSTRAP(1_000_000, 1L << 30),
    /** GMM with a categorical variable: the sub-seed of category {@code k}. */
    GMM_CATEGORY(1L << 31, 1L << 30),
    /** Generic resampling: bootstrap resample or subsampling round {@code r}. */
    RESAMPLING(1L << 32, 1L << 31),
    /** RMI: bootstrap resample {@code r} of the (feature, Jacobian) pairs. */
    RMI_BOOTSTRAP(5L << 32, 1L << 31),
    /**
     * Generic permutation test: permutation {@code r}. Drawn from the seed XOR {@link #PERMUTATION_SALT},
     * ids {@code [0, 2^31)} of that seed.
     */
    PERMUTATION(3L << 32, 1L << 31);

    /** The salt XOR-ed into the seed of {@link #PERMUTATION}. */
    public static final long PERMUTATION_SALT = 0x5DEECE66DL;

    private final long first;
    private final long count;

    RandomStream(long first, long count) {
        this.first = first;
        this.count = count;
    }

    /** The first stream id of this stream's range. */
    public long first() {
        return first;
    }

    /** How many ids the range holds. */
    public long count() {
        return count;
    }

    /**
     * The stream id of {@code index} within this stream.
     *
     * @throws IllegalArgumentException if {@code index} is outside {@code [0, count())}
     */
    public long id(long index) {
        if (index >= 0 && index < count) {
            return first + index;
        }
        throw Checks.fail("random stream %s has %d sub-streams; index %d is outside [0, %d)", name(), count, index,
                count);
    }

    /** Whether the id ranges of this stream and {@code other} overlap. */
    boolean overlaps(RandomStream other) {
        return first < other.first + other.count && other.first < first + count;
    }
}
