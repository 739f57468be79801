package io.github.fairsynth.property;

import io.github.fairsynth.admissions.AdmissionsParams;
import io.github.fairsynth.admissions.NoiseDist;

import java.util.SplittableRandom;

/** A random valid admissions configuration and a fixed action. */
record AdmCase(AdmissionsParams params, double tau, double eps, long seed) {
    static AdmCase random(SplittableRandom r) {
        AdmissionsParams.Builder b = AdmissionsParams.builder()
                .numApplicants(200 + r.nextInt(1800))
                .maxSteps(1000);
        double w0 = 0.05 + 0.9 * r.nextDouble();
        b.mixWeight(w0, 1 - w0);
        b.mu(0.2 + 0.7 * r.nextDouble(), 0.2 + 0.7 * r.nextDouble());
        b.sigma(r.nextInt(8) == 0 ? 0 : 0.02 + 0.4 * r.nextDouble(), 0.02 + 0.4 * r.nextDouble());
        b.trueThresholdFactor(r.nextDouble() * 0.5 - 0.2);
        b.groupCost(0.3 + 3.7 * r.nextDouble(), 0.3 + 3.7 * r.nextDouble());
        b.gaming(r.nextInt(5) != 0);
        b.gamingControl(r.nextBoolean() ? Double.POSITIVE_INFINITY : r.nextDouble());
        b.subsidize(r.nextBoolean()).subsidyBeta(r.nextDouble());
        if (r.nextBoolean()) {
            b.noiseDist(NoiseDist.GAUSSIAN).noise(0.05 * r.nextDouble(), 0.05 * r.nextDouble(), -0.3, 0.3);
        } else {
            b.noiseDist(NoiseDist.BETA).noise(1 + 5 * r.nextDouble(), 0.5 + 2 * r.nextDouble(), -0.3, 0.3);
        }
        b.noisyFeatures(r.nextInt(3) == 0).noisyThreshold(r.nextInt(3) == 0);
        double eps = r.nextInt(3) == 0 ? 0 : 0.5 * r.nextDouble();
        return new AdmCase(b.build(), r.nextDouble(), eps, r.nextLong());
    }

    @Override
    public String toString() {
        AdmissionsParams p = params;
        return String.format("N=%d mix=%.2f mu=[%.2f,%.2f] sigma=[%.2f,%.2f] cost=[%.2f,%.2f] gaming=%s ctl=%s sub=%s noise=%s feat=%s thr=%s tau=%.3f eps=%.3f",
                p.numApplicants(), p.mixWeight(0), p.mu(0), p.mu(1), p.sigma(0), p.sigma(1), p.groupCost(0), p.groupCost(1),
                p.gaming(), p.gamingControl(), p.subsidize(), p.noiseDist(), p.noisyFeatures(), p.noisyThreshold(), tau, eps);
    }
}
