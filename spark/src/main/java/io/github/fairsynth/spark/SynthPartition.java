package io.github.fairsynth.spark;

import org.apache.spark.sql.connector.read.InputPartition;

/**
 * One partition of the dataset: blocks {@code [firstBlock, endBlock)}.
 *
 * @param firstBlock the first block
 * @param endBlock   the end block (exclusive)
 */
record SynthPartition(long firstBlock, long endBlock) implements InputPartition {
    private static final long serialVersionUID = 1L;
}
