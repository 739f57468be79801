package io.github.fairsynth.admissions;

/**
 * Totals of one group (or all applicants) over applicant-steps, and the metrics they define:
 * {@code share}, {@code eligible_rate}, {@code selected_rate}, {@code manipulated_rate}, {@code accuracy}
 * (selected = eligible), {@code social_burden} (mean of eligible × burden) and {@code mean_burden}.
 */
public final class GroupMetrics {
    long applicants;
    long eligible;
    long selected;
    long manipulated;
    long correct;
    double burden;
    double socialBurden;

    /** Empty totals. */
    public GroupMetrics() {
    }

    /**
     * Adds other totals to these.
     *
     * @param o totals of other applicant-steps
     */
    public void add(GroupMetrics o) {
        applicants += o.applicants;
        eligible += o.eligible;
        selected += o.selected;
        manipulated += o.manipulated;
        correct += o.correct;
        burden += o.burden;
        socialBurden += o.socialBurden;
    }

    void clear() {
        applicants = eligible = selected = manipulated = correct = 0;
        burden = socialBurden = 0;
    }

    /** @return applicant-steps counted */
    public long applicants() {
        return applicants;
    }

    /**
     * @param total applicant-steps of all groups
     * @return this group's share
     */
    public double share(long total) {
        return total == 0 ? Double.NaN : (double) applicants / total;
    }

    /** @return eligible / applicants */
    public double eligibleRate() {
        return rate(eligible);
    }

    /** @return selected / applicants */
    public double selectedRate() {
        return rate(selected);
    }

    /** @return moved / applicants */
    public double manipulatedRate() {
        return rate(manipulated);
    }

    /** @return (selected = eligible) / applicants */
    public double accuracy() {
        return rate(correct);
    }

    /** @return mean over applicants of eligible × burden */
    public double socialBurden() {
        return applicants == 0 ? Double.NaN : socialBurden / applicants;
    }

    /** @return mean burden */
    public double meanBurden() {
        return applicants == 0 ? Double.NaN : burden / applicants;
    }

    private double rate(long k) {
        return applicants == 0 ? Double.NaN : (double) k / applicants;
    }
}
