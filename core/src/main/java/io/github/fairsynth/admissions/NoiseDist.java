package io.github.fairsynth.admissions;

/** The noise distribution of the gym's {@code noise_dist}. */
public enum NoiseDist {
    /** clip(mu + sigma·N(0,1), min, max). */
    GAUSSIAN,
    /** ±Beta(α = sigma, β = mu) with a fair random sign; min and max are ignored. */
    BETA;

    /**
     * @param name gaussian or beta
     * @return the distribution
     * @throws io.github.fairsynth.ConfigException for any other name
     */
    public static NoiseDist parse(String name) {
        if ("gaussian".equals(name)) {
            return GAUSSIAN;
        }
        if ("beta".equals(name)) {
            return BETA;
        }
        throw new io.github.fairsynth.ConfigException("noise_dist", name, "must be gaussian or beta");
    }
}
