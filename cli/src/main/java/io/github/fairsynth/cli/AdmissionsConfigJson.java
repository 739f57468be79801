package io.github.fairsynth.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.fairsynth.ConfigException;
import io.github.fairsynth.admissions.AdmissionsParams;
import io.github.fairsynth.admissions.NoiseDist;

import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;

/**
 * Reads an admissions config with the gym's {@code Params} names: {@code feature_params} and
 * {@code noise_params} as objects, {@code group_cost} as {@code {"0": 0.8, "1": 1.2}}, {@code gaming_control}
 * as a number or {@code "inf"}. Unknown fields are errors naming the closest known field.
 */
final class AdmissionsConfigJson {
    static final List<String> FIELDS = List.of("num_applicants", "score_params", "max_steps", "feature_params",
            "true_threshold_factor", "noise_params", "group_cost", "gaming", "gaming_control", "subsidize",
            "subsidy_beta", "noise_dist", "noisy_features", "noisy_threshold");
    private AdmissionsConfigJson() {
    }

    static AdmissionsParams.Builder read(Path file) {
        return apply(JsonObjects.read("config", file), AdmissionsParams.builder());
    }

    static AdmissionsParams.Builder apply(JsonNode root, AdmissionsParams.Builder b) {
        known(root, "", FIELDS);
        if (root.has("num_applicants")) {
            b.numApplicants((int) integer(root.get("num_applicants"), "num_applicants", Integer.MAX_VALUE));
        }
        if (root.has("max_steps")) {
            b.maxSteps(integer(root.get("max_steps"), "max_steps", Long.MAX_VALUE));
        }
        AdmissionsParams cur = b.build();
        if (root.has("score_params")) {
            JsonNode s = object(root, "score_params");
            known(s, "score_params.", List.of("min", "max"));
            b.scoreRange(SynthConfigJson.number(s, "min", "score_params.min", cur.scoreMin()), SynthConfigJson.number(s, "max", "score_params.max", cur.scoreMax()));
        }
        if (root.has("feature_params")) {
            JsonNode f = object(root, "feature_params");
            known(f, "feature_params.", List.of("mix_weight", "mu", "sigma"));
            if (f.has("mix_weight")) {
                b.mixWeight(array(f.get("mix_weight"), "feature_params.mix_weight"));
            }
            if (f.has("mu")) {
                b.mu(array(f.get("mu"), "feature_params.mu"));
            }
            if (f.has("sigma")) {
                b.sigma(array(f.get("sigma"), "feature_params.sigma"));
            }
        }
        if (root.has("true_threshold_factor")) {
            b.trueThresholdFactor(SynthConfigJson.number(root, "true_threshold_factor", "true_threshold_factor", 0));
        }
        if (root.has("noise_params")) {
            JsonNode n = object(root, "noise_params");
            known(n, "noise_params.", List.of("mu", "sigma", "min", "max"));
            b.noise(SynthConfigJson.number(n, "mu", "noise_params.mu", cur.noiseMu()), SynthConfigJson.number(n, "sigma", "noise_params.sigma", cur.noiseSigma()),
                    SynthConfigJson.number(n, "min", "noise_params.min", cur.noiseMin()), SynthConfigJson.number(n, "max", "noise_params.max", cur.noiseMax()));
        }
        if (root.has("group_cost")) {
            JsonNode c = object(root, "group_cost");
            known(c, "group_cost.", List.of("0", "1"));
            b.groupCost(SynthConfigJson.number(c, "0", "group_cost.0", cur.groupCost(0)), SynthConfigJson.number(c, "1", "group_cost.1", cur.groupCost(1)));
        }
        if (root.has("gaming")) {
            b.gaming(SynthConfigJson.bool(root, "gaming"));
        }
        if (root.has("gaming_control")) {
            JsonNode g = root.get("gaming_control");
            if (g.isTextual() && g.asText().equalsIgnoreCase("inf")) {
                b.gamingControl(Double.POSITIVE_INFINITY);
            } else if (g.isNumber()) {
                b.gamingControl(g.asDouble());
            } else {
                throw new ConfigException("gaming_control", g, "must be \"inf\" or a number in [0, 1]");
            }
        }
        if (root.has("subsidize")) {
            b.subsidize(SynthConfigJson.bool(root, "subsidize"));
        }
        if (root.has("subsidy_beta")) {
            b.subsidyBeta(SynthConfigJson.number(root, "subsidy_beta", "subsidy_beta", 0));
        }
        if (root.has("noise_dist")) {
            JsonNode d = root.get("noise_dist");
            b.noiseDist(NoiseDist.parse(d.isTextual() ? d.asText() : d.toString()));
        }
        if (root.has("noisy_features")) {
            b.noisyFeatures(SynthConfigJson.bool(root, "noisy_features"));
        }
        if (root.has("noisy_threshold")) {
            b.noisyThreshold(SynthConfigJson.bool(root, "noisy_threshold"));
        }
        return b;
    }

    private static void known(JsonNode node, String prefix, List<String> fields) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!fields.contains(f)) {
                throw new ConfigException("config field \"" + prefix + f + "\"", "(unknown)",
                        "not a parameter; did you mean \"" + prefix + SynthConfigJson.closest(f, fields) + "\"? Known: "
                                + String.join(", ", fields));
            }
        }
    }

    private static JsonNode object(JsonNode root, String f) {
        JsonNode n = root.get(f);
        if (!n.isObject()) {
            throw new ConfigException(f, n, "must be an object");
        }
        return n;
    }

    private static double[] array(JsonNode v, String name) {
        if (!v.isArray()) {
            throw new ConfigException(name, v, "must be a list of numbers");
        }
        double[] d = new double[v.size()];
        for (int i = 0; i < d.length; i++) {
            if (!v.get(i).isNumber()) {
                throw new ConfigException(name + "[" + i + "]", v.get(i), "must be a number");
            }
            d[i] = v.get(i).asDouble();
        }
        return d;
    }

    private static long integer(JsonNode v, String name, long max) {
        if (v.isNumber() && v.asDouble() == Math.rint(v.asDouble()) && Math.abs(v.asDouble()) <= max) {
            return v.asLong();
        }
        throw new ConfigException(name, v, "must be a whole number");
    }
}
