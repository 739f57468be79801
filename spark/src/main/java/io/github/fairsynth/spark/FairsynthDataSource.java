package io.github.fairsynth.spark;

import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.connector.catalog.Table;
import org.apache.spark.sql.connector.catalog.TableProvider;
import org.apache.spark.sql.connector.expressions.Transform;
import org.apache.spark.sql.sources.DataSourceRegister;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;

import java.util.Map;

/**
 * The Spark data source {@code fairsynth}: {@code spark.read.format("fairsynth").option("config", json)
 * .option("rows", "100000000").load()} gives the generator's rows, bit-identical to
 * {@code fairsynth generate} of the same config whatever the partition count. Options:
 * {@link SynthOptions}.
 */
public final class FairsynthDataSource implements TableProvider, DataSourceRegister {
    /** Creates the source (Spark does, through {@code META-INF/services}). */
    public FairsynthDataSource() {
    }

    @Override
    public String shortName() {
        return "fairsynth";
    }

    @Override
    public StructType inferSchema(CaseInsensitiveStringMap options) {
        SynthOptions o = SynthOptions.parse(options, parallelism());
        return SynthSchema.of(o.spec(), o.rowIndex());
    }

    @Override
    public Table getTable(StructType schema, Transform[] partitioning, Map<String, String> properties) {
        return new SynthTable(SynthOptions.parse(properties, parallelism()));
    }

    private static int parallelism() {
        return SparkSession.active().sparkContext().defaultParallelism();
    }
}
