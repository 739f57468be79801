package io.github.fairsynth.admissions;

import io.github.fairsynth.rng.RngStreams;
import io.github.fairsynth.rng.Xoshiro256PlusPlusX4;
import io.github.fairsynth.rng.ZigguratNormals;
import io.github.fairsynth.simd.Kernels;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ChengBetaSampler;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;

import java.util.Arrays;

/**
 * Draws one round of applicants of one environment from the streams of (seed, environment, round) alone.
 *
 * <p>Per chunk {@code c} of up to {@value #CHUNK} applicants, one 4-lane stream
 * {@code key(key(seed, 64, env), round, c)} is filled in this order: group uniforms, score uniforms,
 * feature-noise uniforms (gaussian {@code noisy_features} only), threshold-noise uniforms (gaussian
 * {@code noisy_threshold} only), selection uniforms. Beta noise comes from the scalar stream
 * {@code key(key(seed, 65, env), round, c)}: per applicant a sign uniform then a Beta draw, first for
 * feature noise, then for threshold noise. Group counts are the number of group uniforms below
 * {@code mix_weight[0]} (a multinomial count); group 0 takes the first positions, as in the gym.
 * A normal is Commons RNG's ziggurat of its 64 bits ({@link ZigguratNormals#fromBits}); the few bits that
 * leave the ziggurat's fast path (about 3 in 256) take their further draws from the scalar stream
 * {@code key(key(seed, 66, env), round, c)}, in the order of the chunk's normals.
 */
final class RoundSampler {
    static final int CHUNK = 4096;
    private static final long PURPOSE_ROUND = 64;
    private static final long PURPOSE_BETA = 65;
    private static final long PURPOSE_EDGE = 66;

    private final AdmissionsParams p;
    private final long envKey;
    private final long betaKey;
    private final long edgeKey;
    private final Kernels kernels;
    private final boolean gaussFeat;
    private final boolean gaussThr;
    private final boolean betaFeat;
    private final boolean betaThr;
    /**
     * Per round parity and chunk, the stream state where the chunk's next draw continues: after its group
     * uniforms (so drawing the chunk does not draw them again), then after its normals' bits. Two rounds are
     * live at once: the one being stepped and the next.
     */
    private final long[][] afterGroups;

    /**
     * One worker's draw buffers for one chunk. They hold nothing between calls, so one worker may use the
     * same buffers for the chunks of several samplers of the same parameters, and a sampler's chunks may be
     * drawn on several threads, each with its own.
     */
    static final class Buffers {
        final Xoshiro256PlusPlusX4 lanes = new Xoshiro256PlusPlusX4(0);
        /** Raw bits of a chunk's normals, all sections; or of the normals of several small rounds. */
        final long[] bits;
        final double[] u;
        /** The normals of {@link #bits}, index for index. */
        final double[] z;
        /** The stream of the normals that leave the ziggurat's fast path. */
        final ZigguratNormals edges = new ZigguratNormals(0);

        /**
         * @param p parameters (buffers for a chunk of up to {@value #CHUNK} of their applicants, and for at
         *          least {@value #CHUNK} normals)
         */
        Buffers(AdmissionsParams p) {
            int chunk = Math.min(CHUNK, p.numApplicants());
            int normals = Math.max(CHUNK, SECTIONS_MAX * chunk);
            bits = new long[normals];
            u = new double[(chunk + 3) & ~3];
            z = new double[normals];
        }
    }

    /** Most sections of normals per chunk: scores, feature noise, threshold noise. */
    static final int SECTIONS_MAX = 3;

    RoundSampler(AdmissionsParams p, long seed, long env, Kernels kernels) {
        this.p = p;
        this.kernels = kernels;
        envKey = RngStreams.key(seed, PURPOSE_ROUND, env);
        betaKey = RngStreams.key(seed, PURPOSE_BETA, env);
        edgeKey = RngStreams.key(seed, PURPOSE_EDGE, env);
        boolean noise = p.noiseSigma() > 0;
        gaussFeat = p.noisyFeatures() && noise && p.noiseDist() == NoiseDist.GAUSSIAN;
        gaussThr = p.noisyThreshold() && noise && p.noiseDist() == NoiseDist.GAUSSIAN;
        betaFeat = p.noisyFeatures() && noise && p.noiseDist() == NoiseDist.BETA;
        betaThr = p.noisyThreshold() && noise && p.noiseDist() == NoiseDist.BETA;
        afterGroups = new long[2][16 * chunks()];
    }

    /** @return the kernels the draws use */
    Kernels kernels() {
        return kernels;
    }

    /** @return sections of normals per chunk: scores, then feature noise and threshold noise when gaussian */
    int sections() {
        return 1 + (gaussFeat ? 1 : 0) + (gaussThr ? 1 : 0);
    }

    /** @return chunks per round */
    int chunks() {
        return (p.numApplicants() + CHUNK - 1) / CHUNK;
    }

    /** @return applicants in chunk {@code chunk} */
    int chunkSize(int chunk) {
        return Math.min(CHUNK, p.numApplicants() - chunk * CHUNK);
    }

