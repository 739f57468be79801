package io.github.fairsynth.cli;

import io.github.fairsynth.ConfigException;
import io.github.fairsynth.synth.SynthSpec;

import java.util.ArrayList;
import java.util.List;

/** Parsers for the compact flag forms ({@code LO,HI} and {@code NAME=level:p,...}). */
final class FlagParsers {
    private FlagParsers() {
    }

    /**
     * @param flag  flag name without dashes
     * @param value "LO,HI"
     * @return {lo, hi}
     */
    static double[] pair(String flag, String value) {
        String[] parts = value.split(",", -1);
        if (parts.length != 2) {
            throw new ConfigException(flag, value, "expected two numbers LO,HI");
        }
        return new double[] {number(flag, value, parts[0]), number(flag, value, parts[1])};
    }

    private static double number(String flag, String whole, String s) {
        try {
            return Double.parseDouble(s.trim());
        } catch (NumberFormatException e) {
            throw new ConfigException(flag, whole, "'" + s + "' is not a number");
        }
    }

    /**
     * Parses {@code NAME=level:p,level:p,...} and adds the attribute.
     *
     * @param value the flag value
     * @param b     the builder
     * @return the attribute's name
     */
    static String attribute(String value, SynthSpec.Builder b) {
        String form = "expected NAME=level:probability,level:probability,... e.g. SHAPE=circle:0.5,square:0.5";
        int eq = value.indexOf('=');
        if (eq <= 0 || eq == value.length() - 1) {
            throw new ConfigException("attribute", value, form);
        }
        String name = value.substring(0, eq).trim();
        List<String> levels = new ArrayList<>();
        List<Double> probs = new ArrayList<>();
        for (String item : value.substring(eq + 1).split(",", -1)) {
            int colon = item.lastIndexOf(':');
            if (colon <= 0) {
                throw new ConfigException("attribute", value, form);
            }
            levels.add(item.substring(0, colon).trim());
            probs.add(number("attribute", value, item.substring(colon + 1)));
        }
        double[] p = new double[probs.size()];
        for (int i = 0; i < p.length; i++) {
            p[i] = probs.get(i);
        }
        b.attribute(name, levels, p);
        return name;
    }
}
