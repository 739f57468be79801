package io.github.fairsynth.synth;

import io.github.fairsynth.rng.RngStreams;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The dataset-level draws: the weight matrix {@code W}, the quadratic forms {@code S} and the dominance
 * permutation. They depend only on the spec's seed, dim and groups (never on {@code samples}).
 */
public final class SynthTruth {
    private final int dim;
    private final int groups;
    private final double[] w;      // row-major dim x groups, null unless linear
    private final double[] s;      // groups x dim x dim, null unless quad
    private final int[] perm;      // dominance permutation: perm[i] = group at position i
    private final int[] rank;      // inverse: rank[g] = position of g in perm

    SynthTruth(SynthSpec spec) {
        dim = spec.dim();
        groups = spec.groups();
        long seed = spec.seed();
        if (spec.linear()) {
            w = uniforms(RngStreams.scalar(seed, Purpose.WEIGHTS, 0), dim * groups, spec.wLo(), spec.wHi());
        } else {
            w = null;
        }
        if (spec.quad()) {
            s = uniforms(RngStreams.scalar(seed, Purpose.QUAD, 0), groups * dim * dim, spec.sLo(), spec.sHi());
        } else {
            s = null;
        }
        perm = new int[groups];
        for (int g = 0; g < groups; g++) {
            perm[g] = g;
        }
        UniformRandomProvider rng = RngStreams.scalar(seed, Purpose.PERMUTATION, 0);
        for (int i = groups - 1; i > 0; i--) {
            int j = RngStreams.boundedInt(rng, i + 1);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        rank = new int[groups];
        for (int i = 0; i < groups; i++) {
            rank[perm[i]] = i;
        }
    }

    private static double[] uniforms(UniformRandomProvider rng, int n, double lo, double hi) {
        double span = hi - lo;
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = Math.min(lo + span * RngStreams.unitDouble(rng), hi);
        }
        return v;
    }

    /** @return feature dimension */
    public int dim() {
        return dim;
    }

    /** @return number of groups */
    public int groups() {
        return groups;
    }

    /** @return whether {@code W} is used (add_linear_mapping) */
    public boolean hasWeights() {
        return w != null;
    }

    /** @return whether {@code S} is used (add_quad_mapping) */
    public boolean hasQuadratic() {
        return s != null;
    }

    /**
     * @param j feature index
     * @param g group index
     * @return {@code W[j][g]}
     */
    public double weight(int j, int g) {
        return w[j * groups + g];
    }

    /**
     * @param g group index
     * @param i row of {@code S_g}
     * @param j column of {@code S_g}
     * @return {@code S_g[i][j]}
     */
    public double quadratic(int g, int i, int j) {
        return s[(g * dim + i) * dim + j];
    }

    /** @return a copy of the dominance permutation: element {@code i} is the group ranked {@code i} */
    public int[] permutation() {
        return perm.clone();
    }

    /**
     * @param g group index
     * @return the group's position in the dominance permutation (0 dominates)
     */
    public int rank(int g) {
        return rank[g];
    }

    // Raw arrays for the block kernels (package-private: no copies on the hot path).
    double[] weightsRaw() {
        return w;
    }

    double[] quadRaw() {
        return s;
    }

    int[] rankRaw() {
        return rank;
    }
}
