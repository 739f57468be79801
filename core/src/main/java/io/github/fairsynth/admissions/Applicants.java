package io.github.fairsynth.admissions;

/**
 * One round's applicants in primitive arrays (structure of arrays), reused from round to round. Group 0
 * applicants come first, as the gym's sampler orders them.
 */
public final class Applicants {
    /** Ground-truth value reported for an unselected applicant. */
    public static final byte UNSELECTED = io.github.fairsynth.simd.Kernels.UNSELECTED;

    final int capacity;
    int n;
    int groupZero;
    final byte[] group;
    final double[] original;
    final double[] observed;
    final byte[] eligible;
    final double[] scoreY;
    final double[] burden;
    final byte[] manipulated;
    final byte[] selected;
    final byte[] groundTruth;
    // uniforms of the round, drawn with the applicants
    final double[] thresholdNoise;
    final double[] selectU;

    /** @param capacity most applicants per round */
    public Applicants(int capacity) {
        this.capacity = capacity;
        group = new byte[capacity];
        original = new double[capacity];
        observed = new double[capacity];
        eligible = new byte[capacity];
        scoreY = new double[capacity];
        burden = new double[capacity];
        manipulated = new byte[capacity];
        selected = new byte[capacity];
        groundTruth = new byte[capacity];
        thresholdNoise = new double[capacity];
        selectU = new double[capacity];
    }

    /** @return applicants this round */
    public int size() {
        return n;
    }

    /** @return how many are in group 0 (they come first) */
    public int groupZeroCount() {
        return groupZero;
    }

    /**
     * @param i applicant
     * @return its group (0 or 1)
     */
    public int group(int i) {
        return group[i];
    }

    /**
     * @param i applicant
     * @return its original score
     */
    public double original(int i) {
        return original[i];
    }

    /**
     * @param i applicant
     * @return its observed score (original, or noisy with noisy_features)
     */
    public double observed(int i) {
        return observed[i];
    }

    /**
     * @param i applicant
     * @return whether its original score reaches its group's true threshold
     */
    public boolean eligible(int i) {
        return eligible[i] != 0;
    }

    /**
     * @param i applicant
     * @return its final score after gaming
     */
    public double scoreY(int i) {
        return scoreY[i];
    }

    /**
     * @param i applicant
     * @return its burden (change cost; 0 at or above the threshold or without gaming)
     */
    public double burden(int i) {
        return burden[i];
    }

    /**
     * @param i applicant
     * @return whether it moved its score
     */
    public boolean manipulated(int i) {
        return manipulated[i] != 0;
    }

    /**
     * @param i applicant
     * @return whether it was selected
     */
    public boolean selected(int i) {
        return selected[i] != 0;
    }

    /**
     * @param i applicant
     * @return its eligibility if selected, else {@link #UNSELECTED}
     */
    public int groundTruth(int i) {
        return groundTruth[i];
    }
}
