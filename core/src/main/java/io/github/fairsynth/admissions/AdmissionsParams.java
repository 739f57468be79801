package io.github.fairsynth.admissions;

import java.util.Map;

/**
 * The environment's parameters with the gym's names and defaults, validated once by
 * {@link Builder#build()}. Group {@code g}'s true threshold is {@code mu_g + true_threshold_factor·mu_g}.
 */
public final class AdmissionsParams implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    /** Tolerance on the sum of the mixture weights. */
    public static final double MIX_TOLERANCE = 1e-9;

    private final int numApplicants;
    private final double scoreMin, scoreMax;
    private final long maxSteps;
    private final double[] mixWeight, mu, sigma;
    private final double trueThresholdFactor;
    private final double noiseMu, noiseSigma, noiseMin, noiseMax;
    private final double[] groupCost;
    private final boolean gaming;
    private final double gamingControl;
    private final boolean subsidize;
    private final double subsidyBeta;
    private final NoiseDist noiseDist;
    private final boolean noisyFeatures, noisyThreshold;

    private AdmissionsParams(Builder b) {
        numApplicants = b.numApplicants;
        scoreMin = b.scoreMin;
        scoreMax = b.scoreMax;
        maxSteps = b.maxSteps;
        mixWeight = b.mixWeight.clone();
        mu = b.mu.clone();
        sigma = b.sigma.clone();
        trueThresholdFactor = b.trueThresholdFactor;
        noiseMu = b.noiseMu;
        noiseSigma = b.noiseSigma;
        noiseMin = b.noiseMin;
        noiseMax = b.noiseMax;
        groupCost = b.groupCost.clone();
        gaming = b.gaming;
        gamingControl = b.gamingControl;
        subsidize = b.subsidize;
        subsidyBeta = b.subsidyBeta;
        noiseDist = b.noiseDist;
        noisyFeatures = b.noisyFeatures;
        noisyThreshold = b.noisyThreshold;
    }

    /** @return a builder with the gym's defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder with these values */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.numApplicants = numApplicants;
        b.scoreMin = scoreMin;
        b.scoreMax = scoreMax;
        b.maxSteps = maxSteps;
        b.mixWeight = mixWeight.clone();
        b.mu = mu.clone();
        b.sigma = sigma.clone();
        b.trueThresholdFactor = trueThresholdFactor;
        b.noiseMu = noiseMu;
        b.noiseSigma = noiseSigma;
        b.noiseMin = noiseMin;
        b.noiseMax = noiseMax;
        b.groupCost = groupCost.clone();
        b.gaming = gaming;
        b.gamingControl = gamingControl;
        b.subsidize = subsidize;
        b.subsidyBeta = subsidyBeta;
        b.noiseDist = noiseDist;
        b.noisyFeatures = noisyFeatures;
        b.noisyThreshold = noisyThreshold;
        return b;
    }

    /** @return applicants per step ({@code num_applicants}) */
    public int numApplicants() {
        return numApplicants;
    }

    /** @return {@code score_params.min} */
    public double scoreMin() {
        return scoreMin;
    }

    /** @return {@code score_params.max} */
    public double scoreMax() {
        return scoreMax;
    }

    /** @return {@code max_steps}: stepping is done once more than this many steps were taken */
    public long maxSteps() {
        return maxSteps;
    }

    /**
     * @param g group (0 or 1)
     * @return {@code feature_params.mix_weight[g]}
     */
    public double mixWeight(int g) {
        return mixWeight[g];
    }

    /**
     * @param g group
     * @return {@code feature_params.mu[g]}
     */
    public double mu(int g) {
        return mu[g];
    }

    /**
     * @param g group
     * @return {@code feature_params.sigma[g]}
     */
    public double sigma(int g) {
        return sigma[g];
    }

    /** @return {@code true_threshold_factor} */
    public double trueThresholdFactor() {
        return trueThresholdFactor;
    }

    /**
     * @param g group
     * @return the group's true threshold {@code mu_g + factor·mu_g}
     */
    public double trueThreshold(int g) {
        return mu[g] + trueThresholdFactor * mu[g];
    }

    /** @return {@code noise_params.mu} */
    public double noiseMu() {
        return noiseMu;
    }

    /** @return {@code noise_params.sigma} */
    public double noiseSigma() {
        return noiseSigma;
    }

    /** @return {@code noise_params.min} */
    public double noiseMin() {
        return noiseMin;
    }

    /** @return {@code noise_params.max} */
    public double noiseMax() {
        return noiseMax;
    }

    /**
     * @param g group
     * @return {@code group_cost[g]}
     */
    public double groupCost(int g) {
        return groupCost[g];
    }

    /** @return {@code gaming} */
    public boolean gaming() {
        return gaming;
    }

    /** @return {@code gaming_control}: {@code +inf} or a value in [0, 1] */
    public double gamingControl() {
        return gamingControl;
    }

    /** @return {@code subsidize} */
    public boolean subsidize() {
        return subsidize;
    }

    /** @return {@code subsidy_beta} */
    public double subsidyBeta() {
        return subsidyBeta;
    }

    /** @return {@code noise_dist} */
    public NoiseDist noiseDist() {
        return noiseDist;
    }

    /** @return {@code noisy_features} */
    public boolean noisyFeatures() {
        return noisyFeatures;
    }

    /** @return {@code noisy_threshold} */
    public boolean noisyThreshold() {
        return noisyThreshold;
    }

    /** @return whether noise is drawn at all (some noisy option on and {@code sigma > 0}) */
    public boolean noiseInUse() {
        return (noisyFeatures || noisyThreshold) && noiseSigma > 0;
    }

    /**
     * The gym's cost function: {@code v·group_cost[g]}, times {@code subsidy_beta} for group 1 when
     * subsidizing.
     *
     * @param v a score
     * @param g group
     * @return its cost
     */
    public double cost(double v, int g) {
        return costScale(g) * (v * groupCost[g]);
    }

    /**
     * The factor of a group's costs: {@code subsidy_beta} for group 1 when subsidizing, else 1.0 (a multiply
     * by 1.0 is exact, so {@link #cost} is {@code v·group_cost[g]} to the bit there). The gaming kernel gets
     * a group's costs as this factor and {@link #groupCost}.
     *
     * @param g group
     * @return the factor
     */
    public double costScale(int g) {
        return subsidize && g == 1 ? subsidyBeta : 1.0;
    }

    /** @return the parameters under the gym's names (JSON-ready) */
    public Map<String, Object> toGymParams() {
        return GymParams.of(this);
    }

    /** Mutable parameters with the gym's defaults. */
    public static final class Builder {
        private int numApplicants = 20;
        private double scoreMin = 0, scoreMax = 1;
        private long maxSteps = 100_000;
        private double[] mixWeight = {0.6, 0.4};
        private double[] mu = {0.8, 0.6};
        private double[] sigma = {0.1, 0.3};
        private double trueThresholdFactor = 0.1;
        private double noiseMu = 0.1, noiseSigma = 0.01, noiseMin = -0.3, noiseMax = 0.3;
        private double[] groupCost = {0.8, 1.2};
        private boolean gaming = true;
        private double gamingControl = Double.POSITIVE_INFINITY;
        private boolean subsidize = false;
        private double subsidyBeta = 0.8;
        private NoiseDist noiseDist = NoiseDist.GAUSSIAN;
        private boolean noisyFeatures = false, noisyThreshold = false;

        private Builder() {
        }

        /**
         * @param v num_applicants
         * @return this
         */
        public Builder numApplicants(int v) {
            numApplicants = v;
            return this;
        }

        /**
         * @param min score_params.min
         * @param max score_params.max
         * @return this
         */
        public Builder scoreRange(double min, double max) {
            scoreMin = min;
            scoreMax = max;
            return this;
        }

        /**
         * @param v max_steps
         * @return this
         */
        public Builder maxSteps(long v) {
            maxSteps = v;
            return this;
        }

        /**
         * @param w feature_params.mix_weight (two values)
         * @return this
         */
        public Builder mixWeight(double... w) {
            mixWeight = w.clone();
            return this;
        }

        /**
         * @param v feature_params.mu (two values)
         * @return this
         */
        public Builder mu(double... v) {
            mu = v.clone();
            return this;
        }

        /**
         * @param v feature_params.sigma (two values)
         * @return this
         */
        public Builder sigma(double... v) {
            sigma = v.clone();
            return this;
        }

        /**
         * @param v true_threshold_factor
         * @return this
         */
        public Builder trueThresholdFactor(double v) {
            trueThresholdFactor = v;
            return this;
        }

        /**
         * @param mu    noise_params.mu
         * @param sigma noise_params.sigma
         * @param min   noise_params.min
         * @param max   noise_params.max
         * @return this
         */
        public Builder noise(double mu, double sigma, double min, double max) {
            noiseMu = mu;
            noiseSigma = sigma;
            noiseMin = min;
            noiseMax = max;
            return this;
        }

        /**
         * @param c0 group_cost[0]
         * @param c1 group_cost[1]
         * @return this
         */
        public Builder groupCost(double c0, double c1) {
            groupCost = new double[] {c0, c1};
            return this;
        }

        /**
         * @param v gaming
         * @return this
         */
        public Builder gaming(boolean v) {
            gaming = v;
            return this;
        }

        /**
         * @param v gaming_control ({@code +inf} or [0, 1])
         * @return this
         */
        public Builder gamingControl(double v) {
            gamingControl = v;
            return this;
        }

        /**
         * @param v subsidize
         * @return this
         */
        public Builder subsidize(boolean v) {
            subsidize = v;
            return this;
        }

        /**
         * @param v subsidy_beta
         * @return this
         */
        public Builder subsidyBeta(double v) {
            subsidyBeta = v;
            return this;
        }

        /**
         * @param v noise_dist
         * @return this
         */
        public Builder noiseDist(NoiseDist v) {
            noiseDist = v;
            return this;
        }

        /**
         * @param v noisy_features
         * @return this
         */
        public Builder noisyFeatures(boolean v) {
            noisyFeatures = v;
            return this;
        }

        /**
         * @param v noisy_threshold
         * @return this
         */
        public Builder noisyThreshold(boolean v) {
            noisyThreshold = v;
            return this;
        }

        /**
         * Validates and builds.
         *
         * @return the parameters
         * @throws io.github.fairsynth.ConfigException naming the first bad parameter, its value and the allowed range
         */
        public AdmissionsParams build() {
            AdmissionsParamsChecks.two("feature_params.mix_weight", mixWeight);
            AdmissionsParamsChecks.two("feature_params.mu", mu);
            AdmissionsParamsChecks.two("feature_params.sigma", sigma);
            AdmissionsParams p = new AdmissionsParams(this);
            AdmissionsParamsChecks.check(p);
            return p;
        }
    }
}
