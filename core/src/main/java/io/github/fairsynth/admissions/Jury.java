package io.github.fairsynth.admissions;

/**
 * A jury: it publishes a threshold and an epsilon before each step and sees each step's outcome. One
 * instance per environment; not thread-safe.
 */
public interface Jury {
    /** @return the threshold for the coming step */
    double threshold();

    /** @return the epsilon for the coming step */
    double epsilon();

    /**
     * Sees the outcome of the step just taken and sets the action for the next one (the gym's {@code act}).
     *
     * @param stepped           the stepped applicants (final scores, selection, ground truth)
     * @param nextGroupZero     how many of the next round's applicants are in group 0 (the gym's
     *                          observation carries the next round's groups)
     */
    void observe(Applicants stepped, int nextGroupZero);

    /**
     * Whether {@link #observe} reads the stepped applicants. When false the engine may step the round
     * chunk by chunk without keeping its applicants, and passes {@code null} as {@code stepped}.
     *
     * @return true unless the jury only counts steps
     */
    default boolean observesApplicants() {
        return true;
    }

    /** @return a fresh jury with the same settings (for another environment) */
    Jury copy();

    /** @return a short description for reports */
    String describe();
}
