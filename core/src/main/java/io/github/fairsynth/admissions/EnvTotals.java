package io.github.fairsynth.admissions;

/** Each environment's totals and last threshold, as {@link AdmissionsRun} combines them. */
interface EnvTotals {
    /**
     * Adds environment {@code e}'s totals of group {@code g} to {@code into}.
     *
     * @param e    environment
     * @param g    group, 0 or 1
     * @param into the sums
     */
    void addTotals(int e, int g, GroupMetrics into);

    /**
     * @param e environment
     * @return its last threshold
     */
    double lastThreshold(int e);
}
