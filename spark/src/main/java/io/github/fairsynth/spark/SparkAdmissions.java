package io.github.fairsynth.spark;

import io.github.fairsynth.admissions.AdmissionsParams;
import io.github.fairsynth.admissions.AdmissionsResult;
import io.github.fairsynth.admissions.AdmissionsRun;
import io.github.fairsynth.admissions.EnvOutcomes;
import io.github.fairsynth.admissions.JurySettings;
import io.github.fairsynth.exec.ProgressListener;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

import java.util.ArrayList;
import java.util.List;

/**
 * The admissions game on a cluster: a run's E environments spread over partitions of whole
 * {@value AdmissionsRun#ENV_BLOCK}-environment blocks, each partition stepping its environments through all
 * steps with the core engine (one thread per task), and the driver combining every environment's outcome
 * in environment order. So each trajectory, every total and the final thresholds are those of
 * {@code fairsynth admissions} with the same parameters, jury and seed, whatever the partition count.
 */
public final class SparkAdmissions {
    private SparkAdmissions() {
    }

    /**
     * @param spark      the SparkSession whose cluster runs the environments
     * @param params     environment parameters
     * @param jury       jury settings
     * @param seed       seed
     * @param envs       environments, {@code >= 1}
     * @param steps      steps, in {@code [1, max_steps + 1]}
     * @param partitions partitions, {@code >= 1} (fewer when there are fewer blocks of environments)
     * @return the run's result, as {@link AdmissionsRun#run} gives it
     */
    public static AdmissionsResult run(SparkSession spark, AdmissionsParams params, JurySettings jury, long seed,
                                       int envs, long steps, int partitions) {
        AdmissionsRun run = new AdmissionsRun(params, jury, seed, envs, steps, 1); // checks every parameter here
        if (partitions < 1) {
            throw new io.github.fairsynth.ConfigException("partitions", partitions, "must be a whole number >= 1");
        }
        int blocks = (envs + AdmissionsRun.ENV_BLOCK - 1) / AdmissionsRun.ENV_BLOCK;
        int per = (blocks + Math.min(partitions, blocks) - 1) / Math.min(partitions, blocks);
        List<int[]> ranges = new ArrayList<>();
        for (int b = 0; b < blocks; b += per) {
            ranges.add(new int[] {b * AdmissionsRun.ENV_BLOCK, Math.min(envs, (b + per) * AdmissionsRun.ENV_BLOCK)});
        }
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        jsc.setJobDescription("fairsynth: admissions, " + envs + " environments x " + steps + " steps");
        List<EnvOutcomes> parts = jsc.parallelize(ranges, ranges.size())
                .map(r -> new AdmissionsRun(params, jury, seed, envs, steps, 1)
                        .runEnvironments(r[0], r[1], ProgressListener.NONE))
                .collect();
        return run.combine(EnvOutcomes.concat(parts));
    }
}
