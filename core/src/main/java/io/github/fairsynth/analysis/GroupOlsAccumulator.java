package io.github.fairsynth.analysis;

import java.util.List;

/**
 * One pass over rows of (features, target, group membership, split) that gathers what every group's
 * least-squares fit and R² need. Rows arrive in order through {@link #add}; every {@value #CHUNK} rows the
 * chunk's exact moments are merged into the totals, so results depend only on the rows and their order
 * (not on where they came from: a CSV file and the generator give identical statistics).
 *
 * <p>Not thread-safe.
 */
public final class GroupOlsAccumulator {
    /** Rows per chunk. */
    public static final int CHUNK = 4096;

    private final List<String> features;
    private final List<String> groups;
    private final String target;
    private final int p;
    private final int k;
    private final int g;
    private final Moments[] train;
    private final Moments[] test;
    private final Moments scratch;
    // the chunk being filled
    private final double[] x;
    private final double[] y;
    private final boolean[] isTest;
    private final boolean[] member;
    private final double[] z;
    private int rows;

    /**
     * @param features feature names (the regressors, in order)
     * @param groups   group names, in order
     * @param target   the target's name
     */
    public GroupOlsAccumulator(List<String> features, List<String> groups, String target) {
        this.features = List.copyOf(features);
        this.groups = List.copyOf(groups);
        this.target = target;
        p = features.size();
        k = p + 1;
        g = groups.size();
        train = new Moments[g + 1];
        test = new Moments[g + 1];
        for (int i = 0; i <= g; i++) {
            train[i] = new Moments(k);
            test[i] = new Moments(k);
        }
        scratch = new Moments(k);
        x = new double[CHUNK * p];
        y = new double[CHUNK];
        isTest = new boolean[CHUNK];
        member = new boolean[CHUNK * g];
        z = new double[CHUNK * k];
    }

    /**
     * Adds one row.
     *
     * @param features   the row's features ({@code p} values from {@code offset})
     * @param offset     where they start
     * @param targetValue the target
     * @param groupMember whether the row belongs to each group ({@code g} values)
     * @param testRow    whether the row is a test row
     */
    public void add(double[] features, int offset, double targetValue, boolean[] groupMember, boolean testRow) {
        System.arraycopy(features, offset, x, rows * p, p);
        System.arraycopy(groupMember, 0, member, rows * g, g);
        y[rows] = targetValue;
        isTest[rows] = testRow;
        if (++rows == CHUNK) {
            flush();
        }
    }

    /**
     * The accumulator for a generator spec's columns: features {@code x_0 … x_{dim-1}}, the spec's groups.
     *
     * @param spec   the spec
     * @param target the target's name
     * @return a new accumulator
     */
    static GroupOlsAccumulator forSpec(io.github.fairsynth.synth.SynthSpec spec, String target) {
        java.util.List<String> features = new java.util.ArrayList<>();
        for (int j = 0; j < spec.dim(); j++) {
            features.add("x_" + j);
        }
        java.util.List<String> groups = new java.util.ArrayList<>();
        for (int g = 0; g < spec.groups(); g++) {
            groups.add(spec.groupName(g));
        }
        return new GroupOlsAccumulator(features, groups, target);
    }

    private void flush() {
        for (int grp = 0; grp <= g; grp++) {
            for (int side = 0; side < 2; side++) {
                boolean wantTest = side == 1;
                int n = 0;
                for (int r = 0; r < rows; r++) {
                    if (isTest[r] == wantTest && (grp == g || member[r * g + grp])) {
                        System.arraycopy(x, r * p, z, n * k, p);
                        z[n * k + p] = y[r];
                        n++;
                    }
                }
                if (n > 0) {
                    scratch.setFrom(z, n);
                    (wantTest ? test : train)[grp].merge(scratch);
                }
            }
        }
        rows = 0;
    }

    /**
     * Fits every group and the all-rows model.
     *
     * @return the fits, R² values and the cross-group matrix
     */
    public GroupOlsResult result() {
        if (rows > 0) {
            flush();
        }
        return new GroupOlsResult(target, features, groups, train, test);
    }
}
