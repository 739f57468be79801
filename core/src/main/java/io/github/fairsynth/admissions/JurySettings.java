package io.github.fairsynth.admissions;

import io.github.fairsynth.ConfigException;

import java.util.Locale;

/**
 * What kind of jury and its settings; validated once, then {@link #create(AdmissionsParams)} makes one jury
 * per environment.
 *
 * @param kind               fixed, static, continuous or robust
 * @param threshold          fixed: the threshold; static/continuous: the initial one (robust: always 0)
 * @param epsilon            fixed jury's constant epsilon when not epsilon-greedy
 * @param epsilonGreedy      whether epsilon decays: {@code initial · rate^(t / decaySteps)}
 * @param initialEpsilon     {@code initial_epsilon_prob}
 * @param decaySteps         {@code decay_steps}
 * @param decayRate          {@code epsilon_prob_decay_rate}
 * @param burnin             learning juries' burn-in
 */
public record JurySettings(Kind kind, double threshold, double epsilon, boolean epsilonGreedy,
                           double initialEpsilon, double decaySteps, double decayRate, int burnin)
        implements java.io.Serializable {
    /** The juries of the gym. */
    public enum Kind {
        /** A constant threshold. */
        FIXED,
        /** Naive: learns until burn-in, then frozen. */
        STATIC,
        /** Naive: learns every step. */
        CONTINUOUS,
        /** Hardt et al. 2016, Algorithm 1: learns on maximally gamed scores during burn-in, then frozen. */
        ROBUST;

        /**
         * @param name fixed, static, continuous or robust
         * @return the kind
         */
        public static Kind parse(String name) {
            try {
                return valueOf(name.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new ConfigException("jury", name, "must be fixed, static, continuous or robust");
            }
        }
    }

    /**
     * Validates the settings.
     *
     * @param kind           fixed, static, continuous or robust
     * @param threshold      fixed: the threshold; static/continuous: the initial one
     * @param epsilon        constant epsilon when not epsilon-greedy
     * @param epsilonGreedy  whether epsilon decays
     * @param initialEpsilon {@code initial_epsilon_prob}
     * @param decaySteps     {@code decay_steps}
     * @param decayRate      {@code epsilon_prob_decay_rate}
     * @param burnin         learning juries' burn-in
     * @throws ConfigException naming the bad setting
     */
    public JurySettings {
        if (kind == null) {
            throw new ConfigException("jury", null, "must be fixed, static, continuous or robust");
        }
        if (!(threshold >= 0 && threshold <= 1) && kind != Kind.ROBUST) {
            throw new ConfigException("threshold", threshold, "must be in [score min, score max] = [0, 1]");
        }
        if (!(epsilon >= 0 && epsilon <= 1)) {
            throw new ConfigException("epsilon", epsilon, "must be in [0, 1]");
        }
        if (epsilonGreedy) {
            if (!(initialEpsilon >= 0 && initialEpsilon <= 1)) {
                throw new ConfigException("initial-epsilon", initialEpsilon, "must be in [0, 1]");
            }
            if (!(decaySteps > 0) || Double.isInfinite(decaySteps)) {
                throw new ConfigException("decay-steps", decaySteps, "must be a finite number > 0");
            }
            if (!(decayRate > 0 && decayRate <= 1)) {
                throw new ConfigException("decay-rate", decayRate, "must be in (0, 1]");
            }
        }
        if (kind == Kind.ROBUST && burnin < 2) {
            throw new ConfigException("burnin", burnin, "the robust jury needs burnin >= 2");
        }
        if ((kind == Kind.STATIC || kind == Kind.CONTINUOUS) && burnin < 0) {
            throw new ConfigException("burnin", burnin, "must be >= 0");
        }
    }

    /**
     * Checks the settings against the environment's score range.
     *
     * @param p the environment
     */
    public void check(AdmissionsParams p) {
        if (kind != Kind.ROBUST && !(threshold >= p.scoreMin() && threshold <= p.scoreMax())) {
            throw new ConfigException("threshold", threshold,
                    "must be in [score min, score max] = [" + p.scoreMin() + ", " + p.scoreMax() + "]");
        }
    }

    /**
     * @param p the environment (costs and subsidy for the robust jury, score range for clipping)
     * @return a new jury
     */
    public Jury create(AdmissionsParams p) {
        check(p);
        switch (kind) {
            case FIXED:
                return new FixedJury(this);
            case STATIC:
                return new NaiveJury(this, p, threshold, true, false);
            case CONTINUOUS:
                return new NaiveJury(this, p, threshold, false, false);
            default:
                return new NaiveJury(this, p, 0.0, true, true);
        }
    }

    /**
     * The gym's epsilon at jury step t: {@code initial · rate^(t / decaySteps)} when epsilon-greedy, else
     * the constant epsilon (0 for learning juries unless set).
     *
     * @param t steps the jury has taken
     * @return epsilon
     */
    public double epsilonAt(long t) {
        return epsilonGreedy ? initialEpsilon * StrictMath.pow(decayRate, t / decaySteps) : epsilon;
    }

    /** @return a one-line description */
    public String describe() {
        String s = kind.name().toLowerCase(Locale.ROOT);
        if (kind == Kind.FIXED) {
            s += " threshold " + threshold;
        } else {
            s += " burnin " + burnin + (kind == Kind.ROBUST ? "" : ", initial threshold " + threshold);
        }
        if (epsilonGreedy) {
            s += String.format(Locale.ROOT, ", epsilon-greedy %s·%s^(t/%s)", initialEpsilon, decayRate, decaySteps);
        } else if (epsilon > 0) {
            s += ", epsilon " + epsilon;
        }
        return s;
    }
}
