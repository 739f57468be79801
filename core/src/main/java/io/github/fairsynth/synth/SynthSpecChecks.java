package io.github.fairsynth.synth;

import io.github.fairsynth.ConfigException;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The checks of {@link SynthSpec.Builder#build()}: each throws a {@link ConfigException} that names the
 * parameter (under its Python name), its value and the allowed range.
 */
final class SynthSpecChecks {
    private SynthSpecChecks() {
    }

    static void counts(long samples, int dim) {
        if (samples <= 0) {
            throw new ConfigException("samples", samples, "must be a whole number >= 1");
        }
        if (dim <= 0 || dim > SynthSpec.MAX_DIM) {
            throw new ConfigException("dim", dim, "must be a whole number in [1, " + SynthSpec.MAX_DIM + "]");
        }
    }

    static void noise(double noiseWidth) {
        if (!Double.isFinite(noiseWidth) || noiseWidth < 0) {
            throw new ConfigException("label_noise_width", noiseWidth, "must be a finite number >= 0");
        }
    }

    /** @return the number of groups: levels over all attributes */
    static int attributes(List<Attribute> attributes) {
        if (attributes.isEmpty()) {
            throw new ConfigException("group_dict", "{}", "must name at least one attribute with at least one level");
        }
        Set<String> attrNames = new HashSet<>();
        Set<String> levelNames = new HashSet<>();
        int total = 0;
        for (Attribute a : attributes) {
            String an = a.name();
            if (an == null || an.isBlank() || !cleanName(an)) {
                throw new ConfigException("group_dict", "\"" + an + "\"",
                        "attribute names must be non-blank, without comma, quote or line break");
            }
            if (!attrNames.add(an)) {
                throw new ConfigException("group_dict." + an, an, "attribute names must be unique");
            }
            if (a.size() == 0) {
                throw new ConfigException("group_dict." + an, "[]", "must list at least one level");
            }
            probabilities(an, a);
            for (String level : a.levels()) {
                if (level == null || level.isBlank() || !cleanName(level)) {
                    throw new ConfigException("group_dict." + an, "\"" + level + "\"",
                            "level names must be non-blank, without comma, quote or line break");
                }
                if (!levelNames.add(level)) {
                    throw new ConfigException("group_dict." + an, "\"" + level + "\"",
                            "level names must be unique across all attributes (they name the g_ and y_ columns)");
                }
            }
            total += a.size();
            if (total > SynthSpec.MAX_GROUPS) {
                throw new ConfigException("group_dict", total + " levels",
                        "at most " + SynthSpec.MAX_GROUPS + " levels in all");
            }
        }
        return total;
    }

    private static void probabilities(String an, Attribute a) {
        double[] p = a.probs();
        if (p.length != a.size()) {
            throw new ConfigException("prob_dict." + an, p.length + " probabilities",
                    "must have one probability per level of group_dict." + an + " (" + a.size() + ")");
        }
        double sum = 0;
        for (int k = 0; k < p.length; k++) {
            if (!(p[k] >= 0) || Double.isInfinite(p[k])) {
                throw new ConfigException("prob_dict." + an + "[" + k + "]", p[k],
                        "probabilities must be finite numbers >= 0");
            }
            sum += p[k];
        }
        if (Math.abs(sum - 1.0) > SynthSpec.PROB_SUM_TOLERANCE) {
            throw new ConfigException("prob_dict." + an, Arrays.toString(p) + " (sum " + sum + ")",
                    "probabilities must sum to 1 within " + SynthSpec.PROB_SUM_TOLERANCE);
        }
    }

    static void quad(boolean quad, int groups, int dim) {
        if (quad && (long) groups * dim * dim > SynthSpec.MAX_QUAD_COEFFICIENTS) {
            throw new ConfigException("add_quad_mapping", "true with dim " + dim + " and " + groups + " groups",
                    "needs groups*dim^2 <= " + SynthSpec.MAX_QUAD_COEFFICIENTS + " coefficients");
        }
    }

    private static boolean cleanName(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                return false;
            }
        }
        return true;
    }

    static void bounds(String loName, String hiName, double lo, double hi) {
        if (!Double.isFinite(lo)) {
            throw new ConfigException(loName, lo, "must be a finite number");
        }
        if (!Double.isFinite(hi)) {
            throw new ConfigException(hiName, hi, "must be a finite number");
        }
        if (lo > hi) {
            throw new ConfigException(loName, lo, "must be <= " + hiName + " (" + hi + ")");
        }
        if (!Double.isFinite(hi - lo)) {
            throw new ConfigException(hiName, hi, "the range " + hiName + " - " + loName + " must be finite");
        }
    }
}
