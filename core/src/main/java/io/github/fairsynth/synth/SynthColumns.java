package io.github.fairsynth.synth;

import java.util.ArrayList;
import java.util.List;

/**
 * The output columns of a spec, in order: {@code x_0 … x_{dim-1}}, {@code g_<level>} (unless
 * {@code drop_sensitive}), {@code y_<level>} per group, then the {@link #AGGREGATES}.
 *
 * <p>"Label columns" are the per-group {@code y_<level>} columns followed by the aggregates: label column
 * {@code c < groups} is group {@code c}'s label, label column {@code groups + k} is aggregate {@code k}.
 */
public final class SynthColumns {
    /** The aggregate label columns, in output order. */
    public static final List<String> AGGREGATES = List.of(
            "y_mean_active", "y_min_active", "y_max_active", "y_dperm_active",
            "y_mean_all", "y_min_all", "y_max_all");
    /** Index of {@code y_mean_active} among the aggregates. */
    public static final int MEAN_ACTIVE = 0;
    /** Index of {@code y_min_active} among the aggregates. */
    public static final int MIN_ACTIVE = 1;
    /** Index of {@code y_max_active} among the aggregates. */
    public static final int MAX_ACTIVE = 2;
    /** Index of {@code y_dperm_active} among the aggregates. */
    public static final int DPERM_ACTIVE = 3;
    /** Index of {@code y_mean_all} among the aggregates. */
    public static final int MEAN_ALL = 4;
    /** Index of {@code y_min_all} among the aggregates. */
    public static final int MIN_ALL = 5;
    /** Index of {@code y_max_all} among the aggregates. */
    public static final int MAX_ALL = 6;

    private SynthColumns() {
    }

    /**
     * @param spec the spec
     * @return number of label columns ({@code groups + 7})
     */
    public static int labelCount(SynthSpec spec) {
        return spec.groups() + AGGREGATES.size();
    }

    /**
     * @param spec the spec
     * @param c    label column index
     * @return the label column's name
     */
    public static String labelName(SynthSpec spec, int c) {
        return c < spec.groups() ? "y_" + spec.groupName(c) : AGGREGATES.get(c - spec.groups());
    }

    /**
     * @param spec the spec
     * @return every output column name, in order
     */
    public static List<String> names(SynthSpec spec) {
        List<String> names = new ArrayList<>();
        for (int j = 0; j < spec.dim(); j++) {
            names.add("x_" + j);
        }
        if (!spec.dropSensitive()) {
            for (int g = 0; g < spec.groups(); g++) {
                names.add("g_" + spec.groupName(g));
            }
        }
        for (int c = 0; c < labelCount(spec); c++) {
            names.add(labelName(spec, c));
        }
        return names;
    }
}
