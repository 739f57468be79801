package io.github.fairsynth.spark;

import io.github.fairsynth.synth.LabelRanges;
import io.github.fairsynth.synth.SynthBlock;
import io.github.fairsynth.synth.SynthColumns;
import io.github.fairsynth.synth.SynthGenerator;
import io.github.fairsynth.synth.SynthSpec;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The min-max scaling's first pass, as the core makes it, spread over the cluster: every partition
 * generates its blocks and keeps each label column's minimum and maximum, and the driver merges them. A
 * minimum or maximum does not depend on the order it is taken in, so the ranges are exactly those of
 * {@code SynthJob.ranges} on one machine. They are computed once per (config, rows, seed) in a driver JVM
 * and kept: every query of the same dataset reuses them.
 */
final class LabelRangesPass {
    private static final Map<String, LabelRanges> DONE = new ConcurrentHashMap<>();

    private LabelRangesPass() {
    }

    /**
     * @param spark   the SparkSession whose cluster runs the pass
     * @param options the dataset
     * @param key     the dataset's resolved config (with rows and seed)
     * @return the raw range of every label column over all rows
     */
    static LabelRanges of(SparkSession spark, SynthOptions options, String key) {
        LabelRanges known = DONE.get(key);
        if (known != null) {
            return known;
        }
        List<SynthPartition> parts = partitions(options);
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        jsc.setJobDescription("fairsynth: label ranges (first pass of the min-max scaling)");
        LabelRanges ranges = jsc.parallelize(parts, parts.size())
                .map(p -> scan(options, p))
                .reduce((a, b) -> {
                    a.merge(b);
                    return a;
                });
        DONE.put(key, ranges);
        return ranges;
    }

    /** @return the partitions of the dataset, in block order */
    static List<SynthPartition> partitions(SynthOptions options) {
        List<SynthPartition> parts = new ArrayList<>();
        long blocks = options.blocks();
        for (long b = 0; b < blocks; b += options.blocksPerPartition()) {
            parts.add(new SynthPartition(b, Math.min(blocks, b + options.blocksPerPartition())));
        }
        return parts;
    }

    private static LabelRanges scan(SynthOptions options, SynthPartition p) {
        SynthSpec spec = options.spec();
        SynthGenerator generator = new SynthGenerator(spec);
        SynthBlock block = new SynthBlock(spec);
        LabelRanges ranges = new LabelRanges(SynthColumns.labelCount(spec));
        for (long b = p.firstBlock(); b < p.endBlock(); b++) {
            generator.fill(b, block);
            ranges.include(block);
        }
        return ranges;
    }
}
