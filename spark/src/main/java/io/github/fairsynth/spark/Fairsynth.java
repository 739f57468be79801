package io.github.fairsynth.spark;

import io.github.fairsynth.cli.SynthDocuments;
import io.github.fairsynth.synth.LabelRanges;
import io.github.fairsynth.synth.SynthJob;
import io.github.fairsynth.synth.SynthSpec;
import org.apache.spark.sql.SparkSession;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * What the driver can ask of a fairsynth dataset besides its rows: the ground truth (W, S, the dominance
 * permutation, the label ranges), as {@code fairsynth generate --truth} writes it.
 */
public final class Fairsynth {
    private Fairsynth() {
    }

    /**
     * The ground-truth document of the dataset the same options give to {@code spark.read.format("fairsynth")}:
     * byte for byte the {@code --truth} file of {@code fairsynth generate} with the same config, rows and
     * seed. When the spec scales, its label ranges come from the cluster's first pass (made once and kept).
     *
     * @param spark   the SparkSession
     * @param options the source's options ({@code config}, {@code rows}, {@code seed}, ...)
     * @return pretty-printed JSON
     */
    public static String truth(SparkSession spark, Map<String, String> options) {
        SynthOptions o = SynthOptions.parse(options, spark.sparkContext().defaultParallelism());
        SynthSpec spec = o.spec();
        LabelRanges ranges = SynthScan.ranges(spark, o);
        return new String(SynthDocuments.truth(SynthJob.full(spec, 1), ranges), StandardCharsets.UTF_8);
    }
}
