package io.github.fairsynth.admissions;

/** The gym's {@code FixedJury}: a constant threshold, optionally epsilon-greedy. */
final class FixedJury implements Jury {
    private final JurySettings settings;
    private long steps;

    FixedJury(JurySettings settings) {
        this.settings = settings;
    }

    @Override
    public double threshold() {
        return settings.threshold();
    }

    @Override
    public double epsilon() {
        return settings.epsilonAt(steps);
    }

    @Override
    public void observe(Applicants stepped, int nextGroupZero) {
        steps++;
    }

    @Override
    public boolean observesApplicants() {
        return false;
    }

    @Override
    public Jury copy() {
        return new FixedJury(settings);
    }

    @Override
    public String describe() {
        return settings.describe();
    }
}
