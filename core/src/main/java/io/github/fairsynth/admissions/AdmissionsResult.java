package io.github.fairsynth.admissions;

/**
 * The outcome of a run: per-group and overall metrics over all applicant-steps, and the final threshold's
 * mean and standard deviation over environments (n − 1 denominator; 0 for one environment).
 */
public final class AdmissionsResult {
    private final AdmissionsParams params;
    private final JurySettings jury;
    private final long seed;
    private final int envs;
    private final long steps;
    private final GroupMetrics[] groups;
    private final GroupMetrics overall = new GroupMetrics();
    private final double finalMean;
    private final double finalSd;

    AdmissionsResult(AdmissionsParams params, JurySettings jury, long seed, int envs, long steps,
                     GroupMetrics[] groups, double finalMean, double finalSd) {
        this.params = params;
        this.jury = jury;
        this.seed = seed;
        this.envs = envs;
        this.steps = steps;
        this.groups = groups;
        overall.add(groups[0]);
        overall.add(groups[1]);
        this.finalMean = finalMean;
        this.finalSd = finalSd;
    }

    /** @return the parameters */
    public AdmissionsParams params() {
        return params;
    }

    /** @return the jury settings */
    public JurySettings jury() {
        return jury;
    }

    /** @return the seed */
    public long seed() {
        return seed;
    }

    /** @return environments */
    public int envs() {
        return envs;
    }

    /** @return steps */
    public long steps() {
        return steps;
    }

    /**
     * @param g group (0 or 1)
     * @return its totals
     */
    public GroupMetrics group(int g) {
        return groups[g];
    }

    /** @return totals over both groups */
    public GroupMetrics overall() {
        return overall;
    }

    /** @return mean over environments of the threshold of the last step */
    public double finalThresholdMean() {
        return finalMean;
    }

    /** @return standard deviation over environments of the threshold of the last step */
    public double finalThresholdSd() {
        return finalSd;
    }
}
