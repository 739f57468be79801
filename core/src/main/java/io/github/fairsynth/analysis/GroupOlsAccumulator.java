package io.github.fairsynth.analysis;

import io.github.fairsynth.synth.SynthSpec;

import java.util.ArrayList;
import java.util.List;

/**
 * One pass over rows of (features, target, group membership, split) that gathers what every group's
 * least-squares fit and R² need. Rows arrive in order through {@link #add}; every {@value #CHUNK} rows the
 * chunk's exact moments are merged into the totals: per cell of rows with the same groups and split side
 * when the chunk has at most {@value #MAX_CELLS} cells (so a row's cross-products are computed once, however
 * many groups it is in), else per group. Results depend only on the rows and their order (not on where
 * they came from: a CSV file and the generator give identical statistics).
 *
 * <p>Not thread-safe.
 */
public final class GroupOlsAccumulator {
    /** Rows per chunk. */
    public static final int CHUNK = 4096;
    /** Most membership patterns (groups and split side) a chunk may have to be summed pattern by pattern. */
    static final int MAX_CELLS = 64;

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
    // the chunk's cells: rows with the same groups and split side
    private final long[] cellKey = new long[MAX_CELLS];
    private final int[] cellOf = new int[CHUNK];
    private final int[] cellRank = new int[MAX_CELLS];
    private final int[] cellStart = new int[MAX_CELLS + 1];
    private final int[] byRank = new int[MAX_CELLS];

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
    static GroupOlsAccumulator forSpec(SynthSpec spec, String target) {
        List<String> features = new ArrayList<>();
        for (int j = 0; j < spec.dim(); j++) {
            features.add("x_" + j);
        }
        List<String> groups = new ArrayList<>();
        for (int g = 0; g < spec.groups(); g++) {
            groups.add(spec.groupName(g));
        }
        return new GroupOlsAccumulator(features, groups, target);
    }

    private void flush() {
        if (g >= 63 || !flushByCells()) {
            flushByGroups();
        }
        rows = 0;
    }

    /**
     * The chunk's moments cell by cell, each merged into every group the cell belongs to: a row's
     * cross-products are computed once, not once per group it is in (the paper's rows are in three sets,
     * their two levels and all rows). Cells are taken in order of their membership bits, so the sums
     * depend only on the rows. Does nothing and returns false when the chunk has more than
     * {@value #MAX_CELLS} cells (many overlapping attributes); then {@link #flushByGroups} does the chunk.
     */
    private boolean flushByCells() {
        int cells = 0;
        for (int r = 0; r < rows; r++) {
            long key = isTest[r] ? 1L << g : 0L;
            int o = r * g;
            for (int grp = 0; grp < g; grp++) {
                if (member[o + grp]) {
                    key |= 1L << grp;
                }
            }
            int c = 0;
            while (c < cells && cellKey[c] != key) {
                c++;
            }
            if (c == cells) {
                if (cells == MAX_CELLS) {
                    return false;
                }
                cellKey[cells++] = key;
            }
            cellOf[r] = c;
        }
        // rank cells by key (insertion sort of at most MAX_CELLS), then place rows cell after cell
        for (int c = 0; c < cells; c++) {
            int at = c;
            while (at > 0 && cellKey[byRank[at - 1]] > cellKey[c]) {
                byRank[at] = byRank[at - 1];
                at--;
            }
            byRank[at] = c;
        }
        for (int i = 0; i < cells; i++) {
            cellRank[byRank[i]] = i;
        }
        java.util.Arrays.fill(cellStart, 0, cells + 1, 0);
        for (int r = 0; r < rows; r++) {
            cellStart[cellRank[cellOf[r]] + 1]++;
        }
        for (int i = 0; i < cells; i++) {
            cellStart[i + 1] += cellStart[i];
        }
        for (int r = 0; r < rows; r++) {
            gather(r, cellStart[cellRank[cellOf[r]]]++);
        }
        for (int i = cells; i > 0; i--) {
            cellStart[i] = cellStart[i - 1];
        }
        cellStart[0] = 0;
        for (int i = 0; i < cells; i++) {
            long key = cellKey[byRank[i]];
            scratch.setFrom(z, cellStart[i], cellStart[i + 1] - cellStart[i]);
            Moments[] side = (key >>> g & 1) == 1 ? test : train;
            for (int grp = 0; grp < g; grp++) {
                if ((key >>> grp & 1) == 1) {
                    side[grp].merge(scratch);
                }
            }
            side[g].merge(scratch);
        }
        return true;
    }

    /** Copies the chunk's row r (features, then target) to vector {@code at} of {@code z}. */
    private void gather(int r, int at) {
        System.arraycopy(x, r * p, z, at * k, p);
        z[at * k + p] = y[r];
    }

    /** The chunk's moments group by group (and all rows), each group's rows gathered and summed. */
    private void flushByGroups() {
        for (int grp = 0; grp <= g; grp++) {
            for (int side = 0; side < 2; side++) {
                boolean wantTest = side == 1;
                int n = 0;
                for (int r = 0; r < rows; r++) {
                    if (isTest[r] == wantTest && (grp == g || member[r * g + grp])) {
                        gather(r, n++);
                    }
                }
                if (n > 0) {
                    scratch.setFrom(z, n);
                    (wantTest ? test : train)[grp].merge(scratch);
                }
            }
        }
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
