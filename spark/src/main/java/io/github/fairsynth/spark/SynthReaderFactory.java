package io.github.fairsynth.spark;

import io.github.fairsynth.synth.LabelRanges;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.connector.read.PartitionReader;
import org.apache.spark.sql.connector.read.PartitionReaderFactory;
import org.apache.spark.sql.vectorized.ColumnarBatch;

/**
 * Makes each partition's reader on an executor. Columnar only: a batch is one of the core's blocks.
 */
final class SynthReaderFactory implements PartitionReaderFactory {
    private static final long serialVersionUID = 1L;

    private final SynthOptions options;
    /** The label ranges of the whole dataset, or null when the spec does not scale. */
    private final LabelRanges ranges;

    SynthReaderFactory(SynthOptions options, LabelRanges ranges) {
        this.options = options;
        this.ranges = ranges;
    }

    @Override
    public boolean supportColumnarReads(InputPartition partition) {
        return true;
    }

    @Override
    public PartitionReader<ColumnarBatch> createColumnarReader(InputPartition partition) {
        return new SynthBatchReader(options, ranges, (SynthPartition) partition);
    }

    @Override
    public PartitionReader<InternalRow> createReader(InputPartition partition) {
        throw new UnsupportedOperationException("the fairsynth source reads columnar batches only");
    }
}
