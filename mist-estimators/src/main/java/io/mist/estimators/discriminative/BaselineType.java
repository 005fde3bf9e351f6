package io.mist.estimators.discriminative;

import io.mist.estimators.nn.internal.OptionIds;

/** The baseline of TUBA and alpha-TUBA (option {@code baseline}). */
public enum BaselineType {
    /** A network {@code b(x)}: {@link MlpBaseline} (the default, as torch_mist). */
    MLP("mlp"),
    /** A fixed value (option {@code baseline_value}): {@link ConstantBaseline}. */
    CONSTANT("constant"),
    /** One learned scalar: {@link LearnableBaseline}. */
    LEARNABLE("learnable"),
    /** The log-mean-exp of all negatives' scores of the batch: {@link LogMeanExpBaseline#overBatch()}. */
    LME("lme");

    private final String id;

    BaselineType(String id) {
        this.id = id;
    }

    /** The option value. */
    public String id() {
        return id;
    }

    /** The type named {@code id}; an unknown name lists the known ones. */
    public static BaselineType of(String id) {
        return OptionIds.of("baseline", id, values(), BaselineType::id);
    }

    /** All option values. */
    public static String[] ids() {
        return OptionIds.ids(values(), BaselineType::id);
    }
}
