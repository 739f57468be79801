package io.github.fairsynth.admissions;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Parameters under the gym's {@code Params} names, JSON-ready, for reports and config round trips. */
final class GymParams {
    private GymParams() {
    }

    /**
     * @param p the parameters
     * @return an ordered map of numbers, booleans, strings, lists and maps
     */
    static Map<String, Object> of(AdmissionsParams p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("num_applicants", p.numApplicants());
        m.put("score_params", Map.of("min", p.scoreMin(), "max", p.scoreMax()));
        m.put("max_steps", p.maxSteps());
        Map<String, Object> fp = new LinkedHashMap<>();
        fp.put("mix_weight", List.of(p.mixWeight(0), p.mixWeight(1)));
        fp.put("mu", List.of(p.mu(0), p.mu(1)));
        fp.put("sigma", List.of(p.sigma(0), p.sigma(1)));
        m.put("feature_params", fp);
        m.put("true_threshold_factor", p.trueThresholdFactor());
        Map<String, Object> np = new LinkedHashMap<>();
        np.put("mu", p.noiseMu());
        np.put("sigma", p.noiseSigma());
        np.put("min", p.noiseMin());
        np.put("max", p.noiseMax());
        m.put("noise_params", np);
        Map<String, Object> gc = new LinkedHashMap<>();
        gc.put("0", p.groupCost(0));
        gc.put("1", p.groupCost(1));
        m.put("group_cost", gc);
        m.put("gaming", p.gaming());
        m.put("gaming_control", Double.isInfinite(p.gamingControl()) ? "inf" : p.gamingControl());
        m.put("subsidize", p.subsidize());
        m.put("subsidy_beta", p.subsidyBeta());
        m.put("noise_dist", p.noiseDist().name().toLowerCase());
        m.put("noisy_features", p.noisyFeatures());
        m.put("noisy_threshold", p.noisyThreshold());
        return m;
    }
}
