package io.github.fairsynth.synth;

import io.github.fairsynth.ConfigException;
import io.github.fairsynth.exec.ProgressListener;

import java.util.List;

/**
 * A dataset held in memory, column by column (for tests, notebooks-in-Java and analysis of up to a few
 * million rows). Larger runs stream blocks with {@link SynthJob} instead.
 */
public final class SynthDataset {
    /** Most rows an in-memory dataset may hold. */
    public static final long MAX_ROWS = Integer.MAX_VALUE - 8;

    private final SynthSpec spec;
    private final SynthTruth truth;
    private final LabelRanges ranges;
    private final int rows;
    private final double[][] x;        // [dim][rows]
    private final int[][] group;       // [attributes][rows]
    private final double[][] labels;   // [labelCount][rows]

    private SynthDataset(SynthSpec spec, SynthTruth truth, LabelRanges ranges, int rows) {
        this.spec = spec;
        this.truth = truth;
        this.ranges = ranges;
        this.rows = rows;
        x = new double[spec.dim()][rows];
        group = new int[spec.attributeCount()][rows];
        labels = new double[SynthColumns.labelCount(spec)][rows];
    }

    /**
     * Generates the whole dataset of a spec in memory.
     *
     * @param spec    the spec ({@code samples <= MAX_ROWS})
     * @param threads worker threads
     * @return the dataset
     * @throws Exception if a worker fails
     */
    public static SynthDataset generate(SynthSpec spec, int threads) throws Exception {
        return generate(SynthJob.full(spec, threads));
    }

    /**
     * Generates the rows of a job in memory.
     *
     * @param job the job ({@code limit <= MAX_ROWS})
     * @return the dataset
     * @throws Exception if a worker fails
     */
    public static SynthDataset generate(SynthJob job) throws Exception {
        if (job.limit() > MAX_ROWS) {
            throw new ConfigException("samples", job.limit(), "an in-memory dataset holds at most " + MAX_ROWS + " rows");
        }
        SynthSpec spec = job.spec();
        LabelRanges ranges = spec.scale() ? job.ranges(ProgressListener.NONE) : null;
        SynthDataset d = new SynthDataset(spec, job.generator().truth(), ranges, (int) job.limit());
        long offset = job.offset();
        job.run((block, from, to) -> {
            int dst = (int) (block.firstRow() + from - offset);
            int n = to - from;
            for (int j = 0; j < d.x.length; j++) {
                System.arraycopy(block.x, j * SynthBlock.ROWS + from, d.x[j], dst, n);
            }
            for (int a = 0; a < d.group.length; a++) {
                System.arraycopy(block.group, a * SynthBlock.ROWS + from, d.group[a], dst, n);
            }
            for (int c = 0; c < d.labels.length; c++) {
                System.arraycopy(block.labels, c * SynthBlock.ROWS + from, d.labels[c], dst, n);
            }
            return Boolean.TRUE;
        }, (b, ok) -> { }, ProgressListener.NONE);
        return d;
    }

    /** @return the spec */
    public SynthSpec spec() {
        return spec;
    }

    /** @return the dataset-level draws */
    public SynthTruth truth() {
        return truth;
    }

    /** @return the raw label ranges used for scaling, or {@code null} when the spec does not scale */
    public LabelRanges ranges() {
        return ranges;
    }

    /** @return number of rows */
    public int rows() {
        return rows;
    }

    /**
     * @param j feature index
     * @return feature column {@code x_j} (the live array; do not modify)
     */
    public double[] x(int j) {
        return x[j];
    }

    /**
     * @param a attribute index
     * @return per row, the global group index of attribute {@code a}'s active level (live array)
     */
    public int[] activeGroup(int a) {
        return group[a];
    }

    /**
     * @param g group index
     * @return the 0/1 membership column {@code g_<level>} of group {@code g} (a new array)
     */
    public double[] indicator(int g) {
        int a = attributeOf(g);
        double[] v = new double[rows];
        int[] ga = group[a];
        for (int r = 0; r < rows; r++) {
            v[r] = ga[r] == g ? 1.0 : 0.0;
        }
        return v;
    }

    /**
     * @param g group index
     * @return the attribute that group {@code g} is a level of
     */
    public int attributeOf(int g) {
        int a = spec.attributeCount() - 1;
        while (spec.attributeOffset(a) > g) {
            a--;
        }
        return a;
    }

    /**
     * @param c label column ({@link SynthColumns})
     * @return its values (live array)
     */
    public double[] label(int c) {
        return labels[c];
    }

    /**
     * @param name a label column name ({@code y_<level>} or an aggregate)
     * @return its values (live array)
     */
    public double[] label(String name) {
        for (int c = 0; c < labels.length; c++) {
            if (SynthColumns.labelName(spec, c).equals(name)) {
                return labels[c];
            }
        }
        throw new IllegalArgumentException("no label column " + name + "; columns: " + List.of(SynthColumns.names(spec)));
    }
}
