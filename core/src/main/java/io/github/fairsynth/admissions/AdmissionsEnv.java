package io.github.fairsynth.admissions;

import io.github.fairsynth.simd.Kernels;

/**
 * One environment, stepped like the gym's: {@link #current()} holds the applicants waiting for the next
 * action; {@link #step(double, double)} applies it (gaming, selection), returns the stepped applicants and
 * draws the next round. Everything random comes from the streams of (seed, environment index, round).
 */
public final class AdmissionsEnv {
    private final AdmissionsParams p;
    private final RoundSampler sampler;
    private final RoundSampler.Buffers buffers;
    private Applicants current;
    private Applicants stepped;
    private long steps;
    private int lastManipulated;
    private int nextGroupZero;

    /**
     * @param p     parameters
     * @param seed  seed
     * @param index environment index (its trajectory depends only on seed and index)
     */
    public AdmissionsEnv(AdmissionsParams p, long seed, long index) {
        this(p, seed, index, Kernels.get());
    }

    /**
     * An environment whose draws use given kernels (all kernels give the same numbers).
     *
     * @param p       parameters
     * @param seed    seed
     * @param index   environment index
     * @param kernels kernels
     */
    public AdmissionsEnv(AdmissionsParams p, long seed, long index, Kernels kernels) {
        this.p = p;
        sampler = new RoundSampler(p, seed, index, kernels);
        buffers = new RoundSampler.Buffers(p);
        current = new Applicants(p.numApplicants());
        stepped = new Applicants(p.numApplicants());
        sampler.sample(1, buffers, current);
    }

    /** @return the parameters */
    public AdmissionsParams params() {
        return p;
    }

    /** @return steps taken */
    public long steps() {
        return steps;
    }

    /** @return whether the episode is done: more than {@code max_steps} steps taken */
    public boolean done() {
        return steps > p.maxSteps();
    }

    /** @return the applicants of the coming step (read only) */
    public Applicants current() {
        return current;
    }

    /** @return how many moved in the last step */
    public int lastManipulated() {
        return lastManipulated;
    }

    /** @return group-0 count of the round now waiting (the gym's observation carries its groups) */
    public int nextGroupZero() {
        return nextGroupZero;
    }

    /**
     * Takes one step.
     *
     * @param threshold the jury's threshold, in [score min, score max]
     * @param epsilon   the jury's epsilon, in [0, 1]
     * @return the stepped applicants (valid until the next step)
     * @throws IllegalStateException when the episode is done
     */
    public Applicants step(double threshold, double epsilon) {
        checkAction(p, steps, threshold, epsilon);
        steps++;
        Applicants a = current;
        lastManipulated = AdmissionsKernel.play(sampler.kernels(), p, a, a.groupZero, threshold, epsilon);
        Applicants next = stepped;
        sampler.sample(steps + 1, buffers, next);
        nextGroupZero = next.groupZero;
        stepped = a;
        current = next;
        return a;
    }

    /**
     * Checks a step's action as the gym's action space does.
     *
     * @param p         parameters
     * @param steps     steps taken so far
     * @param threshold the threshold
     * @param epsilon   the epsilon
     */
    static void checkAction(AdmissionsParams p, long steps, double threshold, double epsilon) {
        if (steps > p.maxSteps()) {
            throw new IllegalStateException("the episode is done: " + steps + " steps taken, max_steps " + p.maxSteps());
        }
        if (!(threshold >= p.scoreMin() && threshold <= p.scoreMax())) {
            throw new io.github.fairsynth.ConfigException("threshold", threshold,
                    "must be in [" + p.scoreMin() + ", " + p.scoreMax() + "]");
        }
        if (!(epsilon >= 0 && epsilon <= 1)) {
            throw new io.github.fairsynth.ConfigException("epsilon", epsilon, "must be in [0, 1]");
        }
    }
}
