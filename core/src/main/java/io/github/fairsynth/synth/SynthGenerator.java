package io.github.fairsynth.synth;

import io.github.fairsynth.rng.RngStreams;
import io.github.fairsynth.rng.Xoshiro256PlusPlusX4;
import io.github.fairsynth.rng.ZigguratNormals;
import io.github.fairsynth.simd.Kernels;

import static io.github.fairsynth.synth.SynthBlock.ROWS;

/**
 * The generator's step: fills block {@code b} (rows {@code [b·ROWS, (b+1)·ROWS)}) from the streams of
 * {@code (seed, purpose, b)} alone. Every row of a block is computed, even past {@code samples}, so a
 * row's raw values never depend on {@code samples}, on other blocks, or on the thread that computes it.
 *
 * <p>Thread-safe: the generator is immutable; each thread fills its own {@link SynthBlock}.
 */
public final class SynthGenerator {
    /** Rows per register-blocked chunk in the label kernels (fits L1 with dim ≤ ~60). */
    private static final int CHUNK = 64;

    private final SynthSpec spec;
    private final SynthTruth truth;
    private final Kernels kernels;
    private final double[] cumulative; // per attribute, its levels' running sums (all but the last)
    private final int[] cumOffset;

    /**
     * Draws the dataset-level values (the truth) for a spec.
     *
     * @param spec a validated spec
     */
    public SynthGenerator(SynthSpec spec) {
        this(spec, Kernels.get());
    }

    /**
     * Draws the dataset-level values, with given kernels (all kernels give the same numbers; tests and
     * benchmarks compare them).
     *
     * @param spec    a validated spec
     * @param kernels the kernels to use
     */
    public SynthGenerator(SynthSpec spec, Kernels kernels) {
        this.spec = spec;
        this.kernels = kernels;
        this.truth = new SynthTruth(spec);
        int attrs = spec.attributeCount();
        cumOffset = new int[attrs + 1];
        for (int a = 0; a < attrs; a++) {
            cumOffset[a + 1] = cumOffset[a] + spec.attributes().get(a).size() - 1;
        }
        cumulative = new double[cumOffset[attrs]];
        for (int a = 0; a < attrs; a++) {
            Attribute at = spec.attributes().get(a);
            double sum = 0;
            for (int k = 0; k < at.size() - 1; k++) {
                sum += at.prob(k);
                cumulative[cumOffset[a] + k] = sum;
            }
        }
    }

    /** @return the kernels in use */
    public Kernels kernels() {
        return kernels;
    }

    /** @return the spec */
    public SynthSpec spec() {
        return spec;
    }

    /** @return the dataset-level draws */
    public SynthTruth truth() {
        return truth;
    }

    /** @return number of blocks covering {@code samples} rows */
    public long blockCount() {
        return (spec.samples() + ROWS - 1) / ROWS;
    }

    /**
     * Fills {@code block} with block {@code b}, min-max scaled by {@code scaleBy} unless it is null: a block
     * of the dataset as every writer gives it.
     *
     * @param b       block index, {@code 0 <= b < blockCount()}
     * @param block   the worker's block
     * @param scaleBy the label ranges of the whole dataset, or null for raw values
     */
    public void fill(long b, SynthBlock block, LabelRanges scaleBy) {
        fill(b, block);
        if (scaleBy != null) {
            scaleBy.scale(block);
        }
    }

    /**
     * Fills {@code block} with the raw (unscaled) values of block {@code b}.
     *
     * @param b     block index, {@code 0 <= b < blockCount()}
     * @param block the worker's block
     */
    public void fill(long b, SynthBlock block) {
        block.index = b;
        block.rows = (int) Math.min(ROWS, spec.samples() - b * ROWS);
        block.scaled = false;
        // one 4-lane stream object per block, re-seeded for the groups (the phase methods make their own)
        Xoshiro256PlusPlusX4 lanes = RngStreams.lanes(spec.seed(), Purpose.FEATURES, b);
        fillFeatures(lanes, block);
        lanes.reseed(RngStreams.key(spec.seed(), Purpose.GROUPS, b));
        fillGroups(lanes, block);
        fillLabels(block);
        if (spec.noiseWidth() > 0) {
            addNoise(b, block);
        }
        aggregate(block);
    }

    /*
     * The phases of fill, in its order; public so that benchmarks and tools can time or run them one by
     * one. Each writes whole blocks of ROWS rows and depends on the ones before it.
     */

    /**
     * Phase 1: the features of block {@code b}, uniform on {@code [feat_lo, feat_hi]}.
     *
     * @param b     block index
     * @param block the block
     */
    public void fillFeatures(long b, SynthBlock block) {
        fillFeatures(RngStreams.lanes(spec.seed(), Purpose.FEATURES, b), block);
    }

    private void fillFeatures(Xoshiro256PlusPlusX4 lanes, SynthBlock block) {
        kernels.fillUniform(lanes, block.x, 0, spec.dim() * ROWS, spec.featLo(), spec.featHi());
    }

