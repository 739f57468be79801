package io.github.fairsynth.synth;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A spec's resolved parameters under the Python {@code SynthGenLinear} names, for truth files and manifests. */
final class PythonParams {
    private PythonParams() {
    }

    /**
     * @param spec the spec
     * @return an ordered map of JSON-ready values (numbers, booleans, strings, lists and maps)
     */
    static Map<String, Object> of(SynthSpec spec) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("samples", spec.samples());
        m.put("dim", spec.dim());
        Map<String, Object> gd = new LinkedHashMap<>();
        Map<String, Object> pd = new LinkedHashMap<>();
        for (Attribute a : spec.attributes()) {
            gd.put(a.name(), a.levels());
            List<Double> p = new ArrayList<>();
            for (double v : a.probs()) {
                p.add(v);
            }
            pd.put(a.name(), p);
        }
        m.put("group_dict", gd);
        m.put("prob_dict", pd);
        m.put("feat_lo", spec.featLo());
        m.put("feat_hi", spec.featHi());
        m.put("add_linear_mapping", spec.linear());
        m.put("w_lo", spec.wLo());
        m.put("w_hi", spec.wHi());
        m.put("add_quad_mapping", spec.quad());
        m.put("S_lo", spec.sLo());
        m.put("S_hi", spec.sHi());
        m.put("label_noise_width", spec.noiseWidth());
        m.put("drop_sensitive", spec.dropSensitive());
        m.put("fixed_seed", spec.seed());
        m.put("scale", spec.scale());
        return m;
    }
}
