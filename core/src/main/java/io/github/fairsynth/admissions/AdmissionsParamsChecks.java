package io.github.fairsynth.admissions;

import io.github.fairsynth.ConfigException;

import java.util.Arrays;

/**
 * The checks of {@link AdmissionsParams.Builder#build()}: each throws a {@link ConfigException} that names
 * the parameter (under the gym's name), its value and the allowed range.
 */
final class AdmissionsParamsChecks {
    private AdmissionsParamsChecks() {
    }

    /** Checks a per-group array before the parameters are made from it. */
    static void two(String name, double[] v) {
        if (v == null || v.length != 2) {
            throw new ConfigException(name, v == null ? "null" : Arrays.toString(v),
                    "must have exactly two values (the game has two groups)");
        }
    }

    /** Checks made parameters, in the order of the gym's {@code Params}. */
    static void check(AdmissionsParams p) {
        if (p.numApplicants() < 1) {
            throw new ConfigException("num_applicants", p.numApplicants(), "must be a whole number >= 1");
        }
        finite("score_params.min", p.scoreMin());
        finite("score_params.max", p.scoreMax());
        if (!(p.scoreMin() < p.scoreMax())) {
            throw new ConfigException("score_params.min", p.scoreMin(),
                    "must be < score_params.max (" + p.scoreMax() + ")");
        }
        if (p.maxSteps() < 1) {
            throw new ConfigException("max_steps", p.maxSteps(), "must be a whole number >= 1");
        }
        for (int g = 0; g < 2; g++) {
            if (!(p.mixWeight(g) >= 0) || !Double.isFinite(p.mixWeight(g))) {
                throw new ConfigException("feature_params.mix_weight[" + g + "]", p.mixWeight(g),
                        "must be a finite number >= 0");
            }
            finite("feature_params.mu[" + g + "]", p.mu(g));
            if (!(p.sigma(g) >= 0) || !Double.isFinite(p.sigma(g))) {
                throw new ConfigException("feature_params.sigma[" + g + "]", p.sigma(g), "must be a finite number >= 0");
            }
            if (!(p.groupCost(g) > 0) || !Double.isFinite(p.groupCost(g))) {
                throw new ConfigException("group_cost." + g, p.groupCost(g), "must be a finite number > 0");
            }
        }
        double sum = p.mixWeight(0) + p.mixWeight(1);
        if (Math.abs(sum - 1) > AdmissionsParams.MIX_TOLERANCE) {
            throw new ConfigException("feature_params.mix_weight",
                    "[" + p.mixWeight(0) + ", " + p.mixWeight(1) + "] (sum " + sum + ")",
                    "must sum to 1 within " + AdmissionsParams.MIX_TOLERANCE);
        }
        finite("true_threshold_factor", p.trueThresholdFactor());
        finite("noise_params.mu", p.noiseMu());
        finite("noise_params.sigma", p.noiseSigma());
        finite("noise_params.min", p.noiseMin());
        finite("noise_params.max", p.noiseMax());
        double control = p.gamingControl();
        if (!(control == Double.POSITIVE_INFINITY || (control >= 0 && control <= 1))) {
            throw new ConfigException("gaming_control", control, "must be inf or a number in [0, 1]");
        }
        if (!(p.subsidyBeta() >= 0 && p.subsidyBeta() <= 1)) {
            throw new ConfigException("subsidy_beta", p.subsidyBeta(), "must be in [0, 1]");
        }
        if (p.noiseDist() == null) {
            throw new ConfigException("noise_dist", null, "must be gaussian or beta");
        }
        noise(p);
    }

    private static void noise(AdmissionsParams p) {
        if ((p.noisyFeatures() || p.noisyThreshold()) && p.noiseSigma() > 0) {
            double mu = p.noiseMu();
            if (p.noiseDist() == NoiseDist.GAUSSIAN && !(p.noiseMin() < mu && mu < p.noiseMax())) {
                throw new ConfigException("noise_params.mu", mu, "gaussian noise needs noise_params.min < mu < max (min "
                        + p.noiseMin() + ", max " + p.noiseMax() + ")");
            }
            if (p.noiseDist() == NoiseDist.BETA && !(mu > 0)) {
                throw new ConfigException("noise_params.mu", mu, "beta noise needs mu (its beta parameter) > 0");
            }
        }
    }

    private static void finite(String name, double v) {
        if (!Double.isFinite(v)) {
            throw new ConfigException(name, v, "must be a finite number");
        }
    }
}
