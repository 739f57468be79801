package io.github.fairsynth.spark;

import io.github.fairsynth.cli.SynthDocuments;
import io.github.fairsynth.synth.LabelRanges;
import io.github.fairsynth.synth.SynthJob;
import io.github.fairsynth.synth.SynthSpec;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.connector.read.Batch;
import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.connector.read.PartitionReaderFactory;
import org.apache.spark.sql.connector.read.Scan;
import org.apache.spark.sql.connector.read.ScanBuilder;
import org.apache.spark.sql.types.StructType;

import java.util.List;

/**
 * The scan of one dataset: its partitions (runs of whole blocks, in row order) and, when the spec scales,
 * the label ranges of its first pass, made on the cluster when the scan is planned ({@link LabelRangesPass}).
 */
final class SynthScan implements ScanBuilder, Scan, Batch {
    private final SynthOptions options;
    private final StructType schema;

    SynthScan(SynthOptions options) {
        this.options = options;
        this.schema = SynthSchema.of(options.spec(), options.rowIndex());
    }

    @Override
    public Scan build() {
        return this;
    }

    @Override
    public StructType readSchema() {
        return schema;
    }

    @Override
    public String description() {
        SynthSpec s = options.spec();
        return "fairsynth [rows=" + s.samples() + ", seed=" + s.seed() + ", partitions=" + options.partitions() + "]";
    }

    @Override
    public Batch toBatch() {
        return this;
    }

    @Override
    public InputPartition[] planInputPartitions() {
        List<SynthPartition> parts = LabelRangesPass.partitions(options);
        return parts.toArray(new InputPartition[0]);
    }

    @Override
    public PartitionReaderFactory createReaderFactory() {
        return new SynthReaderFactory(options, ranges(SparkSession.active(), options));
    }

    /**
     * @param spark   the SparkSession
     * @param options the dataset
     * @return its label ranges when its spec scales, else null
     */
    static LabelRanges ranges(SparkSession spark, SynthOptions options) {
        SynthSpec spec = options.spec();
        if (!spec.scale()) {
            return null;
        }
        return LabelRangesPass.of(spark, options, SynthDocuments.resolvedConfig(SynthJob.full(spec, 1)));
    }
}
