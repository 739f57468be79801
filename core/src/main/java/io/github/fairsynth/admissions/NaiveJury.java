package io.github.fairsynth.admissions;

/**
 * The gym's {@code NaiveJury} (static or continuous) and {@code RobustJury}.
 *
 * <p>Timing, as the gym: before step {@code burnin} it publishes its initial threshold; after each step it
 * adds the selected applicants' (feature, ground truth) to its data (unless frozen) and retrains once both
 * labels were seen; it is frozen once it has taken more than {@code burnin} steps (static and robust). So
 * steps 1…burnin use the initial threshold, step burnin+1 the one learned from steps 1…burnin, and from
 * step burnin+2 on the one learned from steps 1…burnin+1. The learned threshold is clipped to the score
 * range; "above every score" clips to the maximum.
 *
 * <p>The robust jury's feature is the selected applicant's final score raised by its group's largest
 * possible gain {@code (1 − epsilon)/cost_g} (with the subsidy, capped by {@code gaming_control}), clipped
 * to the score range. Faithful to the gym, the group used is the one the observation carries at that
 * position, which is the next round's (the gym's observation pairs this round's scores with the next
 * round's group ids; both are sorted group 0 first).
 */
final class NaiveJury implements Jury {
    private final JurySettings settings;
    private final AdmissionsParams p;
    private final double initial;
    private final boolean freeze;
    private final boolean robust;
    private final ThresholdLearner learner = new ThresholdLearner();
    private double learned;
    private double threshold;
    private long steps;

    NaiveJury(JurySettings settings, AdmissionsParams p, double initial, boolean freeze, boolean robust) {
        this.settings = settings;
        this.p = p;
        this.initial = initial;
        this.freeze = freeze;
        this.robust = robust;
        this.learned = initial;
        this.threshold = initial;
    }

    @Override
    public double threshold() {
        return threshold;
    }

    @Override
    public double epsilon() {
        return settings.epsilonAt(steps);
    }

    @Override
    public void observe(Applicants a, int nextGroupZero) {
        boolean frozen = freeze && steps > settings.burnin();
        if (!frozen) {
            double lo = p.scoreMin();
            double hi = p.scoreMax();
            double[] gain = robust ? maxGain(settings.epsilonAt(steps)) : null;
            for (int i = 0; i < a.n; i++) {
                if (a.selected[i] != 0) {
                    double feature = a.scoreY[i];
                    if (robust) {
                        int g = i < nextGroupZero ? 0 : 1;
                        feature = AdmissionsKernel.clip(feature + gain[g], lo, hi);
                    }
                    learner.add(feature, a.groundTruth[i]);
                }
            }
            if (learner.canTrain()) {
                learned = AdmissionsKernel.clip(learner.bestThreshold(), lo, hi);
            }
        }
        steps++;
        threshold = steps < settings.burnin() ? initial : learned;
    }

    /** The gym's largest score change per group: (1 − eps)/cost_g, with the subsidy, capped by gaming_control. */
    private double[] maxGain(double eps) {
        double costA = p.groupCost(0);
        double costB = p.groupCost(1);
        if (p.subsidize()) {
            costB *= p.subsidyBeta();
        }
        double a = (1 - eps) / costA;
        double b = (1 - eps) / costB;
        if (!Double.isInfinite(p.gamingControl())) {
            a = Math.min(a, p.gamingControl());
            b = Math.min(b, p.gamingControl());
        }
        return new double[] {a, b};
    }

    /** @return distinct scores in the learner (for tests of memory use) */
    int learnedScores() {
        return learner.distinctScores();
    }

    @Override
    public Jury copy() {
        return new NaiveJury(settings, p, initial, freeze, robust);
    }

    @Override
    public String describe() {
        return settings.describe();
    }
}
