package io.github.fairsynth.spark;

import io.github.fairsynth.synth.SynthColumns;
import io.github.fairsynth.synth.SynthSpec;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.util.ArrayList;
import java.util.List;

/**
 * The DataFrame's columns, as the Parquet file of {@code fairsynth generate} has them: {@code x_j}, then
 * {@code g_<level>} (unless {@code drop_sensitive}), then the labels and aggregates; doubles, with the
 * group indicators as booleans; none nullable. With {@code rowIndex}, a leading {@code row} (long).
 */
final class SynthSchema {
    /** Name of the optional row-number column. */
    static final String ROW = "row";

    private SynthSchema() {
    }

    static StructType of(SynthSpec spec, boolean rowIndex) {
        List<StructField> fields = new ArrayList<>();
        if (rowIndex) {
            fields.add(DataTypes.createStructField(ROW, DataTypes.LongType, false));
        }
        List<String> names = SynthColumns.names(spec);
        int indicators = spec.dropSensitive() ? 0 : spec.groups();
        for (int c = 0; c < names.size(); c++) {
            boolean indicator = c >= spec.dim() && c < spec.dim() + indicators;
            DataType t = indicator ? DataTypes.BooleanType : DataTypes.DoubleType;
            fields.add(DataTypes.createStructField(names.get(c), t, false));
        }
        return DataTypes.createStructType(fields);
    }
}