    /**
     * @param round the round (1 = the applicants of the first step)
     * @param b     the calling worker's buffers
     * @return how many of the round's applicants are in group 0
     */
    int groupZeroCount(long round, Buffers b) {
        int count = 0;
        for (int chunk = 0, chunks = chunks(); chunk < chunks; chunk++) {
            count += groupZeroCount(round, chunk, b);
        }
        return count;
    }

    /**
     * Draws one chunk's group uniforms and keeps the stream state after them for {@link #sampleChunk}.
     *
     * @param round the round
     * @param chunk the chunk
     * @param b     the calling worker's buffers
     * @return how many of the chunk's group uniforms fall in group 0
     */
    int groupZeroCount(long round, int chunk, Buffers b) {
        int m = chunkSize(chunk);
        double w0 = p.mixWeight(0);
        b.lanes.reseed(RngStreams.key(envKey, round, chunk));
        kernels.fillUniform(b.lanes, b.u, 0, m, 0.0, 1.0);
        int count = 0;
        for (int i = 0; i < m; i++) {
            count += b.u[i] < w0 ? 1 : 0;
        }
        System.arraycopy(b.lanes.stateArray(), 0, afterGroups[(int) (round & 1)], 16 * chunk, 16);
        return count;
    }

    /**
     * Samples the round's applicants into {@code a}: groups, original and observed scores, eligibility,
     * and the round's threshold-noise and selection uniforms.
     *
     * @param round the round
     * @param b     the calling worker's buffers
     * @param a     the destination
     */
    void sample(long round, Buffers b, Applicants a) {
        a.n = p.numApplicants();
        int zeros = groupZeroCount(round, b);
        a.groupZero = zeros;
        for (int chunk = 0, chunks = chunks(); chunk < chunks; chunk++) {
            sampleChunk(round, chunk, zeros, b, a, chunk * CHUNK);
        }
    }

    /**
     * Draws one chunk of a round whose group uniforms {@link #groupZeroCount(long, int, Buffers)} has drawn:
     * applicant {@code chunk·CHUNK + i} goes to {@code a}'s index {@code off + i}. The same as
     * {@link #drawNormalBits} into {@code b.bits}, {@link #normals} of those bits into {@code b.z}, then
     * {@link #finishChunk}.
     *
     * @param round the round
     * @param chunk the chunk
     * @param zeros the round's group-0 count (group 0 takes the first positions of the round)
     * @param b     the calling worker's buffers
     * @param a     the destination
     * @param off   the destination index of the chunk's first applicant
     */
    void sampleChunk(long round, int chunk, int zeros, Buffers b, Applicants a, int off) {
        drawNormalBits(round, chunk, b, b.bits, 0);
        normals(b, 0, sections() * chunkSize(chunk));
        finishChunk(round, chunk, zeros, b, 0, a, off);
    }

    /**
     * The fast part of making normals: {@code b.z[from … from + n)} from {@code b.bits} at the same indices,
     * NaN where {@link #finishChunk} must finish a normal off the ziggurat's fast path. One call may cover
     * the bits of several chunks or rounds.
     *
     * @param b    the buffers
     * @param from first index
     * @param n    how many
     */
    static void normals(Buffers b, int from, int n) {
        ZigguratNormals.fromBits(b.bits, from, n, b.z, from);
    }

    /**
     * The first part of drawing a chunk: the raw bits of its normals, {@link #sections()} runs of
     * {@link #chunkSize(int)} each, into {@code bits[off …)}. The stream's state after them is kept for
     * {@link #finishChunk}, so the bits of many small rounds can be drawn first and made normal in one call
     * of {@link #normals}.
     *
     * @param round the round (its group uniforms drawn)
     * @param chunk the chunk
     * @param b     the calling worker's buffers (their stream is used)
     * @param bits  destination
     * @param off   first index
     */
    void drawNormalBits(long round, int chunk, Buffers b, long[] bits, int off) {
        int m = chunkSize(chunk);
        long[] state = afterGroups[(int) (round & 1)];
        System.arraycopy(state, 16 * chunk, b.lanes.stateArray(), 0, 16);
        for (int k = 0, n = sections(); k < n; k++) {
            kernels.fillLongs(b.lanes, bits, off + k * m, m);
        }
        System.arraycopy(b.lanes.stateArray(), 0, state, 16 * chunk, 16);
    }

