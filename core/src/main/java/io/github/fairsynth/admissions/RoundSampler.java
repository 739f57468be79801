package io.github.fairsynth.admissions;

import io.github.fairsynth.rng.RngStreams;
import io.github.fairsynth.rng.Xoshiro256PlusPlusX4;
import io.github.fairsynth.simd.Kernels;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ChengBetaSampler;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;

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
 * Normals are {@code InverseNormal} quantiles of open uniforms, made by the {@link Kernels}.
 */
final class RoundSampler {
    static final int CHUNK = 4096;
    private static final long PURPOSE_ROUND = 64;
    private static final long PURPOSE_BETA = 65;

    private final AdmissionsParams p;
    private final long envKey;
    private final long betaKey;
    private final Xoshiro256PlusPlusX4 lanes = new Xoshiro256PlusPlusX4(0);
    private final Kernels kernels;
    private final long[] bits;
    private final double[] u;
    private final double[] z;
    /** Per chunk, the stream state right after its group uniforms (so pass two does not draw them again). */
    private final long[] afterGroups;

    RoundSampler(AdmissionsParams p, long seed, long env, Kernels kernels) {
        this.p = p;
        this.kernels = kernels;
        envKey = RngStreams.key(seed, PURPOSE_ROUND, env);
        betaKey = RngStreams.key(seed, PURPOSE_BETA, env);
        int c = Math.min(CHUNK, p.numApplicants());
        bits = new long[(c + 3) & ~3];
        u = new double[(c + 3) & ~3];
        z = new double[(c + 3) & ~3];
        afterGroups = new long[16 * ((p.numApplicants() + CHUNK - 1) / CHUNK)];
    }

    /**
     * @param round the round (1 = the applicants of the first step)
     * @return how many of the round's applicants are in group 0
     */
    int groupZeroCount(long round) {
        int n = p.numApplicants();
        double w0 = p.mixWeight(0);
        int count = 0;
        for (int c0 = 0, chunk = 0; c0 < n; c0 += CHUNK, chunk++) {
            int m = Math.min(CHUNK, n - c0);
            lanes.reseed(RngStreams.key(envKey, round, chunk));
            kernels.fillUniform(lanes, u, 0, m, 0.0, 1.0);
            for (int i = 0; i < m; i++) {
                count += u[i] < w0 ? 1 : 0;
            }
            System.arraycopy(lanes.stateArray(), 0, afterGroups, 16 * chunk, 16);
        }
        return count;
    }

    /**
     * Samples the round's applicants into {@code a}: groups, original and observed scores, eligibility,
     * and the round's threshold-noise and selection uniforms.
     *
     * @param round the round
     * @param a     the destination
     */
    void sample(long round, Applicants a) {
        int n = p.numApplicants();
        a.n = n;
        int zeros = groupZeroCount(round);
        a.groupZero = zeros;
        double lo = p.scoreMin();
        double hi = p.scoreMax();
        boolean gaussFeat = p.noisyFeatures() && p.noiseSigma() > 0 && p.noiseDist() == NoiseDist.GAUSSIAN;
        boolean gaussThr = p.noisyThreshold() && p.noiseSigma() > 0 && p.noiseDist() == NoiseDist.GAUSSIAN;
        boolean betaFeat = p.noisyFeatures() && p.noiseSigma() > 0 && p.noiseDist() == NoiseDist.BETA;
        boolean betaThr = p.noisyThreshold() && p.noiseSigma() > 0 && p.noiseDist() == NoiseDist.BETA;
        double t0 = p.trueThreshold(0);
        double t1 = p.trueThreshold(1);
        for (int c0 = 0, chunk = 0; c0 < n; c0 += CHUNK, chunk++) {
            int m = Math.min(CHUNK, n - c0);
            System.arraycopy(afterGroups, 16 * chunk, lanes.stateArray(), 0, 16); // group uniforms already drawn
            kernels.fillLongs(lanes, bits, 0, m);
            kernels.normals(bits, m, z);
            for (int i = 0; i < m; i++) {
                int k = c0 + i;
                int g = k < zeros ? 0 : 1;
                double s = AdmissionsKernel.clip(p.mu(g) + p.sigma(g) * z[i], lo, hi);
                a.group[k] = (byte) g;
                a.original[k] = s;
                a.observed[k] = s;
                a.eligible[k] = (byte) (s >= (g == 0 ? t0 : t1) ? 1 : 0);
            }
            if (gaussFeat) {
                kernels.fillLongs(lanes, bits, 0, m);
                kernels.normals(bits, m, z);
                for (int i = 0; i < m; i++) {
                    int k = c0 + i;
                    a.observed[k] = AdmissionsKernel.clip(a.original[k] + gaussianNoise(z[i]), lo, hi);
                }
            }
            if (gaussThr) {
                kernels.fillLongs(lanes, bits, 0, m);
                kernels.normals(bits, m, z);
                for (int i = 0; i < m; i++) {
                    a.thresholdNoise[c0 + i] = gaussianNoise(z[i]);
                }
            } else if (!betaThr) {
                java.util.Arrays.fill(a.thresholdNoise, c0, c0 + m, 0.0);
            }
            kernels.fillUniform(lanes, a.selectU, c0, m, 0.0, 1.0);
            if (betaFeat || betaThr) {
                UniformRandomProvider rng = RngStreams.scalarFromKey(RngStreams.key(betaKey, round, chunk));
                ContinuousSampler beta = ChengBetaSampler.of(rng, p.noiseSigma(), p.noiseMu());
                if (betaFeat) {
                    for (int i = 0; i < m; i++) {
                        int k = c0 + i;
                        a.observed[k] = AdmissionsKernel.clip(a.original[k] + betaNoise(rng, beta), lo, hi);
                    }
                }
                if (betaThr) {
                    for (int i = 0; i < m; i++) {
                        a.thresholdNoise[c0 + i] = betaNoise(rng, beta);
                    }
                }
            }
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
