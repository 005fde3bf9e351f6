package io.mist.spark;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;

import org.apache.spark.sql.Row;

/**
 * The values of one column in one partition, in row order, as the map side of {@link MutualInformationMatrix}
 * ships them to the task of a pair: numbers (null as NaN) or, for a categorical column, labels (null kept).
 * Immutable once built.
 */
final class ColumnChunk implements Serializable {
    private static final long serialVersionUID = 1L;

    private final double[] numbers;
    private final String[] labels;

    private ColumnChunk(double[] numbers, String[] labels) {
        this.numbers = numbers;
        this.labels = labels;
    }

    /** Column {@code j} of {@code rows} (Spark rows of one partition) as a chunk of the given kind. */
    static ColumnChunk of(List<Row> rows, int j, ColumnKind kind) {
        int n = rows.size();
        if (kind == ColumnKind.CATEGORICAL) {
            String[] out = new String[n];
            for (int i = 0; i < n; i++) {
                Object v = rows.get(i).get(j);
                out[i] = v == null ? null : v.toString();
            }
            return new ColumnChunk(null, out);
        }
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            Object v = rows.get(i).get(j);
            out[i] = v == null ? Double.NaN : ((Number) v).doubleValue();
        }
        return new ColumnChunk(out, null);
    }

    /** Number of rows. */
    int size() {
        return numbers != null ? numbers.length : labels.length;
    }

    /** Whether the chunk holds labels. */
    boolean categorical() {
        return labels != null;
    }

    /** The numbers (null for a categorical chunk); not copied. */
    double[] numbers() {
        return numbers;
    }

    /** The labels (null for a numeric chunk); not copied. */
    String[] labels() {
        return labels;
    }

    @Override
    public String toString() {
        return "ColumnChunk" + (labels != null ? Arrays.toString(labels) : Arrays.toString(numbers));
    }
}
