package io.github.fairsynth.analysis;

import io.github.fairsynth.ConfigException;
import io.github.fairsynth.exec.ProgressListener;
import io.github.fairsynth.synth.SynthColumns;
import io.github.fairsynth.synth.SynthJob;
import io.github.fairsynth.synth.SynthSpec;

import java.util.ArrayList;
import java.util.List;

/**
 * Group-wise fit straight on generated rows, without writing them: the same rows, in the same order,
 * as the CSV of the same job, so the result equals {@link GroupOlsCsv} on that file exactly. The split is
 * the seeded shuffle over the job's row positions.
 */
public final class GroupOlsSynth {
    private GroupOlsSynth() {
    }

    /**
     * @param job          the generation run (any row range)
     * @param target       a label column ({@code y_<level>} or an aggregate)
     * @param testFraction share of test rows
     * @param splitSeed    shuffle seed
     * @param progress     progress of the run
     * @return the fits
     * @throws Exception if generation fails
     */
    public static GroupOlsResult fit(SynthJob job, String target, double testFraction, long splitSeed,
                                     ProgressListener progress) throws Exception {
        SynthSpec spec = job.spec();
        int label = -1;
        for (int c = 0; c < SynthColumns.labelCount(spec); c++) {
            if (SynthColumns.labelName(spec, c).equals(target)) {
                label = c;
            }
        }
        if (label < 0) {
            List<String> labels = new ArrayList<>();
            for (int c = 0; c < SynthColumns.labelCount(spec); c++) {
                labels.add(SynthColumns.labelName(spec, c));
            }
            throw new ConfigException("fit", target, "must be a label column: " + String.join(", ", labels));
        }
        for (int g = 0; g < spec.groups(); g++) {
            int a = attributeOf(spec, g);
            if (spec.attributes().get(a).prob(g - spec.attributeOffset(a)) == 0) {
                throw new ConfigException("fit", target, "group " + spec.groupName(g) + " has probability 0: it is empty");
            }
        }
        SplitRule split = new SplitRule(job.limit(), testFraction, splitSeed);
        GroupOlsAccumulator acc = GroupOlsAccumulator.forSpec(spec, target);
        int dim = spec.dim();
        int attrs = spec.attributeCount();
        int groupCount = spec.groups();
        final int labelCol = label;
        boolean[] member = new boolean[groupCount];
        long[] next = {0};
        // Blocks are generated on the workers, which copy out what the fit needs (the block itself is
        // reused); rows are fed to the accumulator in order on this thread.
        job.run((block, from, to) -> {
            int n = to - from;
            double[] xs = new double[n * dim];
            for (int j = 0; j < dim; j++) {
                for (int r = 0; r < n; r++) {
                    xs[r * dim + j] = block.x(j, from + r);
                }
            }
            double[] ys = new double[n];
            int[] active = new int[n * attrs];
            for (int r = 0; r < n; r++) {
                ys[r] = block.label(labelCol, from + r);
                for (int a = 0; a < attrs; a++) {
                    active[r * attrs + a] = block.group(a, from + r);
                }
            }
            return new Object[] {xs, ys, active};
        }, (b, rowsOfBlock) -> {
            double[] xs = (double[]) rowsOfBlock[0];
            double[] ys = (double[]) rowsOfBlock[1];
            int[] active = (int[]) rowsOfBlock[2];
            for (int r = 0; r < ys.length; r++) {
                java.util.Arrays.fill(member, false);
                for (int a = 0; a < attrs; a++) {
                    member[active[r * attrs + a]] = true;
                }
                acc.add(xs, r * dim, ys[r], member, split.isTest(next[0]++));
            }
        }, progress);
        return acc.result();
    }

    private static int attributeOf(SynthSpec spec, int g) {
        int a = spec.attributeCount() - 1;
        while (spec.attributeOffset(a) > g) {
            a--;
        }
        return a;
    }
}
