package io.github.fairsynth.analysis;

/**
 * How to split and which columns to use for a group-wise fit.
 *
 * @param splitColumn    a column of {@code train}/{@code test} values, or null for the seeded shuffle
 * @param testFraction   share of test rows for the shuffle (default 0.2, as the paper's notebook)
 * @param splitSeed      seed of the shuffle (default 21, as the notebook)
 * @param featuresPrefix prefix of the feature columns (default {@code x_})
 * @param groupsPrefix   prefix of the 0/1 group columns (default {@code g_})
 */
public record FitOptions(String splitColumn, double testFraction, long splitSeed, String featuresPrefix,
                         String groupsPrefix) {
    /** @return the notebook's defaults: shuffle, 0.2 test, seed 21, {@code x_} and {@code g_} */
    public static FitOptions defaults() {
        return new FitOptions(null, 0.2, 21, "x_", "g_");
    }

    /**
     * @param column split column
     * @return a copy using it
     */
    public FitOptions withSplitColumn(String column) {
        return new FitOptions(column, testFraction, splitSeed, featuresPrefix, groupsPrefix);
    }

    /**
     * @param fraction test fraction
     * @param seed split seed
     * @return a copy using the shuffle
     */
    public FitOptions withShuffle(double fraction, long seed) {
        return new FitOptions(null, fraction, seed, featuresPrefix, groupsPrefix);
    }

    /**
     * @param features features prefix
     * @param groups groups prefix
     * @return a copy with these prefixes
     */
    public FitOptions withPrefixes(String features, String groups) {
        return new FitOptions(splitColumn, testFraction, splitSeed, features, groups);
    }
}
