package io.github.fairsynth.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.fairsynth.ConfigException;
import io.github.fairsynth.synth.SynthSpec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a generator config written with the Python {@code SynthGenLinear} parameter names, so that a
 * researcher's dict pastes in as JSON. An unknown field is an error that names the closest known field.
 */
final class SynthConfigJson {
    /** The accepted fields: the Python names, plus fairsynth's {@code scale}. */
    static final List<String> FIELDS = List.of("samples", "dim", "group_dict", "prob_dict", "feat_lo", "feat_hi",
            "add_linear_mapping", "w_lo", "w_hi", "add_quad_mapping", "S_lo", "S_hi", "label_noise_width",
            "drop_sensitive", "fixed_seed", "scale");

    private SynthConfigJson() {
    }

    /**
     * Reads a config file onto the defaults.
     *
     * @param file JSON file
     * @return a builder holding the defaults overridden by the file
     */
    static SynthSpec.Builder read(Path file) {
        return apply(JsonObjects.read("config", file), SynthSpec.builder());
    }

    /**
     * Applies the fields of a JSON object to a builder.
     *
     * @param root the object
     * @param b    the builder
     * @return the builder
     */
    static SynthSpec.Builder apply(JsonNode root, SynthSpec.Builder b) {
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!FIELDS.contains(f)) {
                throw new ConfigException("config field \"" + f + "\"", "(unknown)",
                        "not a parameter; did you mean \"" + closest(f, FIELDS) + "\"? Known: " + String.join(", ", FIELDS));
            }
        }
        if (root.has("samples")) {
            b.samples(integer(root, "samples", Long.MIN_VALUE, Long.MAX_VALUE));
        }
        if (root.has("dim")) {
            b.dim((int) integer(root, "dim", Integer.MIN_VALUE, Integer.MAX_VALUE));
        }
        if (root.has("group_dict") || root.has("prob_dict")) {
            groups(root, b);
        }
        if (root.has("feat_lo") || root.has("feat_hi")) {
            b.features(number(root, "feat_lo", b.featLo()), number(root, "feat_hi", b.featHi()));
        }
        if (root.has("add_linear_mapping")) {
            b.linear(bool(root, "add_linear_mapping"));
        }
        if (root.has("w_lo") || root.has("w_hi")) {
            b.weights(number(root, "w_lo", b.wLo()), number(root, "w_hi", b.wHi()));
        }
        if (root.has("add_quad_mapping")) {
            b.quad(bool(root, "add_quad_mapping"));
        }
        if (root.has("S_lo") || root.has("S_hi")) {
            b.quadBounds(number(root, "S_lo", b.sLo()), number(root, "S_hi", b.sHi()));
        }
        if (root.has("label_noise_width")) {
            b.noise(number(root, "label_noise_width", 0));
        }
        if (root.has("drop_sensitive")) {
            b.dropSensitive(bool(root, "drop_sensitive"));
        }
        if (root.has("fixed_seed")) {
            b.seed(integer(root, "fixed_seed", Long.MIN_VALUE, Long.MAX_VALUE));
        }
        if (root.has("scale")) {
            b.scale(bool(root, "scale"));
        }
        return b;
    }

    private static void groups(JsonNode root, SynthSpec.Builder b) {
        JsonNode gd = root.get("group_dict");
        JsonNode pd = root.get("prob_dict");
        if (gd == null) {
            throw new ConfigException("group_dict", "(missing)", "required when prob_dict is given");
        }
        if (pd == null) {
            throw new ConfigException("prob_dict", "(missing)", "required when group_dict is given");
        }
        if (!gd.isObject()) {
            throw new ConfigException("group_dict", gd, "must be an object: attribute -> list of level names");
        }
        if (!pd.isObject()) {
            throw new ConfigException("prob_dict", pd, "must be an object: attribute -> list of probabilities");
        }
        Set<String> attrs = new LinkedHashSet<>();
        gd.fieldNames().forEachRemaining(attrs::add);
        for (Iterator<String> it = pd.fieldNames(); it.hasNext(); ) {
            String a = it.next();
            if (!attrs.contains(a)) {
                throw new ConfigException("prob_dict." + a, pd.get(a), "attribute " + a + " is not in group_dict " + attrs);
            }
        }
        b.clearAttributes();
        for (Map.Entry<String, JsonNode> e : iterable(gd)) {
            String a = e.getKey();
            JsonNode levels = e.getValue();
            JsonNode probs = pd.get(a);
            if (probs == null) {
                throw new ConfigException("prob_dict", "(no entry for " + a + ")", "needs one entry per group_dict attribute");
            }
            if (!levels.isArray()) {
                throw new ConfigException("group_dict." + a, levels, "must be a list of level names");
            }
            if (!probs.isArray()) {
                throw new ConfigException("prob_dict." + a, probs, "must be a list of probabilities");
            }
            List<String> names = new ArrayList<>();
            for (JsonNode l : levels) {
                if (!l.isValueNode() || l.isNull()) {
                    throw new ConfigException("group_dict." + a, l, "level names must be strings or numbers");
                }
                names.add(l.asText());
            }
            double[] p = new double[probs.size()];
            for (int k = 0; k < p.length; k++) {
                JsonNode v = probs.get(k);
                if (!v.isNumber()) {
                    throw new ConfigException("prob_dict." + a + "[" + k + "]", v, "must be a number");
                }
                p[k] = v.asDouble();
            }
            b.attribute(a, names, p);
        }
    }

    private static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode n) {
        return n::fields;
    }

    private static long integer(JsonNode root, String f, long min, long max) {
        JsonNode v = root.get(f);
        if (v.isIntegralNumber() && v.canConvertToLong()) {
            long x = v.asLong();
            if (x < min || x > max) {
                throw new ConfigException(f, v, "must be a whole number in [" + min + ", " + max + "]");
            }
            return x;
        }
        if (v.isNumber()) {
            double d = v.asDouble();
            if (d == Math.rint(d) && Math.abs(d) < 0x1p63 && d >= min && d <= max) {
                return (long) d;
            }
        }
        throw new ConfigException(f, v, "must be a whole number");
    }

    private static double number(JsonNode root, String f, double dflt) {
        return number(root, f, f, dflt);
    }

    /**
     * @param node the object holding the field
     * @param f    the field
     * @param name the parameter's public name (for the error)
     * @param dflt the value when the field is absent
     * @return the number
     */
    static double number(JsonNode node, String f, String name, double dflt) {
        JsonNode v = node.get(f);
        if (v == null) {
            return dflt;
        }
        if (!v.isNumber()) {
            throw new ConfigException(name, v, "must be a number");
        }
        return v.asDouble();
    }

    /**
     * @param root the object holding the field
     * @param f    the field (also the parameter's name)
     * @return the boolean
     */
    static boolean bool(JsonNode root, String f) {
        JsonNode v = root.get(f);
        if (!v.isBoolean()) {
            throw new ConfigException(f, v, "must be true or false");
        }
        return v.asBoolean();
    }

    /**
     * @param word    a misspelt name
     * @param choices known names
     * @return the known name with the smallest edit distance (case-insensitive)
     */
    static String closest(String word, List<String> choices) {
        String best = choices.get(0);
        int bestD = Integer.MAX_VALUE;
        for (String c : choices) {
            int d = distance(word.toLowerCase(), c.toLowerCase());
            if (d < bestD) {
                bestD = d;
                best = c;
            }
        }
        return best;
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
