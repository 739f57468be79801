package io.github.fairsynth.property;

import io.github.fairsynth.admissions.AdmissionsEnv;
import io.github.fairsynth.admissions.AdmissionsKernel;
import io.github.fairsynth.admissions.AdmissionsParams;
import io.github.fairsynth.admissions.Applicants;
import io.github.fairsynth.admissions.Jury;
import io.github.fairsynth.admissions.JurySettings;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Statistical and invariant properties of the admissions game over random configurations and actions. */
class AdmissionsPropertiesTest {
    static final double ALPHA = 1e-6;
    static final int STEPS = 20;

    static Stream<Named<AdmCase>> cases() {
        return Cases.of("admissions", AdmCase::random);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void groupShareAndEligibleRatesMatchTheirClosedForms(AdmCase c) {
        AdmissionsParams p = c.params();
        AdmissionsEnv env = new AdmissionsEnv(p, c.seed(), 0);
        long[] n = new long[2];
        long[] eligible = new long[2];
        for (int s = 0; s < STEPS; s++) {
            Applicants a = env.current();
            for (int i = 0; i < a.size(); i++) {
                n[a.group(i)]++;
                eligible[a.group(i)] += a.eligible(i) ? 1 : 0;
            }
            env.step(c.tau(), c.eps());
        }
        long total = n[0] + n[1];
        double t = Stats.binomialBound(total, p.mixWeight(0), ALPHA / 3);
        assertTrue(Math.abs(n[0] - total * p.mixWeight(0)) <= t, "group 0 count " + n[0] + " of " + total);
        for (int g = 0; g < 2; g++) {
            double q = eligibleProbability(p, g);
            double tg = Stats.binomialBound(n[g], q, ALPHA / 3);
            assertTrue(Math.abs(eligible[g] - n[g] * q) <= tg + 1e-9,
                    "group " + g + " eligible " + eligible[g] + " of " + n[g] + ", closed form " + q);
        }
    }

    /**
     * Each group's original scores are {@code clip(N(mu_g, sigma_g²), min, max)}: Pearson's chi-square over
     * cells cut at the normal's 5% quantiles and at ±2.5, ±3 and ±3.5 sigma (the tails, where the
     * ziggurat's edge draws land), at confidence 1 − ALPHA/2 per group. A group with sigma 0 has one score,
     * checked exactly.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void originalScoresFollowTheClippedNormal(AdmCase c) {
        AdmissionsParams p = c.params();
        AdmissionsEnv env = new AdmissionsEnv(p, c.seed(), 3);
        double[] zc = normalCuts();
        double[][] cuts = new double[2][zc.length];
        for (int g = 0; g < 2; g++) {
            for (int k = 0; k < zc.length; k++) {
                cuts[g][k] = p.mu(g) + p.sigma(g) * zc[k];
            }
        }
        long[][] counts = new long[2][zc.length + 1];
        for (int s = 0; s < STEPS; s++) {
            Applicants a = env.current();
            for (int i = 0; i < a.size(); i++) {
                int g = a.group(i);
                double x = a.original(i);
                if (p.sigma(g) == 0) {
                    assertEquals(AdmissionsKernel.clip(p.mu(g), p.scoreMin(), p.scoreMax()), x, 0.0, "sigma 0");
                    continue;
                }
                counts[g][cell(cuts[g], x)]++;
            }
            env.step(c.tau(), c.eps());
        }
        for (int g = 0; g < 2; g++) {
            if (p.sigma(g) > 0) {
                int group = g;
                assertCellsFit("group " + g + " scores", counts[g], cuts[g], x -> belowClipped(p, group, x), false);
            }
        }
    }

    /**
     * The normals behind the scores, a million per case (200,000 applicants × 5 steps, each group's scores
     * unclipped in practice: mean 0.5, sigma 0.08 or 0.1), are standard normal out to the tails: Pearson's
     * chi-square over cells cut at the normal's 2.5% quantiles and at ±2.5, ±3, ±3.3, ±3.6 (where the
     * ziggurat's tail begins) and ±4 sigma, at confidence 1 − ALPHA/2 per group.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void scoreNormalsAreStandardNormalIntoTheTails(AdmCase c) {
        AdmissionsParams p = c.params().toBuilder().numApplicants(200_000).mu(0.5, 0.5).sigma(0.08, 0.1).build();
        AdmissionsEnv env = new AdmissionsEnv(p, c.seed(), 4);
        double[] zc = cuts(40, -4, -3.6, -3.3, -3, -2.5, 2.5, 3, 3.3, 3.6, 4);
        long[][] counts = new long[2][zc.length + 1];
        for (int s = 0; s < 5; s++) {
            Applicants a = env.current();
            for (int i = 0; i < a.size(); i++) {
                int g = a.group(i);
                counts[g][cell(zc, (a.original(i) - p.mu(g)) / p.sigma(g))]++;
            }
            env.step(c.tau(), c.eps());
        }
        for (int g = 0; g < 2; g++) {
            assertCellsFit("group " + g + " normals", counts[g], zc, Stats::phi, true);
        }
    }

    /** @return how many of the ascending cut points are at or below {@code v}: its cell */
    static int cell(double[] cuts, double v) {
        int k = java.util.Arrays.binarySearch(cuts, v);
        return k >= 0 ? k + 1 : -k - 1;
    }

    /**
     * Pearson's chi-square of counts per cell (cell k = [cuts[k-1], cuts[k])) against the expectation from
     * {@code below(x)} = P(X &lt; x), at confidence 1 − ALPHA/2 (two groups per case). When the pooled
     * cells leave no degree of freedom there is nothing to test: a failure if {@code required}.
     */
    static void assertCellsFit(String what, long[] counts, double[] cuts, java.util.function.DoubleUnaryOperator below,
                               boolean required) {
        long n = 0;
        for (long k : counts) {
            n += k;
        }
        double[] expected = new double[cuts.length + 1];
        double done = 0;
        for (int k = 0; k <= cuts.length; k++) {
            double upTo = k < cuts.length ? below.applyAsDouble(cuts[k]) : 1;
            expected[k] = n * (upTo - done);
            done = upTo;
        }
        double[] chi = Stats.chiSquare(counts, expected);
        if (chi[1] >= 1) {
            double q = Stats.chiSquareQuantile((int) chi[1], ALPHA / 2);
            assertTrue(chi[0] <= q, what + ": chi-square " + chi[0] + " > " + q + " (df " + chi[1] + ")");
        } else {
            assertTrue(!required, what + ": no degree of freedom left");
        }
    }

    /** @return the cut points in sigma units: the normal's k/20 quantiles and ±2.5, ±3, ±3.5, ascending */
    static double[] normalCuts() {
        return cuts(20, -3.5, -3, -2.5, 2.5, 3, 3.5);
    }

    /** @return the normal's k/parts quantiles (0 &lt; k &lt; parts) and the given points, ascending */
    static double[] cuts(int parts, double... more) {
        double[] c = new double[parts - 1 + more.length];
        for (int k = 1; k < parts; k++) {
            c[k - 1] = Stats.normalQuantile((double) k / parts);
        }
        System.arraycopy(more, 0, c, parts - 1, more.length);
        java.util.Arrays.sort(c);
        return c;
    }

    /** @return P(clip(N(mu_g, sigma_g²), min, max) &lt; x) */
    static double belowClipped(AdmissionsParams p, int g, double x) {
        if (x <= p.scoreMin()) {
            return 0;
        }
        if (x > p.scoreMax()) {
            return 1;
        }
        return Stats.phi((x - p.mu(g)) / p.sigma(g));
    }

    /** P(clip(N(mu, sigma), min, max) >= mu + factor·mu). */
    static double eligibleProbability(AdmissionsParams p, int g) {
        double tau = p.trueThreshold(g);
        if (tau <= p.scoreMin()) {
            return 1;
        }
        if (tau > p.scoreMax()) {
            return 0;
        }
        if (p.sigma(g) == 0) {
            return AdmissionsKernel.clip(p.mu(g), p.scoreMin(), p.scoreMax()) >= tau ? 1 : 0;
        }
        return 1 - Stats.phi((tau - p.mu(g)) / p.sigma(g));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void gamingAndSelectionInvariants(AdmCase c) {
        AdmissionsParams p = c.params();
        AdmissionsEnv env = new AdmissionsEnv(p, c.seed(), 1);
        long belowStay = 0;
        long belowStaySelected = 0;
        for (int s = 0; s < STEPS; s++) {
            Applicants a = env.step(c.tau(), c.eps());
            for (int i = 0; i < a.size(); i++) {
                double x = a.observed(i);
                double y = a.scoreY(i);
                if (!p.gaming()) {
                    assertEquals(x, y, 0.0, "nobody moves when gaming is off");
                    assertEquals(0.0, a.burden(i), 0.0);
                }
                if (x >= c.tau()) {
                    assertEquals(x, y, 0.0, "at or above tau the score stays");
                    assertEquals(0.0, a.burden(i), 0.0, "at or above tau the burden is 0");
                }
                if (!p.noisyThreshold()) {
                    assertTrue(y >= x, "a final score is never below the observed one (without a noisy threshold)");
                    assertTrue(a.burden(i) >= 0, "burden >= 0 (without a noisy threshold)");
                } else if (y < x) {
                    assertTrue(a.manipulated(i) && a.burden(i) < 0, "moving down happens only to a target below x");
                }
                if (y != x) {
                    assertTrue(a.manipulated(i), "a changed score means the applicant moved");
                } else if (a.manipulated(i)) {
                    // The gym's rule lets a noisy target clipped onto the applicant's own score "move" at zero
                    // cost (it counts in num_manipulated): only with a noisy threshold, at a score bound.
                    assertTrue(p.noisyThreshold() && a.burden(i) == 0 && (x == p.scoreMin() || x == p.scoreMax()),
                            "moved without changing its score: x=" + x + " burden=" + a.burden(i) + " " + c);
                }
                if (c.eps() == 0) {
                    assertEquals(y >= c.tau(), a.selected(i), "with epsilon 0 selection is exactly score >= tau");
                } else if (y >= c.tau()) {
                    assertTrue(a.selected(i));
                }
                if (y < c.tau() && !a.manipulated(i)) {
                    belowStay++;
                    belowStaySelected += a.selected(i) ? 1 : 0;
                }
                assertEquals(a.selected(i) ? (a.eligible(i) ? 1 : 0) : Applicants.UNSELECTED, a.groundTruth(i));
            }
        }
        if (c.eps() > 0 && belowStay > 0) {
            double t = Stats.binomialBound(belowStay, c.eps(), ALPHA);
            assertTrue(Math.abs(belowStaySelected - belowStay * c.eps()) <= t,
                    "selected share below tau " + belowStaySelected + " of " + belowStay + " vs epsilon " + c.eps());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void selectedCountIsMonotoneInTheThreshold(AdmCase c) {
        AdmissionsParams p = c.params().toBuilder().noisyThreshold(false).build();
        Applicants a = new AdmissionsEnv(p, c.seed(), 2).current();
        int n = a.size();
        double[] x = new double[n];
        byte[] g = new byte[n];
        byte[] el = new byte[n];
        for (int i = 0; i < n; i++) {
            x[i] = a.observed(i);
            g[i] = (byte) a.group(i);
            el[i] = (byte) (a.eligible(i) ? 1 : 0);
        }
        double[] y = new double[n];
        double[] burden = new double[n];
        byte[] moved = new byte[n];
        byte[] sel = new byte[n];
        byte[] gt = new byte[n];
        double[] u = new double[n];
        int last = Integer.MAX_VALUE;
        for (int k = 0; k <= 50; k++) {
            double tau = p.scoreMin() + (p.scoreMax() - p.scoreMin()) * k / 50;
            AdmissionsKernel.manipulate(p, x, g, n, tau, 0, null, y, burden, moved);
            int count = AdmissionsKernel.select(y, el, n, tau, 0, u, sel, gt);
            assertTrue(count <= last, "selected " + count + " at tau " + tau + " > " + last + " at a lower tau");
            last = count;
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void juryThresholdsStayInRangeAndEpsilonDecays(AdmCase c) {
        AdmissionsParams p = c.params();
        for (JurySettings.Kind kind : JurySettings.Kind.values()) {
            JurySettings js = new JurySettings(kind, kind == JurySettings.Kind.FIXED ? c.tau() : 0.0, 0, true,
                    0.2 + c.eps(), 3 + (c.seed() & 7), 0.3, 3);
            Jury j = js.create(p);
            AdmissionsEnv env = new AdmissionsEnv(p, c.seed(), 3);
            for (int t = 0; t < 12; t++) {
                double tau = j.threshold();
                assertTrue(tau >= p.scoreMin() && tau <= p.scoreMax(), kind + " threshold " + tau);
                double expected = js.initialEpsilon() * StrictMath.pow(js.decayRate(), t / js.decaySteps());
                assertEquals(expected, j.epsilon(), 0.0, kind + " epsilon at step " + t);
                j.observe(env.step(tau, j.epsilon()), env.nextGroupZero());
            }
        }
    }
}
