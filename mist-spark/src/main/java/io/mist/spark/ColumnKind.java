package io.mist.spark;

import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StringType;

/** How a DataFrame column enters an estimate: as numbers, or as labels coded 0, 1, ... in sorted order. */
enum ColumnKind {
    /** A numeric Spark type (byte to double, decimal), read as double. */
    NUMERIC,
    /** A string or boolean column: each distinct label a category. */
    CATEGORICAL;

    /** The kind of a column of Spark type {@code type}, or null when the type is neither. */
    static ColumnKind of(DataType type) {
        if (type instanceof NumericType) {
            return NUMERIC;
        }
        if (type instanceof StringType || type instanceof BooleanType) {
            return CATEGORICAL;
        }
        return null;
    }
}
