package io.github.fairsynth.admissions;

import io.github.fairsynth.ConfigException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The ML Fairness Gym's own tests of the environment, as cases. */
class GymCasesTest {
    private static final double[] X = {0.1, 0.3, 0.6, 0.7, 0.7, 0.9};
    private static final byte[] G = {0, 1, 1, 1, 0, 0};

    private static double[] manipulate(AdmissionsParams p, double tau, double eps, double[] burden) {
        double[] y = new double[X.length];
        AdmissionsKernel.manipulate(p, X, G, X.length, tau, eps, new double[X.length], y, burden, new byte[X.length]);
        return y;
    }

    private static AdmissionsParams.Builder costs34() {
        return AdmissionsParams.builder().groupCost(3, 4).noise(0.1, 0, -0.3, 0.3);
    }

    @Test
    void gamingOffKeepsScoresAndZeroBurden() {
        double[] burden = new double[6];
        assertArrayEquals(X, manipulate(costs34().gaming(false).build(), 0.8, 0, burden));
        assertArrayEquals(new double[6], burden);
    }

    @Test
    void unlimitedGamingMovesThoseWhoCanAfford() {
        double[] burden = new double[6];
        AdmissionsParams p = costs34().build();
        assertArrayEquals(new double[] {0.1, 0.3, 0.8, 0.8, 0.8, 0.9}, manipulate(p, 0.8, 0, burden));
        for (int i = 0; i < 6; i++) {
            double expected = X[i] < 0.8 ? p.groupCost(G[i]) * (0.8 - X[i]) : 0;
            assertEquals(expected, burden[i], 1e-12, "burden " + i);
        }
    }

    @Test
    void gamingControlLimitsTheMove() {
        double[] burden = new double[6];
        AdmissionsParams p = costs34().gamingControl(0.1).build();
        assertArrayEquals(new double[] {0.1, 0.3, 0.6, 0.8, 0.8, 0.9}, manipulate(p, 0.8, 0, burden));
        for (int i = 0; i < 6; i++) {
            double expected = X[i] < 0.8 ? p.groupCost(G[i]) * (0.8 - X[i]) : 0;
            assertEquals(expected, burden[i], 1e-12, "burden " + i);
        }
    }

    @Test
    void subsidyScalesGroupOnesCost() {
        AdmissionsParams sub = AdmissionsParams.builder().groupCost(3, 4).subsidize(true).subsidyBeta(0.6).build();
        assertEquals(0.8 * 3, sub.cost(0.8, 0), 1e-15);
        assertEquals(0.8 * 0.6 * 4, sub.cost(0.8, 1), 1e-15);
        AdmissionsParams none = AdmissionsParams.builder().groupCost(3, 4).build();
        assertEquals(0.8 * 4, none.cost(0.8, 1), 1e-15);
    }

    @Test
    void selectionAndGroundTruth() {
        double[] y = {0.1, 0.9, 0.8, 0.79};
        byte[] eligible = {0, 1, 0, 1};
        byte[] sel = new byte[4];
        byte[] gt = new byte[4];
        AdmissionsKernel.select(y, eligible, 4, 0.8, 0, new double[] {0.5, 0.5, 0.5, 0.5}, sel, gt);
        assertArrayEquals(new byte[] {0, 1, 1, 0}, sel);
        assertArrayEquals(new byte[] {2, 1, 0, 2}, gt);
    }

    @Test
    void boundedGaussianNoiseWithTinySigmaIsItsMean() {
        AdmissionsParams p = AdmissionsParams.builder().noisyThreshold(true).noise(0.2, 1e-5, 0, 0.3).build();
        AdmissionsEnv env = new AdmissionsEnv(p, 3, 0);
        Applicants a = env.current();
        for (int i = 0; i < a.size(); i++) {
            assertEquals(0.2, a.thresholdNoise[i], 1e-3);
        }
    }

    @Test
    void episodeIsDoneAfterMaxStepsPlusOne() {
        AdmissionsEnv env = new AdmissionsEnv(AdmissionsParams.builder().maxSteps(8).build(), 1, 0);
        for (int i = 0; i < 9; i++) {
            assertFalse(env.done());
            env.step(0.8, 0);
        }
        assertTrue(env.done());
        assertEquals(9, env.steps());
        assertThrows(IllegalStateException.class, () -> env.step(0.8, 0));
        assertEquals(9, env.steps());
    }

    @Test
    void epsilonSelectsSomeBelowTheThreshold() {
        double[] y = new double[1000];
        java.util.Arrays.fill(y, 0.7);
        byte[] eligible = new byte[1000];
        double[] u = new double[1000];
        new io.github.fairsynth.rng.Xoshiro256PlusPlusX4(9).fillUniform(u, 0, 1000, 0, 1);
        byte[] sel = new byte[1000];
        byte[] gt = new byte[1000];
        assertTrue(AdmissionsKernel.select(y, eligible, 1000, 0.8, 0.5, u, sel, gt) > 0);
        assertEquals(0, AdmissionsKernel.select(y, eligible, 1000, 0.8, 0, u, sel, gt));
    }

    @Test
    void noisyFeaturesChangeTheObservedScore() {
        AdmissionsParams on = AdmissionsParams.builder().noisyFeatures(true).build();
        Applicants a = new AdmissionsEnv(on, 5, 0).current();
        boolean differs = false;
        for (int i = 0; i < a.size(); i++) {
            differs |= a.observed(i) != a.original(i);
        }
        assertTrue(differs);
        Applicants b = new AdmissionsEnv(AdmissionsParams.builder().build(), 5, 0).current();
        for (int i = 0; i < b.size(); i++) {
            assertEquals(b.original(i), b.observed(i), 0.0);
        }
    }

    @Test
    void badGamingControlAndNoiseDistAreRejected() {
        assertEquals("gaming_control", assertThrows(ConfigException.class,
                () -> AdmissionsParams.builder().gamingControl(2).build()).parameter());
        assertEquals("noise_dist", assertThrows(ConfigException.class, () -> NoiseDist.parse("random")).parameter());
    }
}
