package io.github.fairsynth.analysis;

import io.github.fairsynth.synth.SynthDataset;
import io.github.fairsynth.synth.SynthSpec;


/**
 * Group-wise fit of a dataset held in memory ({@link SynthDataset}), with the seeded shuffle split. The rows
 * are fed in order, so the result equals {@link GroupOlsSynth} on the same rows and {@link GroupOlsCsv} on
 * their CSV.
 */
public final class GroupOlsDataset {
    private GroupOlsDataset() {
    }

    /**
     * @param d            the dataset
     * @param target       a label column ({@code y_<level>} or an aggregate)
     * @param testFraction share of test rows
     * @param splitSeed    shuffle seed
     * @return the fits
     */
    public static GroupOlsResult fit(SynthDataset d, String target, double testFraction, long splitSeed) {
        SynthSpec spec = d.spec();
        double[] y = d.label(target);
        SplitRule split = new SplitRule(d.rows(), testFraction, splitSeed);
        GroupOlsAccumulator acc = GroupOlsAccumulator.forSpec(spec, target);
        double[] row = new double[spec.dim()];
        boolean[] member = new boolean[spec.groups()];
        for (int r = 0; r < d.rows(); r++) {
            for (int j = 0; j < row.length; j++) {
                row[j] = d.x(j)[r];
            }
            java.util.Arrays.fill(member, false);
            for (int a = 0; a < spec.attributeCount(); a++) {
                member[d.activeGroup(a)[r]] = true;
            }
            acc.add(row, 0, y[r], member, split.isTest(r));
        }
        return acc.result();
    }
}