    /**
     * Phase 2: each row's level of every attribute (its active groups).
     *
     * @param b     block index
     * @param block the block
     */
    public void fillGroups(long b, SynthBlock block) {
        fillGroups(RngStreams.lanes(spec.seed(), Purpose.GROUPS, b), block);
    }

    private void fillGroups(Xoshiro256PlusPlusX4 lanes, SynthBlock block) {
        int attrs = spec.attributeCount();
        double[] u = block.scratch;
        kernels.fillUniform(lanes, u, 0, attrs * ROWS, 0.0, 1.0);
        int[] group = block.group;
        for (int a = 0; a < attrs; a++) {
            int off = spec.attributeOffset(a);
            int c0 = cumOffset[a];
            int c1 = cumOffset[a + 1];
            int base = a * ROWS;
            for (int r = 0; r < ROWS; r++) {
                double v = u[base + r];
                int level = 0;
                for (int k = c0; k < c1; k++) {
                    level += v >= cumulative[k] ? 1 : 0;
                }
                group[base + r] = off + level;
            }
        }
    }

    /**
     * Phase 3: every group's noise-free label {@code y_g = ((0 + x_0 w_0g) + x_1 w_1g) + …} [+ the quadratic
     * term]; plain multiply then add, no FMA.
     *
     * @param block the block (features filled)
     */
    public void fillLabels(SynthBlock block) {
        int dim = spec.dim();
        int groups = spec.groups();
        double[] x = block.x;
        double[] y = block.labels;
        double[] w = truth.weightsRaw();
        if (w != null) {
            kernels.linear(x, w, dim, groups, ROWS, y);
        } else {
            java.util.Arrays.fill(y, 0, groups * ROWS, 0.0);
        }
        double[] s = truth.quadRaw();
        if (s != null) {
            double[] t = new double[CHUNK];
            double[] q = new double[CHUNK];
            for (int r0 = 0; r0 < ROWS; r0 += CHUNK) {
                for (int g = 0; g < groups; g++) {
                    java.util.Arrays.fill(q, 0.0);
                    for (int i = 0; i < dim; i++) {
                        java.util.Arrays.fill(t, 0.0);
                        int so = (g * dim + i) * dim;
                        for (int j = 0; j < dim; j++) {
                            double sij = s[so + j];
                            int xo = j * ROWS + r0;
                            for (int r = 0; r < CHUNK; r++) {
                                t[r] = t[r] + sij * x[xo + r];
                            }
                        }
                        int xi = i * ROWS + r0;
                        for (int r = 0; r < CHUNK; r++) {
                            q[r] = q[r] + x[xi + r] * t[r];
                        }
                    }
                    int yo = g * ROWS + r0;
                    for (int r = 0; r < CHUNK; r++) {
                        y[yo + r] = y[yo + r] + q[r];
                    }
                }
            }
        }
    }

    /**
     * Phase 4: adds {@code noise · N(0, 1)} to every group's label (run by {@link #fill} only when the noise
     * width is positive).
     *
     * @param b     block index
     * @param block the block (labels filled)
     */
    public void addNoise(long b, SynthBlock block) {
        new ZigguratNormals(RngStreams.key(spec.seed(), Purpose.NOISE, b))
                .addScaled(block.labels, 0, spec.groups() * ROWS, spec.noiseWidth());
    }

    /**
     * Phase 5: the aggregate label columns (mean, min, max and dominance-permutation first over the active
     * groups, and mean, min, max over all groups).
     *
     * @param block the block (group labels and levels filled)
     */
    public void aggregate(SynthBlock block) {
        int groups = spec.groups();
        int attrs = spec.attributeCount();
        double[] y = block.labels;
        int[] group = block.group;
        int[] rank = truth.rankRaw();
        int agg = groups * ROWS;
        double invAttrs = attrs; // divide, not multiply by an inverse: the mean is sum / n exactly
        for (int r = 0; r < ROWS; r++) {
            int g0 = group[r];
            double v0 = y[g0 * ROWS + r];
            double sum = 0.0 + v0;
            double mn = v0;
            double mx = v0;
            int best = g0;
            int bestRank = rank[g0];
            for (int a = 1; a < attrs; a++) {
                int g = group[a * ROWS + r];
                double v = y[g * ROWS + r];
                sum += v;
                mn = Math.min(mn, v);
                mx = Math.max(mx, v);
                // the higher-ranked group, by a mask (which one wins is a coin flip to a branch predictor)
                int rg = rank[g];
                int better = rg - bestRank >> 31;
                best = g & better | best & ~better;
                bestRank = rg & better | bestRank & ~better;
            }
            y[agg + SynthColumns.MEAN_ACTIVE * ROWS + r] = sum / invAttrs;
            y[agg + SynthColumns.MIN_ACTIVE * ROWS + r] = mn;
            y[agg + SynthColumns.MAX_ACTIVE * ROWS + r] = mx;
            y[agg + SynthColumns.DPERM_ACTIVE * ROWS + r] = y[best * ROWS + r];
        }
        kernels.groupStats(y, groups, ROWS, agg + SynthColumns.MEAN_ALL * ROWS, agg + SynthColumns.MIN_ALL * ROWS,
                agg + SynthColumns.MAX_ALL * ROWS);
    }
}
