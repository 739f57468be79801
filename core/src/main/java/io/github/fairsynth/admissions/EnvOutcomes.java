package io.github.fairsynth.admissions;

import java.io.Serializable;
import java.util.List;

/**
 * What each of a range of environments ends a run with: both groups' totals over all its steps and its
 * last threshold, in environment order, in primitive arrays (so it can be sent between machines).
 * {@link AdmissionsRun#runEnvironments} makes one per range; {@link #concat} joins ranges in order;
 * {@link AdmissionsRun#combine} turns all of a run's into its result.
 */
public final class EnvOutcomes implements EnvTotals, Serializable {
    private static final long serialVersionUID = 1L;
    private static final int COUNTS = 5;
    private static final int SUMS = 2;

    private final long[] counts;
    private final double[] sums;
    private final double[] last;

    EnvOutcomes(int size) {
        counts = new long[size * 2 * COUNTS];
        sums = new double[size * 2 * SUMS];
        last = new double[size];
    }

    /**
     * Joins the outcomes of consecutive environment ranges.
     *
     * @param parts the ranges' outcomes, in environment order
     * @return one outcome per environment of all the ranges, in order
     */
    public static EnvOutcomes concat(List<EnvOutcomes> parts) {
        int size = 0;
        for (EnvOutcomes p : parts) {
            size += p.size();
        }
        EnvOutcomes out = new EnvOutcomes(size);
        int at = 0;
        for (EnvOutcomes p : parts) {
            System.arraycopy(p.counts, 0, out.counts, at * 2 * COUNTS, p.counts.length);
            System.arraycopy(p.sums, 0, out.sums, at * 2 * SUMS, p.sums.length);
            System.arraycopy(p.last, 0, out.last, at, p.last.length);
            at += p.size();
        }
        return out;
    }

    /** @return environments held */
    public int size() {
        return last.length;
    }

    /**
     * @param e environment (within these outcomes)
     * @return its last threshold
     */
    @Override
    public double lastThreshold(int e) {
        return last[e];
    }

    /**
     * Copies environment {@code e}'s totals of group {@code g} into {@code into}.
     *
     * @param e    environment (within these outcomes)
     * @param g    group, 0 or 1
     * @param into receives the totals (its own are replaced)
     */
    public void totals(int e, int g, GroupMetrics into) {
        into.clear();
        addTotals(e, g, into);
    }

    @Override
    public void addTotals(int e, int g, GroupMetrics into) {
        int c = (e * 2 + g) * COUNTS;
        int s = (e * 2 + g) * SUMS;
        into.applicants += counts[c];
        into.eligible += counts[c + 1];
        into.selected += counts[c + 2];
        into.manipulated += counts[c + 3];
        into.correct += counts[c + 4];
        into.burden += sums[s];
        into.socialBurden += sums[s + 1];
    }

    void set(int e, GroupMetrics[] totals, double lastThreshold) {
        for (int g = 0; g < 2; g++) {
            GroupMetrics m = totals[g];
            int c = (e * 2 + g) * COUNTS;
            int s = (e * 2 + g) * SUMS;
            counts[c] = m.applicants;
            counts[c + 1] = m.eligible;
            counts[c + 2] = m.selected;
            counts[c + 3] = m.manipulated;
            counts[c + 4] = m.correct;
            sums[s] = m.burden;
            sums[s + 1] = m.socialBurden;
        }
        last[e] = lastThreshold;
    }
}
