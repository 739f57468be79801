package io.github.fairsynth.synth;

import java.util.Arrays;

/**
 * The minimum and maximum of every label column over a set of rows, and the min-max scaling they define:
 * {@code (v - min) / (max - min)}, or 0 for a constant column. Scaled values lie in [0, 1]; the minimum
 * maps to exactly 0 and the maximum to exactly 1.
 */
public final class LabelRanges implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    private final double[] min;
    private final double[] max;

    /**
     * An empty range set ({@code +inf, -inf}) to merge into.
     *
     * @param labelCount number of label columns
     */
    public LabelRanges(int labelCount) {
        min = new double[labelCount];
        max = new double[labelCount];
        Arrays.fill(min, Double.POSITIVE_INFINITY);
        Arrays.fill(max, Double.NEGATIVE_INFINITY);
    }

    /**
     * Widens the ranges by the first {@code block.rows()} rows of a raw block.
     *
     * @param block a filled, unscaled block
     */
    public void include(SynthBlock block) {
        double[] y = block.labels;
        int n = block.rows;
        for (int c = 0; c < min.length; c++) {
            int o = c * SynthBlock.ROWS;
            double lo = min[c];
            double hi = max[c];
            for (int r = 0; r < n; r++) {
                double v = y[o + r];
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
            min[c] = lo;
            max[c] = hi;
        }
    }

    /**
     * Widens these ranges by another set's.
     *
     * @param other ranges of other rows
     */
    public void merge(LabelRanges other) {
        for (int c = 0; c < min.length; c++) {
            min[c] = Math.min(min[c], other.min[c]);
            max[c] = Math.max(max[c], other.max[c]);
        }
    }

    /**
     * @param c label column
     * @return its minimum
     */
    public double min(int c) {
        return min[c];
    }

    /**
     * @param c label column
     * @return its maximum
     */
    public double max(int c) {
        return max[c];
    }

    /** @return number of label columns */
    public int size() {
        return min.length;
    }

    /**
     * Scales every label column of a raw block in place.
     *
     * @param block a filled, unscaled block
     */
    public void scale(SynthBlock block) {
        if (block.scaled) {
            throw new IllegalStateException("block " + block.index + " is already scaled");
        }
        scaleColumns(block.labels);
        block.scaled = true;
    }

    /**
     * Min-max scales label columns in place, {@code (y - min) / (max - min)} per column (0 where the column
     * is constant), with no check: {@link #scale(SynthBlock)} is the checked form.
     *
     * @param y label columns, column-major with stride {@link SynthBlock#ROWS}, as {@link SynthBlock#labelArray()}
     */
    public void scaleColumns(double[] y) {
        for (int c = 0; c < min.length; c++) {
            int o = c * SynthBlock.ROWS;
            double lo = min[c];
            double span = max[c] - lo;
            if (span > 0) {
                for (int r = 0; r < SynthBlock.ROWS; r++) {
                    y[o + r] = (y[o + r] - lo) / span;
                }
            } else {
                Arrays.fill(y, o, o + SynthBlock.ROWS, 0.0);
            }
        }
    }
}