    /**
     * The rest of drawing a chunk, after {@link #drawNormalBits} into {@code b.bits[zOff …)} and
     * {@link #normals} of them: the normals off the ziggurat's fast path ({@link #finishEdges}), then
     * scores, eligibility, noise and the selection uniforms.
     *
     * @param round the round
     * @param chunk the chunk
     * @param zeros the round's group-0 count (group 0 takes the first positions of the round)
     * @param b     the calling worker's buffers
     * @param zOff  index of the chunk's first normal in {@code b.z} (and of its bits in {@code b.bits})
     * @param a     the destination
     * @param off   the destination index of the chunk's first applicant
     */
    void finishChunk(long round, int chunk, int zeros, Buffers b, int zOff, Applicants a, int off) {
        int m = chunkSize(chunk);
        double[] z = b.z;
        finishEdges(round, chunk, b, zOff);
        double lo = p.scoreMin();
        double hi = p.scoreMax();
        Xoshiro256PlusPlusX4 lanes = b.lanes;
        System.arraycopy(afterGroups[(int) (round & 1)], 16 * chunk, lanes.stateArray(), 0, 16);
        // group 0 takes positions [0, zeros) of the round: split the chunk there, no per-applicant test
        int split = groupOneStart(zeros, chunk, m);
        scores(z, zOff, m, split, a, off);
        int zo = zOff + m;
        if (gaussFeat) {
            for (int i = 0; i < m; i++) {
                int k = off + i;
                a.observed[k] = AdmissionsKernel.clip(a.original[k] + gaussianNoise(z[zo + i]), lo, hi);
            }
            zo += m;
        }
        if (gaussThr) {
            for (int i = 0; i < m; i++) {
                a.thresholdNoise[off + i] = gaussianNoise(z[zo + i]);
            }
        } else if (!betaThr) {
            Arrays.fill(a.thresholdNoise, off, off + m, 0.0);
        }
        kernels.fillUniform(lanes, a.selectU, off, m, 0.0, 1.0);
        if (betaFeat || betaThr) {
            UniformRandomProvider rng = RngStreams.scalarFromKey(RngStreams.key(betaKey, round, chunk));
            ContinuousSampler beta = ChengBetaSampler.of(rng, p.noiseSigma(), p.noiseMu());
            if (betaFeat) {
                for (int i = 0; i < m; i++) {
                    int k = off + i;
                    a.observed[k] = AdmissionsKernel.clip(a.original[k] + betaNoise(rng, beta), lo, hi);
                }
            }
            if (betaThr) {
                for (int i = 0; i < m; i++) {
                    a.thresholdNoise[off + i] = betaNoise(rng, beta);
                }
            }
        }
    }

    /**
     * Replaces each NaN {@link #normals} left among a chunk's normals by {@link ZigguratNormals#edge} of its
     * bits, in index order, over the chunk's edge stream (seeded only when the chunk has such a normal: most
     * rounds of a few applicants have none).
     *
     * @param round the round
     * @param chunk the chunk
     * @param b     the calling worker's buffers
     * @param zOff  index of the chunk's first normal in {@code b.z} (and of its bits in {@code b.bits})
     */
    private void finishEdges(long round, int chunk, Buffers b, int zOff) {
        double[] z = b.z;
        boolean seeded = false;
        for (int k = zOff, end = zOff + sections() * chunkSize(chunk); k < end; k++) {
            if (z[k] != z[k]) {
                if (!seeded) {
                    b.edges.reseed(RngStreams.key(edgeKey, round, chunk));
                    seeded = true;
                }
                z[k] = b.edges.edge(b.bits[k]);
            }
        }
    }

    /**
     * @param zeros the round's group-0 count (group 0 takes the round's first positions)
     * @param chunk a chunk
     * @param m     the chunk's size
     * @return the position within the chunk where group 1 begins, in {@code [0, m]}
     */
    static int groupOneStart(int zeros, int chunk, int m) {
        return Math.max(0, Math.min(m, zeros - chunk * CHUNK));
    }

    /**
     * Groups, original (= observed) scores and eligibility of chunk positions {@code [0, m)}, group 0 before
     * {@code split}, from the normals {@code z[zOff …)}: the {@link Kernels#scores} of each group's parameters,
     * or for a small chunk ({@link AdmissionsKernel#oneCall}), {@link Kernels#scoresRound} (the same numbers,
     * one call).
     */
    private void scores(double[] z, int zOff, int m, int split, Applicants a, int off) {
        Arrays.fill(a.group, off, off + split, (byte) 0);
        Arrays.fill(a.group, off + split, off + m, (byte) 1);
        if (AdmissionsKernel.oneCall(m)) {
            kernels.scoresRound(z, zOff, m, split, p.mu(0), p.sigma(0), p.trueThreshold(0), p.mu(1), p.sigma(1),
                    p.trueThreshold(1), p.scoreMin(), p.scoreMax(), a.original, a.observed, a.eligible, off);
        } else {
            kernels.scores(z, zOff, split, p.mu(0), p.sigma(0), p.scoreMin(), p.scoreMax(), p.trueThreshold(0),
                    a.original, a.observed, a.eligible, off);
            kernels.scores(z, zOff + split, m - split, p.mu(1), p.sigma(1), p.scoreMin(), p.scoreMax(),
                    p.trueThreshold(1), a.original, a.observed, a.eligible, off + split);
        }
    }

    private double gaussianNoise(double z) {
        return AdmissionsKernel.clip(p.noiseSigma() * z + p.noiseMu(), p.noiseMin(), p.noiseMax());
    }

    private static double betaNoise(UniformRandomProvider rng, ContinuousSampler beta) {
        double sign = RngStreams.unitDouble(rng) < 0.5 ? -1 : 1;
        return sign * beta.sample();
    }
}
