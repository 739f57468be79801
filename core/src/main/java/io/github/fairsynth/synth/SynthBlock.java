package io.github.fairsynth.synth;

/**
 * A columnar block of {@value #ROWS} rows: features, the active group of each attribute, and every label
 * column. A worker owns one and refills it for each block; nothing is allocated per row.
 *
 * <p>Layouts (row {@code r}, {@code 0 <= r < ROWS}): feature {@code j} at {@code x[j*ROWS + r]}; the
 * global group index of attribute {@code a}'s active level at {@code group[a*ROWS + r]}; label column
 * {@code c} (see {@link SynthColumns}) at {@code labels[c*ROWS + r]}.
 */
public final class SynthBlock {
    /** Rows per block: part of the reproducibility contract (streams are per block). */
    public static final int ROWS = 4096;

    final int dim;
    final int groups;
    final int attributes;
    final int labelCount;
    final double[] x;
    final int[] group;
    final double[] labels;
    final double[] scratch;
    long index = -1;
    int rows;
    boolean scaled;

    /**
     * Allocates a block for a spec.
     *
     * @param spec the spec
     */
    public SynthBlock(SynthSpec spec) {
        dim = spec.dim();
        groups = spec.groups();
        attributes = spec.attributeCount();
        labelCount = SynthColumns.labelCount(spec);
        x = new double[dim * ROWS];
        group = new int[attributes * ROWS];
        labels = new double[labelCount * ROWS];
        scratch = new double[Math.max(attributes, dim) * ROWS];
    }

    /** @return the block index */
    public long index() {
        return index;
    }

    /** @return the dataset row of this block's row 0 */
    public long firstRow() {
        return index * ROWS;
    }

    /** @return how many rows of this block belong to the dataset ({@code ROWS} except maybe the last) */
    public int rows() {
        return rows;
    }

    /** @return whether the label columns hold scaled values */
    public boolean isScaled() {
        return scaled;
    }

    /**
     * @param j feature index
     * @param r row within the block
     * @return feature {@code j} of row {@code r}
     */
    public double x(int j, int r) {
        return x[j * ROWS + r];
    }

    /**
     * @param a attribute index
     * @param r row within the block
     * @return the global group index of attribute {@code a}'s active level in row {@code r}
     */
    public int group(int a, int r) {
        return group[a * ROWS + r];
    }

    /**
     * @param c label column index ({@link SynthColumns})
     * @param r row within the block
     * @return the label value
     */
    public double label(int c, int r) {
        return labels[c * ROWS + r];
    }

    /** @return the raw feature array (column-major, stride {@value #ROWS}); read only */
    public double[] xArray() {
        return x;
    }

    /** @return the raw active-group array (attribute-major, stride {@value #ROWS}); read only */
    public int[] groupArray() {
        return group;
    }

    /** @return the raw label array (label-column-major, stride {@value #ROWS}); read only */
    public double[] labelArray() {
        return labels;
    }
}
