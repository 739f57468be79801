package io.github.fairsynth.spark;

import io.github.fairsynth.synth.LabelRanges;
import io.github.fairsynth.synth.SynthBlock;
import io.github.fairsynth.synth.SynthColumns;
import io.github.fairsynth.synth.SynthGenerator;
import io.github.fairsynth.synth.SynthSpec;
import org.apache.spark.sql.connector.read.PartitionReader;
import org.apache.spark.sql.execution.vectorized.OnHeapColumnVector;
import org.apache.spark.sql.vectorized.ColumnarBatch;

/**
 * Reads one partition: fills the core's block for each of its blocks (the very code of one machine),
 * scales it by the whole dataset's label ranges, and copies its columns into one columnar batch that is
 * reused for every block.
 */
final class SynthBatchReader implements PartitionReader<ColumnarBatch> {
    private final SynthSpec spec;
    private final SynthGenerator generator;
    private final SynthBlock block;
    private final LabelRanges scaleBy;
    private final long endBlock;
    private final boolean rowIndex;
    private final int[] attributeOf;
    private final OnHeapColumnVector[] vectors;
    private final ColumnarBatch batch;
    private long next;

    SynthBatchReader(SynthOptions options, LabelRanges scaleBy, SynthPartition partition) {
        spec = options.spec();
        generator = new SynthGenerator(spec);
        block = new SynthBlock(spec);
        this.scaleBy = scaleBy;
        next = partition.firstBlock();
        endBlock = partition.endBlock();
        rowIndex = options.rowIndex();
        attributeOf = spec.attributeOfGroups();
        vectors = OnHeapColumnVector.allocateColumns(SynthBlock.ROWS, SynthSchema.of(spec, rowIndex));
        batch = new ColumnarBatch(vectors);
    }

    @Override
    public boolean next() {
        if (next >= endBlock) {
            return false;
        }
        generator.fill(next++, block, scaleBy);
        int n = block.rows();
        int v = 0;
        if (rowIndex) {
            OnHeapColumnVector row = vectors[v++];
            row.reset();
            long first = block.firstRow();
            for (int r = 0; r < n; r++) {
                row.putLong(r, first + r);
            }
        }
        double[] x = block.xArray();
        for (int j = 0; j < spec.dim(); j++) {
            vectors[v].reset();
            vectors[v++].putDoubles(0, n, x, j * SynthBlock.ROWS);
        }
        if (!spec.dropSensitive()) {
            int[] group = block.groupArray();
            for (int g = 0; g < spec.groups(); g++) {
                OnHeapColumnVector col = vectors[v++];
                col.reset();
                int o = attributeOf[g] * SynthBlock.ROWS;
                for (int r = 0; r < n; r++) {
                    col.putBoolean(r, group[o + r] == g);
                }
            }
        }
        double[] y = block.labelArray();
        for (int c = 0; c < SynthColumns.labelCount(spec); c++) {
            vectors[v].reset();
            vectors[v++].putDoubles(0, n, y, c * SynthBlock.ROWS);
        }
        batch.setNumRows(n);
        return true;
    }

    @Override
    public ColumnarBatch get() {
        return batch;
    }

    @Override
    public void close() {
        batch.close();
    }
}
